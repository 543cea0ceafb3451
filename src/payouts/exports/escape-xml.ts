/**
 * Escapes text for an XML element or a double-quoted attribute. Apostrophes stay as they are
 * (legal in both places), so names like O'Brien read the same in the file as on screen.
 * @example escapeXml('A & B <"C">') // 'A &amp; B &lt;&quot;C&quot;&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
