import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { stageKey, type StageKey } from '../../domain/model/renewal-stages';
import type { CommunityProperties, PlanFeatureProperties } from '../api/types';
import { pickedId, type DistrictData, type PickedFeature } from '../data/district-data';
import { facilityCategoryName, type Locale } from '../i18n/translate';
import {
  buildComplianceLayers,
  COMPLIANCE_LAYER_IDS,
  type ComplianceOverlay,
} from './compliance-layers';
import { buildChangeLayers, type ChangeOverlay } from './change-layers';
import { buildCoverageLayers, type CoverageOverlay } from './coverage-layers';
import { labelPoint } from './label-point';
import { buildParkingNetworkLayers, type ParkingNetworkOverlay } from './parking-network-layers';
import { buildReviewPinLayers, type ReviewPins } from './review-pin-layers';
import { DECK_LAYER_IDS, type LayerVisibility } from './layer-groups';
import { facilityColor, LAYER_COLORS, type Rgb, STAGE_COLORS, stallColor } from './palette';

/** Local CJK-capable fonts only: nothing is fetched, so labels work offline. */
export const LABEL_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Facility labels appear from this zoom on; below it they would cover the map. */
export const FACILITY_LABEL_MIN_ZOOM = 16;

/** What the planner adds on top of the data while drawing: a preview and fire-lane flags. */
export interface PlanOverlay {
  /** Stalls of the parking layout being drawn (not saved yet). */
  preview: FeatureCollection<Polygon, { stallType: string }> | null;
  /** The lot or kerb line the preview belongs to. */
  pendingShape: Geometry | null;
  /** The previewed lot's aisle network and entrance (issue 17), drawn under its stalls. */
  previewNetwork?: ParkingNetworkOverlay | null;
  /** Ids (as strings) of stalls standing in a fire lane's clear width: outlined in red. */
  intruding: ReadonlySet<string>;
  /** The live fire-lane check: lane envelopes and violations (compliance-layers.ts). */
  compliance?: ComplianceOverlay;
  /** Issue #6: comments pinned to the map in the active proposal's review. */
  reviewPins?: ReviewPins;
}

export const EMPTY_PLAN_OVERLAY: PlanOverlay = {
  preview: null,
  pendingShape: null,
  intruding: new Set(),
};

export interface OverlayState {
  data: DistrictData | undefined;
  plan: PlanOverlay;
  visibility: LayerVisibility;
  locale: Locale;
  selected: PickedFeature | null;
  zoom: number;
  /** The 15-minute life-circle coverage view (coverage-layers.ts), when open. */
  coverage?: CoverageOverlay | null;
  /** Before/after: the scenario diff's changed features (change-layers.ts), when comparing. */
  changes?: ChangeOverlay | null;
}

type CommunityFeature = Feature<Geometry, CommunityProperties>;
type PlanFeature = Feature<Geometry, PlanFeatureProperties>;

interface Label {
  position: [number, number];
  zh: string;
  en: string;
  stage: StageKey;
}

const rgba = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/** Label points depend only on the data, so they are computed once per district load. */
const labelCache = new WeakMap<DistrictData, { communities: Label[]; facilities: Label[] }>();

