/**
 * Characters XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, and halves of surrogate pairs standing alone). A Word or Excel file with one
 * of them is damaged, so they are written as U+FFFD, and Verify report compares texts with
 * them replaced the same way.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}
