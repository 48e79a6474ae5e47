import type { Geometry, Position } from 'geojson';
import { gdalLines, gdalText } from './run-gdal';
import type { SurveyDataset } from './survey-dataset';
import { mapGeometry } from '../../domain/geo/map-positions';

/** One feature as the file has it: its layer, attributes and geometry in file coordinates. */
export interface RawFeature {
  layer: string;
  props: Record<string, unknown>;
  geometry: Geometry;
  /** TEXT/MTEXT (DXF): the label, a point; never imported as a feature itself. */
  text?: string;
  /** INSERT (DXF): the block's geometry exploded with the insert's transform (file coords). */
  exploded?: Geometry[];
}

export interface OgrLayerInfo {
  name: string;
  count: number;
  extent: [number, number, number, number] | null;
  /** "EPSG:4548" when GDAL identifies the layer's SRS (.prj, GPKG SRS, KML/GeoJSON WGS84). */
  epsg: string | null;
  /** The geometry type the layer declares ("Polygon", "Multi Polygon", "Unknown (any)" …). */
  geometry: string | null;
  /** The attribute fields the layer declares. */
  fields: string[];
}

const FIELD_LINE =
  /^([^\s:][^:\n]*): (?:Integer64List|IntegerList|RealList|StringList|Integer64|Integer|Real|String|DateTime|Date|Time|Binary) \(/gm;

const ogrOpen = (ds: SurveyDataset) => ds.openOptions.flatMap((o) => ['-oo', o]);

/**
 * The file's OGR layers with counts, extents and identified SRS. GDAL 3.6 (Debian 12) has no
 * `ogrinfo -json`, so this reads the text summary; the top-level ID of the WKT2 CRS is the one
 * indented by exactly four spaces.
 */
export async function listOgrLayers(ds: SurveyDataset): Promise<OgrLayerInfo[]> {
  const out = await gdalText(
    'ogrinfo',
    ['-ro', '-so', '-al', '-wkt_format', 'WKT2', ...ogrOpen(ds), ds.path],
    ds.env,
  );
  return out
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => {
      const name = block.slice(0, block.indexOf('\n')).trim();
      const count = Number(/^Feature Count: (\d+)/m.exec(block)?.[1] ?? 0);
      const e = /^Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/m.exec(block);
      const epsg = /^ {4}ID\["EPSG",(\d+)\]\]/m.exec(block)?.[1];
      return {
        name,
        count,
        extent: e ? ([+e[1]!, +e[2]!, +e[3]!, +e[4]!] as [number, number, number, number]) : null,
        epsg: epsg ? `EPSG:${epsg}` : null,
        geometry: /^Geometry: (.+)$/m.exec(block)?.[1]?.trim() ?? null,
        fields: [...block.matchAll(FIELD_LINE)].map((m) => m[1]!),
      };
    })
    .filter((l) => !(ds.format === 'dxf' && l.name === 'blocks'));
}

const flat = (p: Position): Position => [p[0]!, p[1]!];
/** Drop Z (DXF writes 0) so every geometry is 2-D. */
export const to2d = (g: Geometry): Geometry => mapGeometry(g, flat);