function labelsOf(data: DistrictData): { communities: Label[]; facilities: Label[] } {
  const cached = labelCache.get(data);
  if (cached) return cached;
  const communities: Label[] = [];
  for (const f of data.communities) {
    const position = labelPoint(f.geometry);
    if (position) {
      communities.push({
        position,
        zh: f.properties.name,
        en: f.properties.nameEn || f.properties.name,
        stage: stageKey(f.properties.stage),
      });
    }
  }
  const facilities: Label[] = [];
  // OSM often maps one facility twice (a node and its area): label each place once.
  const seen = new Set<string>();
  for (const f of data.facilities) {
    const position = labelPoint(f.geometry);
    const category = f.properties.category ?? '';
    const name = f.properties.name;
    if (!position || (!name && !category)) continue;
    const key = `${name ?? category}@${position[0].toFixed(4)},${position[1].toFixed(4)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    facilities.push({
      position,
      zh: name || facilityCategoryName('zh-CN', category),
      en: name || facilityCategoryName('en', category),
      stage: 'unset',
    });
  }
  const labels = { communities, facilities };
  labelCache.set(data, labels);
  return labels;
}

const textLayerDefaults = {
  fontFamily: LABEL_FONT_FAMILY,
  characterSet: 'auto',
  fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
  // Fraction of the SDF buffer used by the halo (0..1); larger values smear into boxes.
  outlineWidth: 0.55,
  outlineColor: [255, 255, 255, 235],
  sizeUnits: 'pixels',
  getTextAnchor: 'middle',
  getAlignmentBaseline: 'center',
  pickable: false,
  // Interleaved with MapLibre the layers share one depth buffer; labels at ground level would
  // otherwise lose the depth test to the polygons under them and show through in stripes.
  parameters: { depthCompare: 'always', depthWriteEnabled: false },
} as const;

/** Default drawn width (m) of a road without a width tag, by OSM highway class. */
const defaultRoadWidthM = (category: string | null): number => {
  switch (category) {
    case 'primary':
    case 'trunk':
      return 14;
    case 'secondary':
    case 'tertiary':
      return 10;
    case 'residential':
    case 'unclassified':
      return 6;
    default:
      return 4;
  }
};

/**
 * The deck.gl layers for one state of the app. Layer ids are stable strings (DECK_LAYER_IDS):
 * deck.gl matches layers across calls by id, and the e2e test looks them up.
 */
export function buildDeckLayers(state: OverlayState): Layer[] {
  const { data, visibility, locale, selected, zoom, plan } = state;
  if (!data) return [];
  const labels = labelsOf(data);
  const selectedId = pickedId(selected);
  const textOf = (d: Label) => (locale === 'en' ? d.en : d.zh);

  const layers: Layer[] = [
    new GeoJsonLayer<CommunityProperties>({
      id: DECK_LAYER_IDS.communities,
      data: data.communities as CommunityFeature[],
      visible: visibility.communities,
      pickable: true,
      stroked: true,
      filled: true,
      getFillColor: (f) =>
        f.properties.choroplethColor
          ? rgba(f.properties.choroplethColor, 170)
          : rgba(STAGE_COLORS[stageKey(f.properties.stage)], 46),
      getLineColor: (f) => rgba(STAGE_COLORS[stageKey(f.properties.stage)], 230),
      getLineWidth: (f) => (String(f.properties.id) === selectedId ? 4 : 2),
      lineWidthUnits: 'pixels',
      autoHighlight: true,
      highlightColor: [255, 255, 255, 60],
      updateTriggers: { getLineWidth: selectedId },
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.buildings,
      data: data.buildings as PlanFeature[],
      visible: visibility.buildings,
      pickable: true,
      stroked: true,
      filled: true,
      getFillColor: rgba(LAYER_COLORS.building, 200),
      getLineColor: rgba(LAYER_COLORS.buildingOutline, 220),
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 200),
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.roads,
      data: data.roads as PlanFeature[],
      visible: visibility.roads,
      pickable: true,
      getLineColor: rgba(LAYER_COLORS.roadCasing, 150),
      getLineWidth: (f) => f.properties.widthM ?? defaultRoadWidthM(f.properties.category),
      lineWidthUnits: 'meters',
      lineWidthMinPixels: 1,
      lineCapRounded: true,
      lineJointRounded: true,
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 200),
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.footways,
      data: data.footways as PlanFeature[],
      visible: visibility.footways,
      pickable: true,
      getLineColor: rgba(LAYER_COLORS.footway, 170),
      getLineWidth: (f) => f.properties.widthM ?? 1.5,
      lineWidthUnits: 'meters',
      lineWidthMinPixels: 1,
      lineWidthMaxPixels: 3,
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 220),
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.parking,
      data: data.parking as PlanFeature[],
      visible: visibility.parking,
      pickable: true,
      stroked: true,
      filled: true,
      pointType: 'circle',
      getFillColor: (f) =>
        f.properties.kind === 'parking_stall'
          ? rgba(stallColor(f.properties.category), 170)
          : rgba(LAYER_COLORS.parkingArea, 90),
      getLineColor: (f) =>
        plan.intruding.has(String(f.properties.id))
          ? rgba(LAYER_COLORS.violation, 255)
          : rgba(LAYER_COLORS.parkingStall, 220),
      getLineWidth: (f) => (plan.intruding.has(String(f.properties.id)) ? 3 : 1),
      lineWidthUnits: 'pixels',
      updateTriggers: { getLineColor: plan.intruding, getLineWidth: plan.intruding },
      getPointRadius: 4,
      pointRadiusUnits: 'pixels',
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 200),
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.gates,
      data: data.gates as PlanFeature[],
      visible: visibility.gates,
      pickable: true,
      stroked: true,
      filled: true,
      pointType: 'circle',
      getFillColor: rgba(LAYER_COLORS.gate, 235),
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 1.5,
      lineWidthUnits: 'pixels',
      getPointRadius: 4,
      pointRadiusUnits: 'pixels',
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 255),
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.facilities,
      data: data.facilities as PlanFeature[],
      visible: visibility.facilities,
      pickable: true,
      stroked: true,
      filled: true,
      pointType: 'circle',
      // Points are markers (opaque); areas (a school ground, a park) stay see-through.
      getFillColor: (f) =>
        rgba(facilityColor(f.properties.category), f.geometry.type === 'Point' ? 225 : 70),
      getLineColor: (f) => rgba(facilityColor(f.properties.category), 255),
      getLineWidth: 1.5,
      lineWidthUnits: 'pixels',
      getPointRadius: 6,
      pointRadiusUnits: 'pixels',
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 230),
    }),
    new TextLayer<Label>({
      ...textLayerDefaults,
      id: DECK_LAYER_IDS.facilityLabels,
      data: labels.facilities,
      visible: visibility.facilities && zoom >= FACILITY_LABEL_MIN_ZOOM,
      getPosition: (d) => d.position,
      getText: textOf,
      getSize: 12,
      getPixelOffset: [0, 14],
      getColor: [55, 65, 81, 255],
      updateTriggers: { getText: locale },
    }),
    new TextLayer<Label>({
      ...textLayerDefaults,
      id: DECK_LAYER_IDS.communityLabels,
      data: labels.communities,
      visible: visibility.communities,
      getPosition: (d) => d.position,
      getText: textOf,
      getSize: 13,
      fontWeight: 600,
      getColor: [24, 39, 64, 255],
      outlineWidth: 0,
      background: true,
      getBackgroundColor: [255, 255, 255, 230],
      backgroundPadding: [6, 3],
      backgroundBorderRadius: 3,
      getBorderColor: (d) => rgba(STAGE_COLORS[d.stage], 255),
      getBorderWidth: 1,
      updateTriggers: { getText: locale },
    }),
  ];

  layers.push(
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.fireLanes,
      data: data.fireLanes as PlanFeature[],
      visible: visibility.parking,
      pickable: true,
      getLineColor: rgba(LAYER_COLORS.fireLane, 200),
      getLineWidth: (f) => f.properties.widthM ?? 4,
      lineWidthUnits: 'meters',
      lineWidthMinPixels: 2,
      lineCapRounded: true,
      lineJointRounded: true,
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 200),
    }),
    new GeoJsonLayer<PlanFeatureProperties>({
      id: DECK_LAYER_IDS.obstacles,
      data: data.obstacles as PlanFeature[],
      pickable: true,
      stroked: true,
      filled: true,
      pointType: 'circle',
      getFillColor: rgba(LAYER_COLORS.tree, 200),
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      getPointRadius: 1.5,
      pointRadiusUnits: 'meters',
      pointRadiusMinPixels: 4,
      autoHighlight: true,
      highlightColor: rgba(LAYER_COLORS.highlight, 230),
    }),
  );
  if (plan.pendingShape) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER_IDS.pendingShape,
        data: [{ type: 'Feature', geometry: plan.pendingShape, properties: {} }],
        pickable: false,
        stroked: true,
        filled: true,
        getFillColor: rgba(LAYER_COLORS.parkingArea, 50),
        getLineColor: rgba(LAYER_COLORS.parkingStall, 255),
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  layers.push(...buildParkingNetworkLayers(plan.previewNetwork));
  if (plan.preview) {
    layers.push(
      new GeoJsonLayer<{ stallType: string; id?: string }>({
        id: DECK_LAYER_IDS.preview,
        data: plan.preview,
        pickable: false,
        stroked: true,
        filled: true,
        getFillColor: (f) => rgba(stallColor(f.properties.stallType), 150),
        getLineColor: (f) =>
          plan.intruding.has(String(f.properties.id))
            ? rgba(LAYER_COLORS.violation, 255)
            : [255, 255, 255, 230],
        getLineWidth: (f) => (plan.intruding.has(String(f.properties.id)) ? 3 : 1),
        lineWidthUnits: 'pixels',
        updateTriggers: { getLineColor: plan.intruding, getLineWidth: plan.intruding },
      }),
    );
  }

  layers.push(...buildComplianceLayers(plan.compliance));
  layers.push(...buildCoverageLayers(state.coverage));
  layers.push(...buildReviewPinLayers(plan.reviewPins));
  layers.push(...buildChangeLayers(state.changes));
  if (selected) {
    layers.push(
      new GeoJsonLayer({
        id: 'selection',
        data: [{ type: 'Feature', geometry: selected.geometry, properties: {} }],
        pickable: false,
        stroked: true,
        filled: false,
        pointType: 'circle',
        getLineColor: rgba(LAYER_COLORS.highlight, 255),
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
        getPointRadius: 9,
        pointRadiusUnits: 'pixels',
      }),
    );
  }
  return layers;
}

/** Turns a deck.gl pick into the app's PickedFeature, or null for empty space and labels. */
export function toPickedFeature(info: PickingInfo): PickedFeature | null {
  const object = info.object as Feature<Geometry, Record<string, unknown>> | undefined;
  if (!object || !info.layer || !object.properties) return null;
  if (info.layer.id === COMPLIANCE_LAYER_IDS.violations) {
    return {
      type: 'violation',
      properties: { ...object.properties, id: `violation-${String((object as Feature).id)}` },
      geometry: object.geometry,
    } as PickedFeature;
  }
  if (info.layer.id === DECK_LAYER_IDS.communities) {
    return {
      type: 'community',
      properties: object.properties as unknown as CommunityProperties,
      geometry: object.geometry,
    };
  }
  if (typeof object.properties['kind'] === 'string') {
    return {
      type: 'feature',
      properties: object.properties as unknown as PlanFeatureProperties,
      geometry: object.geometry,
    };
  }
  return null;
}
