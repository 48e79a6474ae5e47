import { ApiError } from './api-error';
import { requestJson } from './fetch-json';
import type { Id } from './types';

export interface LedgerText {
  zh: string;
  en: string;
}

export interface LedgerChange {
  field: string;
  old: string | number | null;
  new: string | number | null;
  oldEstimated?: boolean;
  conflict: boolean;
}

export interface LedgerPreviewRow {
  sheet: string;
  row: number;
  kind: 'communities' | 'items';
  status: 'matched' | 'unmatched' | 'invalid' | 'duplicate' | 'forbidden';
  label: string;
  code: string | null;
  communityId: number | null;
  communityName: string | null;
  matchedBy: 'code' | 'name' | 'normalized' | null;
  itemId: number | null;
  itemName: string | null;
  action: 'insert' | 'update' | 'none';
  changes: LedgerChange[];
  errors: { cell: string; field: string | null; code: string; message: LedgerText }[];
  notes: LedgerText[];
}

/** The answer of POST /api/districts/:id/register/import: a preview stored server-side. */
export interface LedgerPreview {
  token: string;
  expiresAt: string;
  fileName: string | null;
  format: 'xlsx' | 'csv';
  sheets: {
    name: string;
    kind: 'communities' | 'items';
    headerRow: number;
    dataRows: number;
    columns: { column: string; header: string; field: string | null; ignored?: LedgerText }[];
  }[];
  ignoredSheets: { name: string; reason: LedgerText }[];
  rows: LedgerPreviewRow[];
  summary: {
    rows: number;
    matched: number;
    unmatched: number;
    invalid: number;
    duplicate: number;
    forbidden: number;
    changedRows: number;
    changes: number;
    conflicts: number;
    cellErrors: number;
    communitiesUpdated: number;
    itemsInserted: number;
    itemsUpdated: number;
  };
}

const base = (districtId: Id) => `/api/districts/${encodeURIComponent(String(districtId))}`;

/** Upload a ledger (.xlsx or .csv) as the request body: the server answers its preview. */
export async function previewLedgerImport(
  districtId: Id,
  file: File,
  locale: string,
): Promise<LedgerPreview> {
  const url = `${base(districtId)}/register/import`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'accept-language': locale,
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err), url);
  }
  const body = (await response.json().catch(() => null)) as
    (LedgerPreview & { error?: { code: string; message: string; details?: unknown } }) | null;
  if (!response.ok || !body) {
    const e = body?.error;
    throw new ApiError(
      response.status,
      e?.code ?? 'bad_response',
      e?.message ?? `${response.status} ${response.statusText}`,
      url,
      e?.details,
    );
  }
  return body;
}

/** Apply a stored preview in one transaction. */
export const commitLedgerImport = (districtId: Id, token: string, locale: string) =>
  requestJson<{
    committed: true;
    communitiesUpdated: number;
    itemsInserted: number;
    itemsUpdated: number;
  }>(`${base(districtId)}/register/import/${encodeURIComponent(token)}/commit`, {
    method: 'POST',
    locale,
  });

/** The Excel export of the district register (headers in the UI language). */
export const districtRegisterXlsxUrl = (districtId: Id, locale: string): string =>
  `${base(districtId)}/register.xlsx?lang=${locale.startsWith('en') ? 'en' : 'zh'}`;
