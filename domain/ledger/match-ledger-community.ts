import type { LedgerCommunity, LedgerText } from './ledger-types';
import { normalizeCommunityName } from './normalize-community-name';

export type CommunityMatch =
  | {
      readonly community: LedgerCommunity;
      readonly by: 'code' | 'name' | 'normalized';
      readonly notes: readonly LedgerText[];
    }
  | { readonly community: null; readonly reason: LedgerText; readonly conflict?: boolean };

export interface CommunityIndex {
  match(name: string, code: string): CommunityMatch;
}

/**
 * Matching of ledger rows to the district's communities, in this order and never fuzzy:
 * 1. the 小区编码 on record; 2. the exact name (trimmed); 3. the normalised name
 *    (normalizeCommunityName: full-width, spaces, 小区/社区/院 suffixes), only when exactly one
 *    community has that key. A code naming one community and a name naming another is refused.
 * Pure: builds maps once over the stored communities.
 */
export function makeCommunityIndex(communities: readonly LedgerCommunity[]): CommunityIndex {
  const byCode = new Map<string, LedgerCommunity>();
  const byName = new Map<string, LedgerCommunity[]>();
  const byKey = new Map<string, LedgerCommunity[]>();
  const push = (m: Map<string, LedgerCommunity[]>, k: string, c: LedgerCommunity) =>
    m.set(k, [...(m.get(k) ?? []), c]);
  for (const c of communities) {
    if (c.code) byCode.set(c.code, c);
    push(byName, c.name.trim(), c);
    push(byKey, normalizeCommunityName(c.name), c);
  }
  const byNameOnly = (name: string): CommunityMatch => {
    if (!name) return { community: null, reason: { zh: '编码未登记', en: 'code not on record' } };
    const exact = byName.get(name) ?? [];
    if (exact.length === 1) return { community: exact[0]!, by: 'name', notes: [] };
    const same = byKey.get(normalizeCommunityName(name)) ?? [];
    if (exact.length > 1 || same.length > 1)
      return {
        community: null,
        reason: {
          zh: `名称对应多个小区: ${(exact.length > 1 ? exact : same).map((c) => c.name).join('、')}, 请填写小区编码`,
          en: `the name fits several communities: ${(exact.length > 1 ? exact : same).map((c) => c.name).join(', ')}; give the code`,
        },
      };
    if (same.length === 1)
      return {
        community: same[0]!,
        by: 'normalized',
        notes: [
          {
            zh: `名称「${name}」按规范化名称匹配到「${same[0]!.name}」`,
            en: `"${name}" matched "${same[0]!.name}" by its normalised name`,
          },
        ],
      };
    return {
      community: null,
      reason: {
        zh: `片区内没有名为「${name}」的小区`,
        en: `no community named "${name}" in this district`,
      },
    };
  };
  return {
    match(name, code) {
      const byCodeHit = code ? byCode.get(code) : undefined;
      if (!byCodeHit) return byNameOnly(name);
      if (!name) return { community: byCodeHit, by: 'code', notes: [] };
      const named = byNameOnly(name);
      if (named.community && named.community.id !== byCodeHit.id)
        return {
          community: null,
          conflict: true,
          reason: {
            zh: `编码 ${code} 属于「${byCodeHit.name}」, 名称「${name}」却是另一个小区`,
            en: `code ${code} belongs to "${byCodeHit.name}" but the name "${name}" is another community`,
          },
        };
      const notes: LedgerText[] = named.community
        ? []
        : [
            {
              zh: `按编码匹配; 台账名称「${name}」与登记名称「${byCodeHit.name}」不同 (名称不会被修改)`,
              en: `matched by code; the ledger's name "${name}" differs from "${byCodeHit.name}" on record (names are not changed)`,
            },
          ];
      return { community: byCodeHit, by: 'code', notes };
    },
  };
}
