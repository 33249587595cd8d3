import { describe, it, expect } from 'vitest';
import { ingestFile, type IngestResult } from './index';
import type { ParsedDocument } from '../model';

const utf8 = new TextEncoder();

function ok(result: IngestResult): ParsedDocument {
  if (result.status !== 'ok') throw new Error(`${result.status}: ${result.reason}`);
  return result.doc;
}

/** Imported files written in other languages, dated as their writers date them. */
describe('import: dates written in the document’s language', () => {
  it('reads a Spanish dateline in a text file without headers', async () => {
    const text = [
      'El Gobierno promete abrir los refugios antes del invierno',
      '',
      'PUERTO SEREIN, 15 de marzo de 2015. El Ministerio de Bienestar Social anunció el martes que los tres refugios para víctimas de la trata que faltan en las provincias del norte abrirán antes de que llegue la nieve, dos años después del plazo original.',
      '',
      'Los diputados de la oposición dijeron que ya habían oído esa promesa. La red de derechos Harbourlight, que sigue el programa, afirma que solo cuatro de los nueve refugios prometidos están abiertos.',
    ].join('\n');
    expect(ok(await ingestFile('refugios.txt', utf8.encode(text)))).toMatchObject({
      title: 'El Gobierno promete abrir los refugios antes del invierno',
      language: 'es',
      date: '2015-03-15',
    });
  });

  it('reads a Date header in German and one in Polish, by the declared language', async () => {
    const german =
      'Ministerin verspricht neue Schutzhäuser\nDate: 3. März 2015\nLanguage: de\n\nText.';
    expect(ok(await ingestFile('de.txt', utf8.encode(german))).date).toBe('2015-03-03');
    const polish =
      '---\ntitle: Schroniska dla ofiar\ndate: 12 października 2013\nlanguage: pl\n---\n\nTekst.';
    expect(ok(await ingestFile('pl.md', utf8.encode(polish))).date).toBe('2013-10-12');
  });

  it('reads the date in a French page’s <time> element', async () => {
    const html = `<!doctype html><html lang="fr"><head><title>Foyers fermés</title></head><body>
      <article><h1>Les foyers promis toujours fermés à Korsa</h1>
      <p>Par Jeanne Morel, <time>30 avril 2015</time></p>
      <p>${'Dans la province de Korsa, les travailleurs sociaux placent toujours les victimes dans des auberges. '.repeat(6)}</p>
      </article></body></html>`;
    expect(ok(await ingestFile('foyers.html', utf8.encode(html)))).toMatchObject({
      language: 'fr',
      date: '2015-04-30',
    });
  });

  it('takes no date from relative words, whatever the language', async () => {
    const text = [
      'Le ministre promet de nouveaux foyers',
      '',
      'Le ministre a promis hier que les foyers ouvriraient la semaine prochaine, comme il l’avait déjà annoncé le mois dernier devant la commission des affaires sociales.',
    ].join('\n');
    expect(ok(await ingestFile('hier.txt', utf8.encode(text))).date).toBeNull();
  });
});
