import { Router, type Request } from 'express';
import type { FeatureCollection } from 'geojson';
import { checkFireLanes } from '../../domain/fire-lanes/check-fire-lanes';
import { fireLaneOptionsOf } from '../../domain/fire-lanes/fire-lane-options-of';
import type { FireLaneResult } from '../../domain/fire-lanes/types';
import { listOverrides, type OverrideLine } from '../../domain/standards/list-overrides';
import { RULES, type ProjectContext } from '../../domain/standards/rules';
import { withOverrides } from '../../domain/standards/with-overrides';
import type { Catalog, ScenarioDetail } from '../db/catalog';
import { notFound } from '../http/api-error';
import { prefersEnglish } from '../http/error-handler';
import { idParams, parse } from '../http/parse';
import { flattenFeatureProperties } from '../report/flatten-feature-properties';
import { renderComplianceReport } from '../report/render-compliance-report';

const SCENARIO = { zh: '方案', en: 'Scenario' };

interface Checked {
  scenario: ScenarioDetail;
  features: FeatureCollection;
  result: FireLaneResult;
  rules: { context: ProjectContext; overrides: OverrideLine[] };
}

/**
 * Run the shared fire-lane engine on a stored scenario (the record of what the planner saw),
 * with the district's rule overrides (migration 014).
 */
async function checkScenario(catalog: Catalog, id: number): Promise<Checked> {
  const scenario = await catalog.getScenario(id);
  if (!scenario) throw notFound(SCENARIO, id);
  const features = flattenFeatureProperties(
    JSON.parse((await catalog.checkFeatures(id)).json) as FeatureCollection,
  );
  const project = await catalog.projectRules(scenario.districtId);
  const rules = withOverrides(RULES, project.overrides);
  return {
    scenario,
    features,
    result: checkFireLanes(features, fireLaneOptionsOf(rules, project.context)),
    rules: { context: project.context, overrides: listOverrides(rules) },
  };
}

const langOf = (req: Request): 'zh' | 'en' =>
  req.query.lang === 'en'
    ? 'en'
    : req.query.lang === 'zh'
      ? 'zh'
      : prefersEnglish(req)
        ? 'en'
        : 'zh';

/** Fire-lane compliance of stored scenarios: JSON under /api, a printable page under /report. */
export function reportRoutes(deps: { catalog: Catalog }): { api: Router; pages: Router } {
  const api = Router();
  api.get('/scenarios/:id/fire-lanes', async (req, res) => {
    const { id } = parse(idParams, req.params);
    res.json((await checkScenario(deps.catalog, id)).result);
  });

  const pages = Router();
  pages.get('/scenarios/:id/compliance', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { scenario, features, result, rules } = await checkScenario(deps.catalog, id);
    let communityName = '';
    if (scenario.communityId !== null) {
      const fc = JSON.parse(
        (await deps.catalog.communities({ communityId: scenario.communityId })).json,
      ) as FeatureCollection;
      communityName = String(fc.features[0]?.properties?.name ?? '');
    }
    res.type('html').send(
      renderComplianceReport({
        communityName,
        scenarioName: scenario.name,
        scenarioKind: scenario.kind,
        features,
        result,
        rules,
        lang: langOf(req),
        generatedAt: new Date(),
      }),
    );
  });
  return { api, pages };
}
