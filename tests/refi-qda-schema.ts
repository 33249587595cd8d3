import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';

/**
 * Validates a project.qde against the REFI-QDA Project.xsd (vendored from the standard under
 * tests/vendor/refi-qda) with libxml2 compiled to WebAssembly, so no system xmllint is needed.
 * Returns libxml2's messages; empty when valid.
 */
const XSD = readFileSync(new URL('./vendor/refi-qda/Project.xsd', import.meta.url), 'utf8');

export function qdeErrors(qde: string | Uint8Array): string[] {
  const schemaDoc = XmlDocument.fromString(XSD);
  const validator = XsdValidator.fromDoc(schemaDoc);
  let doc: XmlDocument | null = null;
  try {
    doc = typeof qde === 'string' ? XmlDocument.fromString(qde) : XmlDocument.fromBuffer(qde);
    validator.validate(doc);
    return [];
  } catch (error) {
    const details = (error as { details?: { message: string; line?: number }[] }).details;
    return details?.map((d) => `line ${d.line ?? '?'}: ${d.message.trim()}`) ?? [String(error)];
  } finally {
    doc?.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}
