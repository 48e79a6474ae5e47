import type { Feature, Geometry, Position } from 'geojson';

/** How a feature is drawn on a mini-map. */
export interface MiniMapStyle {
  fill: string;
  stroke: string;
  strokeWidthPx: number;
  opacity?: number;
  /** Lines only: draw each line as wide as its `widthM` property (at least this), in metres. */
  minWidthFromPropertyM?: number;
}

export interface MiniMapLayer {
  features: Feature[];
  style: MiniMapStyle;
}

const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LON_EQ = 111_320;

function bboxOf(geometries: Geometry[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as Position;
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const g of geometries) if (g.type !== 'GeometryCollection') visit(g.coordinates);
  return [w, s, e, n];
}

/**
 * A small static map as inline SVG: the layers drawn in order inside the focus geometries'
 * extent grown by `marginM` metres. Equirectangular around the focus (exact enough over a
 * few hundred metres); north up; a 20 m scale bar. Prints crisply, needs no WebGL.
 */
export function svgMiniMap(
  layers: MiniMapLayer[],
  focus: Geometry[],
  options: { widthPx: number; heightPx: number; marginM: number },
): string {
  const [w0, s0, e0, n0] = bboxOf(focus);
  const lat0 = (s0 + n0) / 2;
  const kx = M_PER_DEG_LON_EQ * Math.cos((lat0 * Math.PI) / 180);
  const spanX = (e0 - w0) * kx + 2 * options.marginM;
  const spanY = (n0 - s0) * M_PER_DEG_LAT + 2 * options.marginM;
  const scale = Math.min(options.widthPx / spanX, options.heightPx / spanY);
  const cx = (w0 + e0) / 2;
  const cy = lat0;
  const px = ([lon, lat]: Position): string =>
    `${(options.widthPx / 2 + (lon! - cx) * kx * scale).toFixed(1)},${(options.heightPx / 2 - (lat! - cy) * M_PER_DEG_LAT * scale).toFixed(1)}`;
  const ring = (r: Position[]): string => `M${r.map(px).join('L')}Z`;
  const withWidth = (f: Feature, st: MiniMapStyle): MiniMapStyle =>
    st.minWidthFromPropertyM === undefined
      ? st
      : {
          ...st,
          strokeWidthPx:
            Math.max(Number(f.properties?.widthM) || 0, st.minWidthFromPropertyM) * scale,
        };
  const draw = (g: Geometry, st: MiniMapStyle): string => {
    const attrs = `fill="${st.fill}" stroke="${st.stroke}" stroke-width="${st.strokeWidthPx}" opacity="${st.opacity ?? 1}"`;
    switch (g.type) {
      case 'Point':
        return `<circle cx="${px(g.coordinates).split(',')[0]}" cy="${px(g.coordinates).split(',')[1]}" r="3" ${attrs}/>`;
      case 'MultiPoint':
        return g.coordinates.map((c) => draw({ type: 'Point', coordinates: c }, st)).join('');
      case 'LineString':
        return `<polyline points="${g.coordinates.map(px).join(' ')}" ${attrs.replace('fill="none" ', '')} fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
      case 'MultiLineString':
        return g.coordinates.map((c) => draw({ type: 'LineString', coordinates: c }, st)).join('');
      case 'Polygon':
        return `<path d="${g.coordinates.map(ring).join('')}" fill-rule="evenodd" ${attrs}/>`;
      case 'MultiPolygon':
        return g.coordinates.map((c) => draw({ type: 'Polygon', coordinates: c }, st)).join('');
      case 'GeometryCollection':
        return g.geometries.map((c) => draw(c, st)).join('');
    }
  };
  const bar = 20 * scale;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.widthPx}" height="${options.heightPx}" viewBox="0 0 ${options.widthPx} ${options.heightPx}">` +
    `<rect width="100%" height="100%" fill="#f7f6f2"/>` +
    layers
      .map((l) =>
        l.features.map((f) => (f.geometry ? draw(f.geometry, withWidth(f, l.style)) : '')).join(''),
      )
      .join('') +
    `<g font-size="9" fill="#333"><rect x="8" y="${options.heightPx - 12}" width="${bar.toFixed(1)}" height="3" fill="#333"/>` +
    `<text x="${(12 + bar).toFixed(1)}" y="${options.heightPx - 8}">20 m</text></g></svg>`
  );
}
