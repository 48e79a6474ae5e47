import { Router, type Request } from 'express';
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import type { Catalog } from '../db/catalog';
import { notFound } from '../http/api-error';
import { prefersEnglish } from '../http/error-handler';
import { idParams, idSchema, parse } from '../http/parse';
import { buildSheet } from '../presentation/build-sheet';
import { PdfPrinter } from '../presentation/pdf-printer';
import { sheetDocument } from '../presentation/sheet-document';

const DISTRICT = { zh: '片区', en: 'District' };
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const sheetQuery = z.object({
  scenario: idSchema.optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const langOf = (req: Request, asked: 'zh' | 'en' | undefined): 'zh' | 'en' =>
  asked ?? (prefersEnglish(req) ? 'en' : 'zh');

/**
 * One-page sheets (issue 7): per community, and the atlas of a district (every community, one
 * page each). HTML under /report, the same document printed to PDF by headless Chromium
 * under /api.
 */
export function sheetRoutes(deps: {
  catalog: Catalog;
  config: {
    chromiumPath?: string | undefined;
    printConcurrency?: number | undefined;
    printMaxQueue?: number | undefined;
    printIdleMs?: number | undefined;
  };
}): { api: Router; pages: Router; printer: PdfPrinter } {
  const { catalog } = deps;
  // One long-lived browser for every sheet and atlas this app prints (issue 13 item 1).
  const printer = new PdfPrinter({
    chromiumPath: deps.config.chromiumPath || DEFAULT_CHROMIUM,
    concurrency: deps.config.printConcurrency ?? 2,
    maxQueue: deps.config.printMaxQueue ?? 20,
    idleMs: deps.config.printIdleMs ?? 60_000,
  });

  async function communityDoc(req: Request): Promise<{ html: string; file: string }> {
    const { id } = parse(idParams, req.params);
    const q = parse(sheetQuery, req.query);
    const lang = langOf(req, q.lang);
    const sheet = await buildSheet(catalog, id, { scenarioId: q.scenario, lang });
    return { html: sheetDocument(sheet.name, [sheet.html], lang), file: `community-${id}-sheet` };
  }

  async function atlasDoc(req: Request): Promise<{ html: string; file: string }> {
    const { id } = parse(idParams, req.params);
    const q = parse(sheetQuery.omit({ scenario: true }), req.query);
    const lang = langOf(req, q.lang);
    const district = (await catalog.listDistricts()).find((d) => d.id === id);
    if (!district) throw notFound(DISTRICT, id);
    const fc = JSON.parse(
      (await catalog.communities({ districtId: id })).json,
    ) as FeatureCollection;
    const sheets: string[] = [];
    // One at a time: each sheet runs the coverage engine over the district's network.
    for (const f of fc.features) {
      sheets.push(
        (
          await buildSheet(catalog, Number(f.properties?.['id']), {
            lang,
            districtName: district.name,
          })
        ).html,
      );
    }
    return { html: sheetDocument(district.name, sheets, lang), file: `district-${id}-atlas` };
  }

  const pdf =
    (build: (req: Request) => Promise<{ html: string; file: string }>) =>
    async (req: Request, res: import('express').Response) => {
      const doc = await build(req);
      // A caller that went away leaves the print queue.
      const gone = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) gone.abort(new Error('client went away'));
      });
      const bytes = await printer.print(doc.html, gone.signal);
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', `inline; filename="${doc.file}.pdf"`)
        .send(bytes);
    };
  const html =
    (build: (req: Request) => Promise<{ html: string; file: string }>) =>
    async (req: Request, res: import('express').Response) => {
      const doc = await build(req);
      res.type('html').send(doc.html);
    };

  const api = Router();
  api.get('/communities/:id/sheet.pdf', pdf(communityDoc));
  api.get('/districts/:id/atlas.pdf', pdf(atlasDoc));
  const pages = Router();
  pages.get('/communities/:id/sheet', html(communityDoc));
  pages.get('/districts/:id/atlas', html(atlasDoc));
  return { api, pages, printer };
}
