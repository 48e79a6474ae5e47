/** Units a header may end with when written without brackets (建筑面积㎡, 投资万元), longest first. */
const SUFFIX_UNITS = ['万平方米', '万m2', '平方米', '万元', '亿元', 'm2', '%', '元'];

export interface HeaderReading {
  /** The header without spaces, brackets or unit: what the synonyms table lists. */
  readonly base: string;
  /** The unit as written in brackets or as a suffix ('' when none). */
  readonly unit: string;
}

/**
 * The readings of a header cell, most literal first: NFKC (full-width brackets and digits, ㎡ →
 * m2), lower case, no whitespace or line breaks, no leading required-mark (*) or trailing colon;
 * a bracketed tail, "/㎡" or a known unit suffix becomes the unit. Pure.
 */
export function normalizeLedgerHeader(text: string): HeaderReading[] {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/[:：]$/, '')
    .replaceAll('m²', 'm2')
    .replaceAll('㎡', 'm2');
  const out: HeaderReading[] = [{ base: s, unit: '' }];
  const bracket = /^(.+?)[([{【]([^()[\]{}【】]*)[)\]}】]$/.exec(s);
  if (bracket) out.push({ base: bracket[1]!, unit: bracket[2]! });
  const slash = /^(.+?)\/([^/]+)$/.exec(s);
  if (slash) out.push({ base: slash[1]!, unit: slash[2]! });
  for (const u of SUFFIX_UNITS)
    if (s.endsWith(u) && s.length > u.length) out.push({ base: s.slice(0, -u.length), unit: u });
  return out;
}
