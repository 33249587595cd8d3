/**
 * Month names for the indexed languages that the date parser (chrono-node) has no locale for.
 * Each entry lists, per month, the forms a date is written with (the genitive where the
 * language inflects, then common abbreviations), and the order of day, month and year. One
 * generic pattern in dates.ts reads them all: "3. marts 2015", "3 marca 2015 r.",
 * "3 Mart 2015", "3 martie 2015", "3 Μαρτίου 2015", "2015. március 3.".
 */
export interface MonthNameTable {
  order: 'dmy' | 'ymd';
  /** Twelve lists, January first; the forms are matched case-insensitively. */
  months: readonly (readonly string[])[];
}

export const MONTH_NAME_TABLES: Readonly<Record<string, MonthNameTable>> = {
  da: {
    order: 'dmy',
    months: [
      ['januar', 'jan'],
      ['februar', 'feb'],
      ['marts', 'mar'],
      ['april', 'apr'],
      ['maj'],
      ['juni', 'jun'],
      ['juli', 'jul'],
      ['august', 'aug'],
      ['september', 'sept', 'sep'],
      ['oktober', 'okt'],
      ['november', 'nov'],
      ['december', 'dec'],
    ],
  },
  no: {
    order: 'dmy',
    months: [
      ['januar', 'jan'],
      ['februar', 'feb'],
      ['mars', 'mar'],
      ['april', 'apr'],
      ['mai'],
      ['juni', 'jun'],
      ['juli', 'jul'],
      ['august', 'aug'],
      ['september', 'sept', 'sep'],
      ['oktober', 'okt'],
      ['november', 'nov'],
      ['desember', 'des'],
    ],
  },
  tr: {
    order: 'dmy',
    months: [
      ['ocak', 'oca'],
      ['şubat', 'şub'],
      ['mart', 'mar'],
      ['nisan', 'nis'],
      ['mayıs', 'may'],
      ['haziran', 'haz'],
      ['temmuz', 'tem'],
      ['ağustos', 'ağu'],
      ['eylül', 'eyl'],
      ['ekim', 'eki'],
      ['kasım', 'kas'],
      ['aralık', 'ara'],
    ],
  },
  ro: {
    order: 'dmy',
    months: [
      ['ianuarie', 'ian'],
      ['februarie', 'feb'],
      ['martie', 'mar'],
      ['aprilie', 'apr'],
      ['mai'],
      ['iunie', 'iun'],
      ['iulie', 'iul'],
      ['august', 'aug'],
      ['septembrie', 'sept', 'sep'],
      ['octombrie', 'oct'],
      ['noiembrie', 'nov'],
      ['decembrie', 'dec'],
    ],
  },
  hu: {
    order: 'ymd',
    months: [
      ['január', 'jan'],
      ['február', 'febr', 'feb'],
      ['március', 'márc', 'mar'],
      ['április', 'ápr'],
      ['május', 'máj'],
      ['június', 'jún'],
      ['július', 'júl'],
      ['augusztus', 'aug'],
      ['szeptember', 'szept', 'szep'],
      ['október', 'okt'],
      ['november', 'nov'],
      ['december', 'dec'],
    ],
  },
  pl: {
    order: 'dmy',
    months: [
      ['stycznia', 'styczeń', 'sty'],
      ['lutego', 'luty', 'lut'],
      ['marca', 'marzec', 'mar'],
      ['kwietnia', 'kwiecień', 'kwi'],
      ['maja', 'maj'],
      ['czerwca', 'czerwiec', 'cze'],
      ['lipca', 'lipiec', 'lip'],
      ['sierpnia', 'sierpień', 'sie'],
      ['września', 'wrzesień', 'wrz'],
      ['października', 'październik', 'paź'],
      ['listopada', 'listopad', 'lis'],
      ['grudnia', 'grudzień', 'gru'],
    ],
  },
  el: {
    order: 'dmy',
    months: [
      ['ιανουαρίου', 'ιανουάριος', 'ιαν'],
      ['φεβρουαρίου', 'φεβρουάριος', 'φεβ'],
      ['μαρτίου', 'μάρτιος', 'μαρ'],
      ['απριλίου', 'απρίλιος', 'απρ'],
      ['μαΐου', 'μάιος', 'μαΐ', 'μαι'],
      ['ιουνίου', 'ιούνιος', 'ιουν'],
      ['ιουλίου', 'ιούλιος', 'ιουλ'],
      ['αυγούστου', 'αύγουστος', 'αυγ'],
      ['σεπτεμβρίου', 'σεπτέμβριος', 'σεπ'],
      ['οκτωβρίου', 'οκτώβριος', 'οκτ'],
      ['νοεμβρίου', 'νοέμβριος', 'νοε'],
      ['δεκεμβρίου', 'δεκέμβριος', 'δεκ'],
    ],
  },
};
