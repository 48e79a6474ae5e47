import { unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

/**
 * MapLibre's stylesheet from the package, as a Lit style: the map lives in rpm-map's shadow
 * root, where a document-level stylesheet would not reach. Only CSS: importing it does not
 * pull the (lazily loaded) map library into the first bundle.
 */
export const maplibreStyles = unsafeCSS(maplibreCss);
