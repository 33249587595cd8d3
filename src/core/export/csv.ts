/**
 * CSV as RFC 4180 writes it: CRLF between records, every field in double quotes with inner
 * quotes doubled (line breaks inside a field are kept as they are). Plus the reverse, for
 * Verify report, which also takes what a spreadsheet may save back: unquoted fields, LF or
 * CR line ends, a semicolon or tab as separator when the header has no comma.
 */

export function csvRecord(fields: readonly string[]): string {
  return fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
}

export function csvText(records: readonly (readonly string[])[]): string {
  return `${records.map(csvRecord).join('\r\n')}\r\n`;
}

/** The records of a CSV text (a leading byte-order mark is skipped). */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = separatorOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      // Quoted: runs up to each quote are sliced at once; a doubled quote is one quote.
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i += 1;
      }
    }
    // Unquoted, or what follows a closing quote before the separator (kept, as spreadsheets do).
    let end = i;
    while (
      end < text.length &&
      text[end] !== separator &&
      text[end] !== '\n' &&
      text[end] !== '\r'
    ) {
      end += 1;
    }
    field += text.slice(i, end);
    record.push(field);
    i = end;
    if (text[i] === separator) {
      i += 1;
      if (i === text.length) record.push('');
      continue;
    }
    records.push(record);
    record = [];
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i += 1;
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** The separator of the header line: a comma, else a semicolon or tab if only that is there. */
function separatorOf(text: string): string {
  let header = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) header += c;
  }
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}
