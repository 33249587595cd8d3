/** Escapes text for an XML attribute or element; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\r/g, '&#13;')
  );
}

/** An element with attributes (undefined ones left out) and children already serialised. */
export function el(
  name: string,
  attrs: Record<string, string | number | undefined>,
  children: string[] = [],
): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
  return children.length === 0 ? `<${name}${a}/>` : `<${name}${a}>${children.join('')}</${name}>`;
}

export function textEl(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}
