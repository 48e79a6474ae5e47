import type { Frame } from '../geo/frame';
import type { XY } from '../geo/local-projection';
import { bandFreeIntervals } from './band-free-intervals';
import type { FrameRegion } from './frame-region';
import type { LotLayoutAtAngle } from './layout-lot-at-angle';
import type { StallShape } from './stall-shape';
import { stallsInLength } from './stalls-in-length';

/** Lengths closer than this (m) count as equal. */
const EPS_M = 1e-6;
/** At most this many connector aisles per lot: each costs a greedy pass over all candidates. */
const MAX_CONNECTORS = 6;

/** One aisle of the network: a rectangle x0..x1 × y0..y1 in the layout's frame. */
export interface NetworkAisle {
  /** 'aisle': a band the stall rows open onto (along x); 'connector': a cross aisle (along y). */
  readonly role: 'aisle' | 'connector';
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** Clear width, m: the band's depth (aisle) or its x extent (connector). */
  readonly widthM: number;
  /** Narrower than the two-way width: driven one way only, towards `direction` × x. */
  readonly oneWay: boolean;
  readonly direction: 1 | -1;
}

/** A row of the connected layout: its runs all front onto aisle `aisle` of the network. */
export interface NetworkRow {
  readonly frontY: number;
  readonly facing: 1 | -1;
  readonly intervals: number[];
  readonly aisle: number;
  readonly shape: StallShape;
  /** Angled stalls lean towards `lean` × x: their one-way aisle's driving direction. */
  readonly lean: 1 | -1;
}

export interface ConnectedLayout {
  /** Stalls the rows hold (before accessible stalls are placed). */
  readonly count: number;
  readonly rows: NetworkRow[];
  /** The network: every aisle is reachable from the entrance. */
  readonly aisles: NetworkAisle[];
}

export interface NetworkRules {
  /** Width of a connector (cross) aisle, m: a two-way driving aisle without stalls. */
  readonly connectorWidthM: number;
  /** Aisles at least this wide carry two-way traffic; narrower ones are one-way. */
  readonly twoWayMinWidthM: number;
  /** An aisle within this distance of the entrance is entered from it (the gate apron, m). */
  readonly entranceReachM: number;
}

interface Piece {
  readonly band: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly widthM: number;
  readonly oneWay: boolean;
  /** Driving direction along x of a one-way piece: alternating band by band, so they loop. */
  readonly direction: 1 | -1;
  /** Distance from the entrance to the piece's rectangle, m. */
  readonly entranceM: number;
}

interface Connector {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** Pieces it crosses (their whole depth, within their x extent). */
  readonly crosses: readonly number[];
  readonly entranceM: number;
}

interface Run {
  readonly row: number;
  readonly a: number;
  readonly b: number;
  readonly piece: number;
}

interface Evaluation {
  readonly count: number;
  /** Usable x-range per piece ([] unreachable). */
  readonly usable: ([number, number] | null)[];
  readonly reachedConnectors: boolean[];
}

const rectDistanceM = (
  p: readonly [number, number],
  r: Omit<Connector, 'crosses' | 'entranceM'>,
) => {
  const dx = Math.max(r.x0 - p[0], 0, p[0] - r.x1);
  const dy = Math.max(r.y0 - p[1], 0, p[1] - r.y1);
  return Math.hypot(dx, dy);
};

/** [a, b] minus the x-ranges `cuts` (sorted or not): the pieces left, ascending. */
const subtract = (a: number, b: number, cuts: readonly (readonly [number, number])[]): number[] => {
  let parts: number[] = [a, b];
  for (const [c0, c1] of cuts) {
    const next: number[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      const p = parts[i]!;
      const q = parts[i + 1]!;
      if (c1 <= p + EPS_M || c0 >= q - EPS_M) next.push(p, q);
      else {
        if (c0 > p + EPS_M) next.push(p, c0);
        if (c1 < q - EPS_M) next.push(c1, q);
      }
    }
    parts = next;
  }
  return parts;
};

