/**
 * Walking-isochrone benchmark (issue 12 leftovers): prints a table; never part of the tests.
 *
 * The demo district (data/beijing-haidian-cau.osm, 11 communities): the 5/10/15-minute
 * isochrones (300/500/1000 m tiers) from the centroid of every community, today's outline
 * (the reached segments' 50 m buffer traced on a 5 m grid, buffer-segments-on-grid.ts) against
 * the previous one run side by side on the same network and start points (one turf/JSTS
 * buffer of the reached segments chained into lines, bench/legacy-isochrone). Both times are
 * the whole walkingIsochrones call (Dijkstra, cutting, outline, area); ratio = old / new. Also
 * prints the largest area difference between the two outlines per band. Target: all start
 * points together ≥ 20× faster (the 12 s browser figure down to well under a second), the
 * slowest point under 500 ms, areas within 1 %.
 *
 * Usage: npx tsx bench/isochrone.bench.ts   (BENCH_RUNS=n, default 3 per point for the new one)
 */
import { cpus, loadavg } from 'node:os';
import { centroid } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import { buildWalkingNetwork } from '../domain/coverage/build-walking-network';
import { importedDistrictToCoverageInput } from '../domain/coverage/imported-district-to-coverage-input';
import { walkingIsochrones } from '../domain/coverage/walking-isochrones';
import { readOsmFile } from '../server/import/read-osm-file';
import { walkingIsochrones as legacyWalkingIsochrones } from './legacy-isochrone/walking-isochrones';
import { median, printTable, type Row } from './lib/stats';

const FILE = new URL('../data/beijing-haidian-cau.osm', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const areas = (fc: FeatureCollection): Map<number, number> =>
  new Map(
    fc.features
      .filter((f) => f.geometry.type !== 'MultiLineString')
      .map((f) => [Number(f.properties!.minutes), Number(f.properties!.areaSqM)]),
  );

const timed = <T>(f: () => T): { ms: number; value: T } => {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
};

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
const district = await readOsmFile(FILE, { name: 'bench' });
const input = importedDistrictToCoverageInput(district);
const network = buildWalkingNetwork({
  network: input.network,
  origins: input.origins,
  facilities: input.facilities,
});
const starts: { name: string; at: Position }[] = district.communities.map((c) => ({
  name: c.name,
  at: centroid(c.geometry).geometry.coordinates,
}));
console.log(
  `${district.communities.length} communities, network ${network.nodeCount} nodes / ` +
    `${network.edgeCount} edges`,
);

const rows: Row[] = [];
const newTimes: number[] = [];
const oldTimes: number[] = [];
let worstAreaDiff = 0;
for (const { name, at } of starts) {
  const runs: number[] = [];
  let fresh: FeatureCollection | undefined;
  for (let i = 0; i < RUNS; i++) {
    const r = timed(() => walkingIsochrones(network, at));
    runs.push(r.ms);
    fresh = r.value;
  }
  const old = timed(() => legacyWalkingIsochrones(network, at));
  const newMs = median(runs);
  newTimes.push(newMs);
  oldTimes.push(old.ms);
  const a = areas(fresh!);
  const b = areas(old.value);
  let diff = 0;
  for (const [m, area] of b) diff = Math.max(diff, Math.abs((a.get(m) ?? 0) - area) / area);
  worstAreaDiff = Math.max(worstAreaDiff, diff);
  rows.push({
    measure: `${name}: 5/10/15 min from its centroid (15 min ${a.get(15) ?? 0} m²)`,
    value: `${newMs.toFixed(0)} ms`,
    baseline: `${old.ms.toFixed(0)} ms`,
    ratio: old.ms / newMs,
    target: '(info)',
    met: undefined,
  });
  console.log(`${name}: ${newMs.toFixed(0)} ms vs ${old.ms.toFixed(0)} ms`);
}
const total = newTimes.reduce((s, x) => s + x, 0);
const totalOld = oldTimes.reduce((s, x) => s + x, 0);
rows.push(
  {
    measure: `all ${starts.length} start points`,
    value: `${total.toFixed(0)} ms`,
    baseline: `${totalOld.toFixed(0)} ms`,
    ratio: totalOld / total,
    target: '≥ 20× faster',
    met: totalOld / total >= 20,
  },
  {
    measure: 'slowest start point',
    value: `${Math.max(...newTimes).toFixed(0)} ms`,
    baseline: `${Math.max(...oldTimes).toFixed(0)} ms`,
    ratio: Math.max(...oldTimes) / Math.max(...newTimes),
    target: '< 500 ms',
    met: Math.max(...newTimes) < 500,
  },
  {
    measure: 'largest outline area difference, any band',
    value: `${(worstAreaDiff * 100).toFixed(2)} %`,
    baseline: 'JSTS buffer (16-gon caps)',
    ratio: undefined,
    target: '≤ 1 %',
    met: worstAreaDiff <= 0.01,
  },
);
printTable('Walking isochrones: grid-traced outline vs JSTS buffer (demo district)', rows);
