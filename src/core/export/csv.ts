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
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === separator) endField();
    else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
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
