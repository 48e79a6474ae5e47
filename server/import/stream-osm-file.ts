import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer as turfBuffer, feature as toFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import osmtogeojson from 'osmtogeojson';
import {
  createOsmImportCollector,
  type Bbox,
  type OsmFeature,
} from '../../domain/osm/create-osm-import-collector';
import { describeMissingOsmParts } from '../../domain/osm/describe-missing-osm-parts';
import type { ImportedCommunity, ImportedFeature } from '../../domain/osm/imported-district';
import type { ImportWarning } from '../../domain/osm/import-warning';
import { indexOsmElements } from '../../domain/osm/index-osm-elements';
import {
  osmiumFeatureToOsmFeature,
  type OsmiumFeature,
} from '../../domain/osm/osmium-feature-to-osm-feature';
import { osmXmlToElements } from '../../domain/osm/osm-xml-to-elements';
import { parseOplTags } from '../../domain/osm/parse-opl-tags';
import { wouldImportOsmElement } from '../../domain/osm/would-import-osm-element';
import { RULES } from '../../domain/standards/rules';
import { osmiumLines } from './osmium-lines';

export interface StreamOsmFileOptions {
  /** Unnamed residential areas below this are not communities (m²). */
  readonly minAreaSqM?: number | undefined;
  /** Unnamed residential areas with fewer buildings are not communities. */
  readonly minBuildings?: number | undefined;
  /** Clip to [west, south, east, north] (degrees) before anything else. */
  readonly bbox?: Bbox | undefined;
  /** Clip to this area (and the GeoJSON file osmium reads it from). */
  readonly boundary?:
    { readonly geometry: Polygon | MultiPolygon; readonly file: string } | undefined;
  /**
   * With a clip: walking network and facilities this far (m) beyond it are kept as context
   * (default RULES.importContext.bufferM; 0 keeps nothing beyond the clip).
   */
  readonly contextBufferM?: number | undefined;
  /** Features per batch handed to onFeatures. */
  readonly batchSize?: number | undefined;
  /** Aborting kills osmium and rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((message: string) => void) | undefined;
  /** Called with each batch of features, in order, and awaited: the writer sets the pace. */
  readonly onFeatures: (batch: ImportedFeature[]) => Promise<void>;
}

export interface StreamOsmFileResult {
  communities: ImportedCommunity[];
  warnings: ImportWarning[];
  bbox: Bbox;
  /** Features handed to onFeatures. */
  features: number;
  /** Peak resident memory of the osmium processes (kB). */
  osmiumPeakRssKb: number;
}

const formatOf = (path: string): 'pbf' | 'osm' => {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pbf')) return 'pbf';
  if (lower.endsWith('.osm') || lower.endsWith('.xml')) return 'osm';
  throw new Error(`${path}: unknown OSM file type (expected .osm, .xml or .osm.pbf)`);
};

const rectangle = ([w, s, e, n]: Bbox): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

