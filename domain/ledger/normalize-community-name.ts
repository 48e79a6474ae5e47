/** Suffixes ledgers add or drop from a community's name (静淑苑小区 = 静淑苑). */
const SUFFIXES = ['小区', '社区', '院'];

/**
 * The key two spellings of one community's name share: NFKC (full-width letters, digits and
 * brackets become half-width), lower case, no whitespace or middle dots, and without a trailing
 * 小区 / 社区 / 院 (repeatedly, never down to nothing). Only for exact comparison of keys:
 * nothing here is fuzzy. Pure.
 */
export function normalizeCommunityName(name: string): string {
  let s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•・]+/g, '');
  for (let again = true; again;) {
    again = false;
    for (const suffix of SUFFIXES)
      if (s.endsWith(suffix) && s.length > suffix.length) {
        s = s.slice(0, -suffix.length);
        again = true;
      }
  }
  return s;
}
