/**
 * One RFC 4180 record, CRLF-terminated: a field is quoted when it holds a comma, a double quote
 * or a line break, and inner quotes are doubled. Everything else is written as is, so amounts
 * such as 100.50 stay unquoted exactly as in the vendors' samples.
 * @example csvRow(['Lopez, Ana', 'say "hi"', '12.50']) // '"Lopez, Ana","say ""hi""",12.50\r\n'
 */
export function csvRow(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + '\r\n';
}