/** A bbox grown by `m` metres on every side (degrees of longitude at its far latitude). */
const growBbox = ([w, s, e, n]: Bbox, m: number): Bbox => {
  const dLat = m / 110_540;
  const far = Math.min(89, Math.max(Math.abs(s), Math.abs(n)) + dLat);
  const dLon = m / (111_320 * Math.cos((far * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
};

const drain = async (lines: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
};

/**
 * Streams an OSM extract (.osm.pbf or .osm XML, any size) into import features with
 * osmium-tool, holding only what the end needs (see create-osm-import-collector.ts):
 *
 * 1. optional clip: `osmium extract --bbox | --polygon` (strategy smart: ways and
 *    multipolygons crossing the edge stay whole);
 * 2. `osmium cat -t relation`: the relations, to notice the multipolygons osmium cannot build;
 * 3. `osmium export -f geojsonseq`: geometry built by osmium (node locations in its own
 *    index), one feature per line, classified by the domain tag table and handed on in batches;
 * 4. the multipolygons osmium skipped because members are missing from the extract: fetched
 *    with `osmium getid -r` and built from what is there by osmtogeojson (kept in part, with a
 *    warning), as the in-memory converter does.
 */
export const streamOsmFile = async (
  path: string,
  options: StreamOsmFileOptions,
): Promise<StreamOsmFileResult> => {
  const format = formatOf(path);
  await stat(path);
  const progress = options.onProgress ?? (() => undefined);
  const signal = options.signal;
  const batchSize = options.batchSize ?? 5000;
  const dir = await mkdtemp(join(tmpdir(), 'rpm-import-'));
  let peak = 0;
  try {
    let input = path;
    const clip = options.boundary?.geometry ?? (options.bbox ? rectangle(options.bbox) : undefined);
    const bufferM = options.contextBufferM ?? RULES.importContext.bufferM.value;
    let contextClip: Polygon | MultiPolygon | undefined;
    if (options.bbox || options.boundary) {
      input = join(dir, 'clip.osm.pbf');
      let area: string[];
      if (options.boundary) {
        area = ['--polygon', options.boundary.file];
        if (bufferM > 0) {
          const grown = turfBuffer(toFeature(options.boundary.geometry), bufferM / 1000, {
            units: 'kilometers',
          });
          if (grown) {
            contextClip = grown.geometry;
            const file = join(dir, 'context.geojson');
            await writeFile(file, JSON.stringify(grown));
            area = ['--polygon', file];
          }
        }
      } else {
        const box = options.bbox as Bbox;
        contextClip = bufferM > 0 ? rectangle(growBbox(box, bufferM)) : undefined;
        area = ['--bbox', (bufferM > 0 ? growBbox(box, bufferM) : box).join(',')];
      }
      const run = osmiumLines(
        [
          'extract',
          ...area,
          '--strategy',
          'smart',
          '--set-bounds',
          '-F',
          format,
          path,
          '-o',
          input,
          '--overwrite',
          '--no-progress',
        ],
        { signal },
      );
      await drain(run.lines);
      peak = Math.max(peak, run.peakRssKb());
      progress(`clipped with osmium extract ${area.join(' ')}`);
    }
    const inputFormat = input === path ? format : 'pbf';

    const info = osmiumLines(['fileinfo', '-j', '-F', inputFormat, input], { signal });
    const header = JSON.parse((await drain(info.lines)).join('\n')) as {
      header?: { boxes?: number[][] };
    };
    const box = header.header?.boxes?.[0];
    const fileBounds = box && box.length === 4 ? (box as Bbox) : undefined;

    const relations = new Map<number, Record<string, string>>();
    const cat = osmiumLines(
      [
        'cat',
        '-t',
        'relation',
        '-f',
        'opl,add_metadata=false',
        '-F',
        inputFormat,
        input,
        '--no-progress',
      ],
      { signal },
    );
    for await (const line of cat.lines) {
      const r = parseOplTags(line);
      if (r?.type !== 'relation') continue;
      if (wouldImportOsmElement({ type: 'relation', id: r.id, members: [], tags: r.tags })) {
        relations.set(r.id, { ...r.tags });
      }
    }
    peak = Math.max(peak, cat.peakRssKb());

    const collector = createOsmImportCollector({
      minAreaSqM: options.minAreaSqM,
      minBuildings: options.minBuildings,
      clip,
      fileBounds,
      contextClip,
    });
    let batch: ImportedFeature[] = [];
    let written = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const b = batch;
      batch = [];
      written += b.length;
      await options.onFeatures(b);
    };
    const take = async (features: ImportedFeature[]): Promise<void> => {
      for (const f of features) batch.push(f);
      if (batch.length >= batchSize) await flush();
    };

    const t0 = performance.now();
    let lastReport = t0;
    const built = new Set<number>();
    const run = osmiumLines(
      [
        'export',
        '-f',
        'geojsonseq',
        '-a',
        'type,id',
        '-x',
        'print_record_separator=false',
        '-e',
        '-i',
        'sparse_mmap_array',
        '-F',
        inputFormat,
        input,
        '-o',
        '-',
        '--no-progress',
      ],
      {
        signal,
        onStderrLine: (line) => {
          if (!line.startsWith('Geometry error:')) return;
          const id = /\(id=(-?\d+)\)/.exec(line)?.[1] ?? '?';
          collector.warn({
            rule: 'geometry-error',
            action: 'skipped',
            osmRef: `${/\bway\b/i.test(line) ? 'way' : 'area'}/${id}`,
            detail: `skipped, osmium: ${line.slice('Geometry error: '.length)}`,
          });
        },
      },
    );
    for await (const line of run.lines) {
      if (line.startsWith('{')) {
        const f = osmiumFeatureToOsmFeature(JSON.parse(line) as OsmiumFeature);
        if (f === undefined) continue;
        if (f.properties?.type === 'relation') built.add(f.properties.id);
        await take(collector.add(f));
      }
      const now = performance.now();
      if (now - lastReport > 2000) {
        lastReport = now;
        const n = written + batch.length;
        progress(`  streamed ${n} features (${Math.round(n / ((now - t0) / 1000))}/s)`);
      }
    }
    peak = Math.max(peak, run.peakRssKb());

    // Multipolygons osmium left out: members missing from the extract. Build what is there.
    const missing = [...relations.keys()].filter((id) => !built.has(id));
    if (missing.length > 0) {
      const getid = osmiumLines(
        [
          'getid',
          '-r',
          '-i',
          '-',
          '-f',
          'osm',
          '-F',
          inputFormat,
          input,
          '-o',
          '-',
          '--no-progress',
        ],
        { signal, okExitCodes: [1], stdin: missing.map((id) => `r${id}\n`).join('') },
      );
      const data = osmXmlToElements((await drain(getid.lines)).join('\n'));
      peak = Math.max(peak, getid.peakRssKb());
      const index = indexOsmElements(data.elements);
      const wanted = new Set(missing.map((id) => `relation/${id}`));
      const done = new Set<string>();
      const partial = osmtogeojson({ elements: data.elements }, { flatProperties: false });
      for (const f of partial.features as OsmFeature[]) {
        const ref = typeof f.id === 'string' ? f.id : '';
        if (!wanted.has(ref)) continue;
        done.add(ref);
        const why = f.properties?.tainted ? describeMissingOsmParts(ref, index) : undefined;
        await take(collector.add(f, why));
      }
      for (const ref of wanted) {
        if (done.has(ref)) continue;
        const tags = relations.get(Number(ref.slice('relation/'.length))) ?? {};
        collector.warn({
          rule: 'no-usable-geometry',
          action: 'skipped',
          osmRef: ref,
          name: tags.name ?? tags['name:zh'],
          detail: `skipped, no usable geometry in this extract (${describeMissingOsmParts(ref, index)})`,
        });
      }
    }

    const result = collector.finish();
    await take(result.features);
    await flush();
    return {
      communities: result.communities,
      warnings: result.warnings,
      bbox: result.bbox,
      features: written,
      osmiumPeakRssKb: peak,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
