import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('tells languages of Latin script apart by their common words', () => {
    expect(
      detectLanguage(
        'The minister promised that every province would have a shelter by the end of the year. ' +
          'Two years later only two shelters had opened, both of them in the capital, and the ' +
          'ministry has not published the figures it promised.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'Le ministre a promis que chaque province aurait un refuge avant la fin de l’année. ' +
          'Deux ans plus tard, seuls deux refuges étaient ouverts, tous les deux dans la capitale, ' +
          'et le ministère n’a pas publié les chiffres qu’il avait promis.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Der Minister hat versprochen, dass jede Provinz bis zum Ende des Jahres eine Unterkunft ' +
          'hat. Zwei Jahre später waren nur zwei Unterkünfte geöffnet, beide in der Hauptstadt, ' +
          'und das Ministerium hat die versprochenen Zahlen nicht veröffentlicht.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        'El ministro prometió que cada provincia tendría un refugio antes del final del año. ' +
          'Dos años después solo se habían abierto dos refugios, los dos en la capital, y el ' +
          'ministerio no ha publicado las cifras que prometió.',
      ),
    ).toBe('es');
  });

  it('knows scripts written without spaces and other scripts', () => {
    expect(detectLanguage('រដ្ឋមន្ត្រីបានសន្យាថានឹងបើកជម្រកនៅគ្រប់ខេត្ត។')).toBe('km');
    expect(detectLanguage('รัฐมนตรีสัญญาว่าจะเปิดที่พักพิงในทุกจังหวัด')).toBe('th');
    expect(detectLanguage('ລັດຖະມົນຕີໄດ້ສັນຍາວ່າຈະເປີດທີ່ພັກອາໄສໃນທຸກແຂວງ')).toBe('lo');
    expect(detectLanguage('部长承诺在每个省开设庇护所。')).toBe('zh');
    expect(detectLanguage('大臣はすべての県に避難所を開くと約束した。')).toBe('ja');
  });

  it('answers null for too little text or no words', () => {
    expect(detectLanguage('Shelter figures')).toBeNull();
    expect(detectLanguage('2015-03-11 12:00 — 4.5%')).toBeNull();
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('Министр обещал открыть приюты во всех провинциях.')).toBeNull();
  });
});