/**
 * Turns the rows and aisle bands of one layout direction into a layout a car can use: ONE
 * aisle network entered at `entranceLocal` (a point on the lot edge, local metres), every stall
 * fronting onto one of its aisles. The bands' free stretches are the aisles; cross aisles
 * (connectors, `rules.connectorWidthM` wide, along the frame's y) join them where that buys
 * stalls: candidates stand at the entrance and at each stretch's ends, each spanning one or more
 * stretches (and the entrance) inside the lot and clear of obstacles (`aisleRegion`); they are
 * added greedily while the count of reachable stalls grows, then any that the count does not
 * need is dropped. Stalls under a connector, and stalls on stretches the entrance cannot reach,
 * are removed. A one-way aisle (narrower than `rules.twoWayMinWidthM`: JGJ 100 angled rows) must
 * be entered and left through two connections, so only its stalls between them count; one-way
 * aisles alternate direction band by band (their angled stalls lean the way cars drive). Deterministic: candidates are tried in a fixed order, ties keep the first.
 */
export function connectAisleNetwork(
  layout: LotLayoutAtAngle,
  f: Frame,
  aisleRegion: FrameRegion,
  aisleRegionAcross: FrameRegion,
  entranceLocal: XY,
  rules: NetworkRules,
): ConnectedLayout {
  const wc = rules.connectorWidthM;
  const reach = rules.entranceReachM + EPS_M;
  const e = f.toFrame(entranceLocal);

  // Pieces: the free stretches of every band.
  const pieces: Piece[] = [];
  const piecesOfBand: number[][] = layout.aisles.map(() => []);
  let oneWayBands = 0;
  layout.aisles.forEach(([y0, y1], band) => {
    const iv = bandFreeIntervals(aisleRegion, y0, y1);
    const widthM = y1 - y0;
    const oneWay = widthM < rules.twoWayMinWidthM - EPS_M;
    const direction = oneWay && oneWayBands++ % 2 === 1 ? -1 : 1;
    for (let i = 0; i < iv.length; i += 2) {
      const p = { band, x0: iv[i]!, x1: iv[i + 1]!, y0, y1, widthM };
      piecesOfBand[band]!.push(pieces.length);
      pieces.push({
        ...p,
        oneWay,
        direction,
        entranceM: rectDistanceM(e, p),
      });
    }
  });
  const runs: Run[] = [];
  layout.rows.forEach((r, row) => {
    for (let i = 0; i < r.intervals.length; i += 2) {
      const a = r.intervals[i]!;
      const b = r.intervals[i + 1]!;
      const piece = piecesOfBand[r.aisle]!.find(
        (k) => pieces[k]!.x0 <= a + EPS_M && b <= pieces[k]!.x1 + EPS_M,
      );
      if (piece !== undefined) runs.push({ row, a, b, piece });
    }
  });
  const rowBand = layout.rows.map((r): [number, number] =>
    r.facing === 1 ? [r.frontY, r.frontY + r.shape.depthM] : [r.frontY - r.shape.depthM, r.frontY],
  );

  // Pieces of touching bands that overlap by a connector's width are one space.
  const touching: [number, number, number, number][] = []; // [p, q, overlap x0, x1]
  pieces.forEach((p, i) =>
    pieces.forEach((q, j) => {
      if (j <= i || p.band === q.band) return;
      if (Math.abs(p.y1 - q.y0) > EPS_M && Math.abs(q.y1 - p.y0) > EPS_M) return;
      const lo = Math.max(p.x0, q.x0);
      const hi = Math.min(p.x1, q.x1);
      if (hi - lo >= wc - EPS_M) touching.push([i, j, lo, hi]);
    }),
  );

  // Connector candidates: columns at the entrance and at every stretch's ends.
  const xs: number[] = [e[0] - wc / 2, e[0], e[0] - wc];
  for (const p of pieces) if (p.x1 - p.x0 >= wc - EPS_M) xs.push(p.x0, p.x1 - wc);
  const seen = new Set<string>();
  const candidates: Connector[] = [];
  for (const xc of xs) {
    const key = xc.toFixed(6);
    if (seen.has(key)) continue;
    seen.add(key);
    // The column's free stretches along y, from the frame turned a quarter: its x is our y.
    const iv = bandFreeIntervals(aisleRegionAcross, -xc - wc, -xc);
    for (let i = 0; i < iv.length; i += 2) {
      const ya = iv[i]!;
      const yb = iv[i + 1]!;
      const stops: [number, number, number][] = []; // [y lo, y hi, piece or −1 = entrance]
      pieces.forEach((p, k) => {
        if (
          p.x0 <= xc + EPS_M &&
          xc + wc <= p.x1 + EPS_M &&
          p.y0 >= ya - EPS_M &&
          p.y1 <= yb + EPS_M
        )
          stops.push([p.y0, p.y1, k]);
      });
      if (rectDistanceM(e, { x0: xc, x1: xc + wc, y0: ya, y1: yb }) <= reach) {
        const ey = Math.min(Math.max(e[1], ya), yb);
        stops.push([ey, ey, -1]);
      }
      stops.sort((p, q) => p[0] - q[0] || p[2] - q[2]);
      for (let s = 0; s < stops.length; s++)
        for (let t = s + 1; t < stops.length; t++) {
          const y0 = stops[s]![0];
          const y1 = Math.max(...stops.slice(s, t + 1).map((x) => x[1]));
          if (y1 - y0 < EPS_M) continue;
          const r = { x0: xc, x1: xc + wc, y0, y1 };
          const crosses = stops
            .slice(s, t + 1)
            .map((x) => x[2])
            .filter((k) => k >= 0);
          candidates.push({ ...r, crosses, entranceM: rectDistanceM(e, r) });
        }
    }
  }

  const overlaps = (c: Connector, d: Connector): boolean =>
    Math.min(c.x1, d.x1) - Math.max(c.x0, d.x0) > EPS_M &&
    Math.min(c.y1, d.y1) - Math.max(c.y0, d.y0) > EPS_M;

  /**
   * Stalls a car can reach and leave with these connectors. The network is a directed graph
   * (entrance, two-way pieces and connectors both ways; a one-way piece an arc between each
   * pair of its consecutive connections in its driving direction): what counts lies in the
   * entrance's strongly connected part. `relaxed`: one-way pieces count as two-way (to rank
   * a first connection that a second will open).
   */
  const evaluate = (conns: readonly Connector[], relaxed: boolean): Evaluation => {
    const np = pieces.length;
    const gate = np + conns.length;
    const out: number[][] = Array.from({ length: gate + 1 }, () => []);
    const inn: number[][] = Array.from({ length: gate + 1 }, () => []);
    const arc = (a: number, b: number): void => {
      out[a]!.push(b);
      inn[b]!.push(a);
    };
    const both = (a: number, b: number): void => {
      arc(a, b);
      arc(b, a);
    };
    const twoWay = (k: number): boolean => relaxed || !pieces[k]!.oneWay;
    pieces.forEach((p, k) => p.entranceM <= reach && twoWay(k) && both(gate, k));
    conns.forEach((c, j) => {
      if (c.entranceM <= reach) both(gate, np + j);
      for (const k of c.crosses) if (twoWay(k)) both(np + j, k);
      conns.forEach((d, i) => i > j && overlaps(c, d) && both(np + j, np + i));
    });
    for (const [a, b] of touching) if (twoWay(a) && twoWay(b)) both(a, b);
    const contacts: { node: number; lo: number; hi: number }[][] = pieces.map(() => []);
    if (!relaxed)
      pieces.forEach((p, k) => {
        if (!p.oneWay) return;
        const cs = contacts[k]!;
        if (p.entranceM <= reach) {
          const x = Math.min(Math.max(e[0], p.x0), p.x1);
          cs.push({ node: gate, lo: x, hi: x });
        }
        conns.forEach(
          (c, j) => c.crosses.includes(k) && cs.push({ node: np + j, lo: c.x0, hi: c.x1 }),
        );
        for (const [a, b, lo, hi] of touching) {
          const o = a === k ? b : b === k ? a : -1;
          if (o >= 0 && !pieces[o]!.oneWay) cs.push({ node: o, lo, hi });
        }
        cs.sort((s, t) => p.direction * (s.lo + s.hi - t.lo - t.hi) || s.node - t.node);
        for (let i = 0; i + 1 < cs.length; i++) arc(cs[i]!.node, cs[i + 1]!.node);
      });
    const search = (edges: number[][]): boolean[] => {
      const seen = new Array<boolean>(gate + 1).fill(false);
      const stack = [gate];
      seen[gate] = true;
      while (stack.length > 0)
        for (const m of edges[stack.pop()!]!)
          if (!seen[m]) {
            seen[m] = true;
            stack.push(m);
          }
      return seen;
    };
    const from = search(out);
    const back = search(inn);
    const inNet = (n: number): boolean => from[n]! && back[n]!;
    // Two-way pieces: all of them. One-way ones: between the connections a car drives from
    // and on to within the network.
    const usable = pieces.map((p, k): [number, number] | null => {
      if (twoWay(k)) return inNet(k) ? [p.x0, p.x1] : null;
      const cs = contacts[k]!;
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i + 1 < cs.length; i++) {
        const s = cs[i]!;
        const t = cs[i + 1]!;
        if (!inNet(s.node) || !inNet(t.node)) continue;
        lo = Math.min(lo, s.lo, t.lo);
        hi = Math.max(hi, s.hi, t.hi);
      }
      return hi > lo ? [Math.max(lo, p.x0), Math.min(hi, p.x1)] : null;
    });
    let count = 0;
    for (const run of runs) {
      const u = usable[run.piece];
      if (!u) continue;
      const shape = layout.rows[run.row]!.shape;
      const [b0, b1] = rowBand[run.row]!;
      const cuts = conns
        .filter((c) => Math.min(c.y1, b1) - Math.max(c.y0, b0) > EPS_M)
        .map((c): [number, number] => [c.x0, c.x1]);
      const parts = subtract(Math.max(run.a, u[0]), Math.min(run.b, u[1]), cuts);
      for (let i = 0; i < parts.length; i += 2)
        count += stallsInLength(shape, parts[i + 1]! - parts[i]!);
    }
    return { count, usable, reachedConnectors: conns.map((_, k) => inNet(np + k)) };
  };

  // Greedy: the connector that adds most reachable stalls (then most counting one-way dead
  // ends, which a second connection will open), until none adds any; then drop the ones the
  // count does not need, last first.
  let chosen: Connector[] = [];
  let strict = evaluate(chosen, false).count;
  let loose = evaluate(chosen, true).count;
  while (chosen.length < MAX_CONNECTORS) {
    let best: Connector | undefined;
    let bestStrict = strict;
    let bestLoose = loose;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const s = evaluate([...chosen, c], false).count;
      if (s < bestStrict) continue;
      const l = evaluate([...chosen, c], true).count;
      if (s > bestStrict || l > bestLoose) {
        best = c;
        bestStrict = s;
        bestLoose = l;
      }
    }
    if (!best) break;
    chosen = [...chosen, best];
    strict = bestStrict;
    loose = bestLoose;
  }
  for (let k = chosen.length - 1; k >= 0; k--) {
    const without = chosen.filter((_, j) => j !== k);
    const s = evaluate(without, false).count;
    if (s >= strict) {
      chosen = without;
      strict = s;
    }
  }
  const final = evaluate(chosen, false);
  chosen = chosen.filter((_, k) => final.reachedConnectors[k]);

  // The network: reached pieces cut to what is used or joined, then the connectors.
  const aisles: NetworkAisle[] = [];
  const aisleOfPiece = new Map<number, number>();
  const rows: NetworkRow[] = [];
  const rowRuns = new Map<string, number[]>(); // `${row}/${piece}` → runs
  for (const run of runs) {
    const u = final.usable[run.piece];
    if (!u) continue;
    const [b0, b1] = rowBand[run.row]!;
    const cuts = chosen
      .filter((c) => Math.min(c.y1, b1) - Math.max(c.y0, b0) > EPS_M)
      .map((c): [number, number] => [c.x0, c.x1]);
    const shape = layout.rows[run.row]!.shape;
    const parts = subtract(Math.max(run.a, u[0]), Math.min(run.b, u[1]), cuts);
    const kept: number[] = [];
    for (let i = 0; i < parts.length; i += 2)
      if (stallsInLength(shape, parts[i + 1]! - parts[i]!) > 0) kept.push(parts[i]!, parts[i + 1]!);
    if (kept.length === 0) continue;
    const key = `${run.row}/${run.piece}`;
    rowRuns.set(key, [...(rowRuns.get(key) ?? []), ...kept]);
  }
  pieces.forEach((p, k) => {
    const u = final.usable[k];
    if (!u) return;
    const spans: [number, number][] = [];
    for (const [key, iv] of rowRuns)
      if (Number(key.split('/')[1]) === k)
        for (let i = 0; i < iv.length; i += 2) spans.push([iv[i]!, iv[i + 1]!]);
    for (const c of chosen) if (c.crosses.includes(k)) spans.push([c.x0, c.x1]);
    if (p.entranceM <= reach) {
      const x = Math.min(Math.max(e[0], p.x0), p.x1);
      spans.push([x, x]);
    }
    for (const [a, b, lo, hi] of touching)
      if ((a === k && final.usable[b]) || (b === k && final.usable[a])) spans.push([lo, hi]);
    if (spans.length === 0) return;
    const x0 = Math.max(u[0], Math.min(...spans.map((s) => s[0])));
    const x1 = Math.min(u[1], Math.max(...spans.map((s) => s[1])));
    // A stretch that holds no stall and joins nothing it needs adds nothing.
    const joins =
      chosen.filter((c) => c.crosses.includes(k)).length +
      (p.entranceM <= reach ? 1 : 0) +
      touching.filter(([a, b]) => (a === k && final.usable[b]) || (b === k && final.usable[a]))
        .length;
    const holds = [...rowRuns.keys()].some((key) => Number(key.split('/')[1]) === k);
    if (!holds && joins < 2) return;
    aisleOfPiece.set(k, aisles.length);
    aisles.push({
      role: 'aisle',
      x0: Math.min(x0, x1),
      x1: Math.max(x0, x1),
      y0: p.y0,
      y1: p.y1,
      widthM: p.widthM,
      oneWay: p.oneWay,
      direction: p.direction,
    });
  });
  for (const c of chosen)
    aisles.push({
      role: 'connector',
      x0: c.x0,
      x1: c.x1,
      y0: c.y0,
      y1: c.y1,
      widthM: wc,
      oneWay: false,
      direction: 1,
    });
  layout.rows.forEach((r, row) => {
    pieces.forEach((_, k) => {
      const iv = rowRuns.get(`${row}/${k}`);
      const aisle = aisleOfPiece.get(k);
      if (!iv || aisle === undefined) return;
      const lean = pieces[k]!.direction;
      rows.push({ frontY: r.frontY, facing: r.facing, intervals: iv, aisle, shape: r.shape, lean });
    });
  });
  return { count: final.count, rows, aisles };
}
