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
 * Keeps two maps on one camera (the before/after views): `follower` follows every move of
 * `leader` (gestures and programmatic flights alike), and `leader` follows the follower only
 * when a person moves it (events with an originalEvent), so the follower's own start-up
 * cannot pull the leader away. Returns the function that stops it.
 */
export function syncCameras(leader: MapInstance, follower: MapInstance): () => void {
  let busy = false;
  const copy = (from: MapInstance, to: MapInstance) => {
    if (busy) return;
    busy = true;
    to.jumpTo({
      center: from.getCenter(),
      zoom: from.getZoom(),
      bearing: from.getBearing(),
      pitch: from.getPitch(),
    });
    busy = false;
  };
  const onLeader = () => copy(leader, follower);
  const onFollower = (e: { originalEvent?: unknown }) => {
    if (e.originalEvent) copy(follower, leader);
  };
  leader.on('move', onLeader);
  follower.on('move', onFollower);
  onLeader();
  return () => {
    leader.off('move', onLeader);
    follower.off('move', onFollower);
  };
}
