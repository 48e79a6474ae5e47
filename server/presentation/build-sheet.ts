import type { FeatureCollection } from 'geojson';
import type { Catalog } from '../db/catalog';
import { ApiError, notFound } from '../http/api-error';
import { renderCommunitySheet } from './render-community-sheet';
import { scenarioIndicators } from './scenario-indicators';

const COMMUNITY = { zh: '小区', en: 'Community' };

/**
 * The sheet of one community (HTML section): with `scenarioId`, that scenario (it must be the
 * community's); otherwise the community's most recently changed proposal, or its baseline when
 * it has none.
 */
export async function buildSheet(
  catalog: Catalog,
  communityId: number,
  options: { scenarioId?: number | undefined; lang: 'zh' | 'en'; districtName?: string },
): Promise<{ html: string; name: string; districtId: number }> {
  const fc = JSON.parse((await catalog.communities({ communityId })).json) as FeatureCollection;
  const c = fc.features[0]?.properties;
  const outline = fc.features[0]?.geometry ?? null;
  if (!c) throw notFound(COMMUNITY, communityId);
  const scenarios = await catalog.communityScenarios(communityId);
  let scenarioId = options.scenarioId;
  if (scenarioId === undefined) {
    const proposals = scenarios
      .filter((s) => s.kind === 'proposal')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
    scenarioId = (proposals[0] ?? scenarios.find((s) => s.kind === 'baseline'))?.id;
  } else if (!scenarios.some((s) => s.id === scenarioId)) {
    throw new ApiError('VALIDATION', {
      zh: `方案 ${scenarioId} 不属于小区 ${communityId}`,
      en: `scenario ${scenarioId} is not a scenario of community ${communityId}`,
    });
  }
  if (scenarioId === undefined)
    throw notFound({ zh: '小区方案', en: 'Community scenario' }, communityId);
  const indicators = await scenarioIndicators(catalog, scenarioId);
  const [before, after] = await Promise.all([
    catalog.scenarioFeatures(indicators.baseline.id, {}),
    catalog.scenarioFeatures(scenarioId, {}),
  ]);
  const districtId = Number(c['districtId']);
  const districtName =
    options.districtName ??
    (await catalog.listDistricts()).find((d) => d.id === districtId)?.name ??
    '';
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const html = renderCommunitySheet(
    {
      community: {
        name: String(c['name']),
        builtYear: num(c['builtYear']),
        households: num(c['households']),
        buildingCount: num(c['buildingCount']),
        floorAreaSqM: num(c['floorAreaSqM']),
        stage: typeof c['stage'] === 'string' ? c['stage'] : null,
        budgetWan: num(c['budgetWan']),
      },
      districtName,
      outline,
      indicators,
      before: JSON.parse(before.json) as FeatureCollection,
      after: JSON.parse(after.json) as FeatureCollection,
    },
    options.lang,
  );
  return { html, name: String(c['name']), districtId };
}
