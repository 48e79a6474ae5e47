import { Router } from 'express';
import { z } from 'zod';
import { issue, parse } from '../http/parse';
import { notFound } from '../http/api-error';
import { disconnectSignal } from '../http/route-budgets';
import { isTileLayer, TILE_LAYERS, type TileService } from '../tiles/tile-service';

/** A tile ordinate: decimal digits only (no 0x10, 1e3, +5 or spaces; issue 18), then a number. */
const ordinate = z
  .string()
  .regex(
    /^(0|[1-9][0-9]{0,7})$/,
    issue('瓦片坐标应为十进制整数', 'tile z/x/y must be decimal integers'),
  )
  .transform(Number);

export const tileParamsSchema = z
  .object({
    layer: z.string(),
    z: ordinate.pipe(z.number().max(22)),
    x: ordinate,
    y: ordinate,
  })
  .refine(
    (p) => p.x < 2 ** p.z && p.y < 2 ** p.z,
    issue('瓦片坐标超出范围', 'tile x/y out of range for zoom'),
  );

const LAYER = { zh: '瓦片图层', en: 'Tile layer' };

/** Vector tiles (MVT) of baseline features, gzipped once and cached; TileJSON per layer. */
export function tileRoutes(deps: { tiles: TileService }): Router {
  const r = Router();

  r.get('/tiles/:layer.json', (req, res) => {
    const layer = String(req.params.layer);
    if (!isTileLayer(layer)) throw notFound(LAYER, layer);
    const def = TILE_LAYERS[layer];
    const base = `${req.protocol}://${req.get('host')}`;
    res.json({
      tilejson: '3.0.0',
      name: layer,
      tiles: [`${base}/api/tiles/${layer}/{z}/{x}/{y}.mvt`],
      minzoom: def.minzoom,
      maxzoom: def.maxzoom,
      attribution: '© OpenStreetMap contributors',
      vector_layers: def.kinds.map((id) => ({
        id,
        fields: {
          kind: 'String',
          name: 'String',
          category: 'String',
          levels: 'Number',
          width_m: 'Number',
        },
      })),
    });
  });

  r.get('/tiles/:layer/:z/:x/:y.mvt', async (req, res) => {
    const p = parse(tileParamsSchema, req.params);
    if (!isTileLayer(p.layer)) throw notFound(LAYER, p.layer);
    const tile = await deps.tiles.getTile(p.layer, p.z, p.x, p.y, disconnectSignal(req, res));
    res.setHeader('Content-Type', 'application/vnd.mapbox-vector-tile');
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.setHeader('X-Tile-Path', tile.path);
    res.setHeader('Server-Timing', `build;dur=${tile.buildMs.toFixed(2)}`);
    res.setHeader('Vary', 'Accept-Encoding');
    if (tile.gzip && req.acceptsEncodings('gzip')) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(tile.gzip);
    } else {
      res.end(tile.mvt);
    }
  });

  return r;
}