/** Apply a block insert's transform (scale, rotate by BlockAngle degrees, translate). */
function insertTransform(props: Record<string, unknown>, at: Position): (p: Position) => Position {
  const scale = Array.isArray(props.BlockScale) ? (props.BlockScale as number[]) : [1, 1];
  const sx = Number(scale[0] ?? 1);
  const sy = Number(scale[1] ?? sx);
  const t = (Number(props.BlockAngle ?? 0) * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return ([x, y]) => {
    const u = x! * sx;
    const v = y! * sy;
    return [at[0]! + c * u - s * v, at[1]! + s * u + c * v];
  };
}

interface SeqFeature {
  properties: Record<string, unknown> | null;
  geometry: Geometry | null;
}

async function streamLayer(
  ds: SurveyDataset,
  layer: string,
  onFeature: (f: SeqFeature) => void | Promise<void>,
  limit?: number,
): Promise<void> {
  // -a_srs NONE keeps the file's own coordinates: GeoJSONSeq would otherwise reproject to WGS84
  // on its own; the CRS the planner chose is applied afterwards, in one place.
  await gdalLines(
    'ogr2ogr',
    [
      '-f',
      'GeoJSONSeq',
      '/vsistdout/',
      ...ogrOpen(ds),
      ds.path,
      layer,
      '-a_srs',
      'NONE',
      ...(limit ? ['-limit', String(limit)] : []),
    ],
    ds.env,
    (line) => onFeature(JSON.parse(line.replace(/,$/, '')) as SeqFeature),
  );
}

/** The first `limit` features of one layer of a non-DXF file (a scan's sample). */
export async function sampleLayer(
  ds: SurveyDataset,
  layer: string,
  limit: number,
  onFeature: (f: RawFeature) => void,
): Promise<void> {
  await streamLayer(
    ds,
    layer,
    (f) => {
      if (f.geometry) onFeature({ layer, props: f.properties ?? {}, geometry: to2d(f.geometry) });
    },
    limit,
  );
}

/** A block definition's members: drawn geometry, and nested INSERTs of other blocks. */
interface BlockDef {
  drawn: Geometry[];
  inserts: { block: string; props: Record<string, unknown>; at: Position }[];
}

/** Blocks nested deeper than this are not exploded further (a cycle cannot recurse forever). */
const MAX_BLOCK_DEPTH = 8;

/**
 * The parts one INSERT gives, in file coordinates: the block's own drawn geometry (one part,
 * at the insertion point) and, for every INSERT nested inside the block, that block's parts
 * with the two transforms composed (outer ∘ inner), recursively. A stall-group block of three
 * stall blocks thus gives three stalls, each where CAD draws it.
 */
function explodeInsert(
  blocks: Map<string, BlockDef>,
  name: string,
  t: (p: Position) => Position,
  at: Position,
  depth = 0,
): { at: Position; geometries: Geometry[] }[] {
  const def = blocks.get(name);
  if (!def) return [];
  const parts: { at: Position; geometries: Geometry[] }[] = [];
  if (def.drawn.length) parts.push({ at, geometries: def.drawn.map((g) => mapGeometry(g, t)) });
  if (depth < MAX_BLOCK_DEPTH)
    for (const n of def.inserts) {
      const inner = insertTransform(n.props, n.at);
      parts.push(...explodeInsert(blocks, n.block, (p) => t(inner(p)), t(n.at), depth + 1));
    }
  return parts;
}

/**
 * Stream every feature of the file. DXF: the `entities` layer grouped by its `Layer` field;
 * TEXT/MTEXT become labels; INSERTs carry their block exploded with its transform (the block
 * definitions are read first; INSERTs nested inside a block are exploded with the composed
 * transforms, each nested insert giving a feature of its own). Other formats: each OGR layer
 * is one layer.
 */
export async function readSurveyFeatures(
  ds: SurveyDataset,
  layers: OgrLayerInfo[],
  onFeature: (f: RawFeature) => void | Promise<void>,
): Promise<void> {
  if (ds.format !== 'dxf') {
    for (const l of layers) {
      await streamLayer(ds, l.name, async (f) => {
        if (f.geometry)
          await onFeature({ layer: l.name, props: f.properties ?? {}, geometry: to2d(f.geometry) });
      });
    }
    return;
  }
  const blocks = new Map<string, BlockDef>();
  await streamLayer(ds, 'blocks', (f) => {
    const props = f.properties ?? {};
    const name = String(props.Block ?? '');
    if (!f.geometry || !name) return;
    const def = blocks.get(name) ?? { drawn: [], inserts: [] };
    blocks.set(name, def);
    const g = to2d(f.geometry);
    if (typeof props.BlockName === 'string' && props.BlockName !== name && g.type === 'Point')
      def.inserts.push({ block: props.BlockName, props, at: g.coordinates });
    else if (!/AcDb(M)?Text/.test(String(props.SubClasses ?? ''))) def.drawn.push(g);
  });
  await streamLayer(ds, 'entities', async (f) => {
    if (!f.geometry) return;
    const props = f.properties ?? {};
    const layer = String(props.Layer ?? '0');
    const geometry = to2d(f.geometry);
    const sub = String(props.SubClasses ?? '');
    if (/AcDb(M)?Text/.test(sub) && geometry.type === 'Point') {
      const text = String(props.Text ?? '').trim();
      if (text) await onFeature({ layer, props, geometry, text });
      return;
    }
    if (
      typeof props.BlockName === 'string' &&
      blocks.has(props.BlockName) &&
      geometry.type === 'Point'
    ) {
      const t = insertTransform(props, geometry.coordinates);
      const parts = explodeInsert(blocks, props.BlockName, t, geometry.coordinates);
      // An empty block (or one of texts only) still marks its insertion point.
      if (!parts.length) return onFeature({ layer, props, geometry });
      for (const part of parts)
        await onFeature({
          layer,
          props,
          geometry: { type: 'Point', coordinates: part.at },
          exploded: part.geometries,
        });
      return;
    }
    await onFeature({ layer, props, geometry });
  });
}

/** Read the DXF header's $INSUNITS (4 = mm, 6 = m, …) from the first bytes of the file. */
export function dxfInsUnits(bytes: Buffer): number | null {
  const head = bytes.subarray(0, 1 << 16).toString('latin1');
  const m = /\$INSUNITS\s*\r?\n\s*70\s*\r?\n\s*(\d+)/.exec(head);
  return m ? Number(m[1]) : null;
}
