import type { MapInstance } from './map-controller';

/** Where a map looks: centre [lon, lat] in degrees, zoom, bearing and pitch in degrees. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The map's camera now, rounded to what a saved view needs (1e-7°, 0.01 zoom). */
export function readCamera(map: MapInstance): Camera {
  const c = map.getCenter();
  const r = (x: number, d: number) => Number(x.toFixed(d));
  return {
    center: [r(c.lng, 7), r(c.lat, 7)],
    zoom: r(map.getZoom(), 2),
    bearing: r(map.getBearing(), 1),
    pitch: r(map.getPitch(), 1),
  };
}

/** Moves the map to a camera: a short flight when `animate`, else at once. */
export function applyCamera(map: MapInstance, camera: Camera, animate: boolean): void {
  const target = {
    center: camera.center,
    zoom: camera.zoom,
    bearing: camera.bearing,
    pitch: camera.pitch,
  };
  if (animate) map.flyTo({ ...target, duration: 800, essential: true });
  else map.jumpTo(target);
}

/**
 * Keeps two maps on one camera (the before/after views): whichever the user moves leads, the
 * other follows at once. Returns the function that stops it.
 */
export function syncCameras(a: MapInstance, b: MapInstance): () => void {
  let leading: MapInstance | null = null;
  const follow = (from: MapInstance, to: MapInstance) => () => {
    if (leading && leading !== from) return;
    leading = from;
    to.jumpTo({
      center: from.getCenter(),
      zoom: from.getZoom(),
      bearing: from.getBearing(),
      pitch: from.getPitch(),
    });
    leading = null;
  };
  const ab = follow(a, b);
  const ba = follow(b, a);
  a.on('move', ab);
  b.on('move', ba);
  ab();
  return () => {
    a.off('move', ab);
    b.off('move', ba);
  };
}
