import type { MapInstance } from './map-controller';

/**
 * The map as drawn (basemap and the interleaved deck.gl layers share one canvas) as a PNG at
 * `scale` × the screen's pixel ratio (e.g. 3 ≈ 300 dpi for an A4 print of a laptop screen).
 * The canvas is read inside the `render` event of a fresh frame, while the drawing buffer
 * still holds it, so the map needs no preserveDrawingBuffer. The pixel ratio is restored
 * afterwards.
 */
export async function exportMapPng(map: MapInstance, scale = 2): Promise<Blob> {
  const before = map.getPixelRatio();
  const ratio = Math.min(before * scale, 4);
  try {
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.setPixelRatio(ratio);
      map.triggerRepaint();
    });
    const url = await new Promise<string>((resolve) => {
      map.once('render', () => resolve(map.getCanvas().toDataURL('image/png')));
      map.triggerRepaint();
    });
    return await (await fetch(url)).blob();
  } finally {
    map.setPixelRatio(before);
  }
}
