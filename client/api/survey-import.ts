import type { FeatureCollection } from 'geojson';
import { ApiError } from './api-error';
import { requestJson } from './fetch-json';
import type { Id } from './types';

/** A bilingual message as the server sends it. */
export interface SurveyText {
  zh: string;
  en: string;
}

// The kinds a survey layer maps to are the domain's (one list for client and server).
export { SURVEY_KINDS, type SurveyKind } from '../../domain/survey/guess-layer-kind';
import type { SurveyKind } from '../../domain/survey/guess-layer-kind';

/** Typed properties an attribute field can fill. */
export const SURVEY_FIELDS = [
  'name',
  'levels',
  'height_m',
  'width_m',
  'households',
  'category',
] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];

export interface LayerMapping {
  kind: SurveyKind;
  category?: string;
  fields?: Partial<Record<SurveyField, string>>;
}

export interface SurveyLayer {
  name: string;
  count: number;
  geometryTypes: Record<string, number>;
  fields: string[];
  sample?: Record<string, unknown>;
  guess: { kind: SurveyKind; category?: string } | null;
}

/** The answer of POST /api/survey/uploads. */
export interface SurveyUpload {
  uploadId: string;
  fileName: string;
  format: string;
  layers: SurveyLayer[];
  crs: {
    detected: string | null;
    guess: { epsg: string; reason: SurveyText } | null;
    choices: { id: string; label: SurveyText }[];
  };
  bounds: [number, number, number, number] | null;
  units: { guess: 'm' | 'mm'; reason?: SurveyText } | null;
  textCount?: number;
  remembered?: Record<string, LayerMapping>;
}

export interface ControlPoint {
  source: [number, number];
  target: [number, number];
}

/** The body of preview and commit. */
export interface SurveyOptions {
  scenarioId: number;
  crs: string;
  units: 'm' | 'mm';
  local?: {
    helmert?: { dx: number; dy: number; scale: number; rotationDeg: number; base: string };
    controlPoints?: ControlPoint[];
  };
  mapping: Record<string, LayerMapping>;
  labels: boolean;
}

export interface SurveyPreview {
  features: FeatureCollection;
  counts: Record<string, number>;
  invalid: { layer: string; index: number; reason: SurveyText; repaired: boolean }[];
  refused?: number;
  residual?: { rmsM: number; maxM: number; points: { index: number; residualM: number }[] };
  bounds?: [number, number, number, number];
}

export interface SurveyCommit {
  scenarioId: number;
  created: number;
  counts: Record<string, number>;
}

/**
 * POST /api/survey/uploads as multipart, with upload progress (fetch cannot report it, so
 * XMLHttpRequest); errors become the same ApiError as every other call.
 */
export function uploadSurvey(
  file: File,
  locale: string,
  onProgress: (fraction: number) => void,
  progressId?: string,
): Promise<SurveyUpload> {
  const url = `/api/survey/uploads${progressId ? `?progress=${progressId}` : ''}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', locale);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error', url));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status, 'bad_response', `${xhr.status}`, url));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as SurveyUpload);
      else {
        const err = (body as { error?: { code?: string; message?: string } }).error;
        reject(
          new ApiError(xhr.status, err?.code ?? 'error', err?.message ?? `${xhr.status}`, url),
        );
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const uploadUrl = (id: string, step: 'preview' | 'commit', progressId?: string) =>
  `/api/survey/uploads/${encodeURIComponent(id)}/${step}${progressId ? `?progress=${progressId}` : ''}`;

/** How far a server-side survey job is (GET /api/survey/progress/:id, docs/survey-import-api.md). */
export interface SurveyProgress {
  phase: 'starting' | 'queued' | 'reading' | 'staging' | 'checking' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
  position?: number;
}

export const getSurveyProgress = (
  progressId: string,
  locale: string,
  signal?: AbortSignal,
): Promise<SurveyProgress> =>
  requestJson<SurveyProgress>(`/api/survey/progress/${encodeURIComponent(progressId)}`, {
    locale,
    signal,
  });

export const previewSurvey = (
  uploadId: string,
  options: SurveyOptions,
  locale: string,
  signal?: AbortSignal,
  progressId?: string,
): Promise<SurveyPreview> =>
  requestJson<SurveyPreview>(uploadUrl(uploadId, 'preview', progressId), {
    method: 'POST',
    body: options,
    locale,
    signal,
  });

export const commitSurvey = (
  uploadId: string,
  options: SurveyOptions,
  locale: string,
  progressId?: string,
): Promise<SurveyCommit> =>
  requestJson<SurveyCommit>(uploadUrl(uploadId, 'commit', progressId), {
    method: 'POST',
    body: options,
    locale,
  });

/** The office's remembered layer mappings, by layer name. */
export const getSurveyMappings = (locale: string): Promise<Record<string, LayerMapping>> =>
  requestJson<Record<string, LayerMapping>>('/api/survey/mappings', { locale });

export type { Id };
