/**
 * CSV text (RFC 4180) with a UTF-8 byte-order mark, so Excel on a Chinese Windows opens 中文
 * columns correctly: fields with a comma, quote or line break are quoted, quotes doubled; CRLF.
 * A field that starts with = + - @ gets a leading apostrophe (CSV formula injection).
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown): string => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
