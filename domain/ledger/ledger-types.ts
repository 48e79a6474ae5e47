import type { InterventionCategory } from '../model/intervention-categories';
import type { RenewalStage } from '../model/renewal-stages';

/** A message in both languages (zh-CN default, English by Accept-Language). */
export interface LedgerText {
  readonly zh: string;
  readonly en: string;
}

/**
 * One cell of a sheet as the file reader hands it over: the value Excel shows the formula's
 * cached result, dates as YYYY-MM-DD with `date`, cells formatted as percentages with `percent`
 * (their value is the fraction, 0.8 for 80 %), Excel error values (#N/A …) in `error`.
 */
export interface LedgerCell {
  readonly v: string | number | boolean | null;
  readonly date?: boolean;
  readonly percent?: boolean;
  readonly error?: string;
}

/** A sheet: rows[0] is spreadsheet row 1, rows[r][0] is column A. */
export interface LedgerSheet {
  readonly name: string;
  readonly rows: readonly (readonly LedgerCell[])[];
}

export type LedgerSheetKind = 'communities' | 'items';

/** Community figures a ledger row may carry (the community register, migration 001 + 008). */
export type CommunityField =
  | 'code'
  | 'name'
  | 'street'
  | 'builtYear'
  | 'households'
  | 'buildings'
  | 'floorAreaSqM'
  | 'stage'
  | 'budgetWan'
  | 'fundingSource'
  | 'renewalContent';

/** Intervention item fields (register_item), plus the community columns that place the row. */
export type ItemField =
  | 'code'
  | 'name'
  | 'itemName'
  | 'category'
  | 'quantity'
  | 'unit'
  | 'budgetWan'
  | 'phase'
  | 'progressPct'
  | 'acceptedOn';

export type LedgerField = CommunityField | ItemField;

/** A stored community as the import compares against it. */
export interface LedgerCommunity {
  readonly id: number;
  readonly name: string;
  readonly code: string | null;
  readonly street: string | null;
  readonly builtYear: number | null;
  readonly households: number | null;
  readonly householdsEstimated: boolean;
  readonly buildings: number;
  readonly floorAreaSqM: number | null;
  readonly floorAreaEstimated: boolean;
  readonly stage: RenewalStage;
  readonly budgetWan: number | null;
  readonly fundingSource: string | null;
  readonly renewalContent: string | null;
}

/** A stored intervention item. */
export interface LedgerItem {
  readonly id: number;
  readonly communityId: number;
  readonly name: string;
  readonly category: InterventionCategory;
  readonly quantity: number;
  readonly unit: string;
  readonly budgetWan: number;
  readonly phase: RenewalStage;
  readonly progressPct: number;
  readonly acceptedOn: string | null;
  readonly version: number;
}

/** Community values the import writes (a subset of LedgerCommunity). */
export type CommunityValues = Partial<
  Pick<
    LedgerCommunity,
    | 'code'
    | 'street'
    | 'builtYear'
    | 'households'
    | 'buildings'
    | 'floorAreaSqM'
    | 'stage'
    | 'budgetWan'
    | 'fundingSource'
    | 'renewalContent'
  >
>;

export type ItemValues = Pick<
  LedgerItem,
  'name' | 'category' | 'quantity' | 'unit' | 'budgetWan' | 'phase' | 'progressPct' | 'acceptedOn'
>;

export interface CellError {
  /** A1 address, e.g. "B7". */
  readonly cell: string;
  readonly field: LedgerField | null;
  readonly code:
    | 'NOT_A_NUMBER'
    | 'NOT_AN_INTEGER'
    | 'OUT_OF_RANGE'
    | 'NOT_A_YEAR'
    | 'NOT_A_DATE'
    | 'UNKNOWN_STAGE'
    | 'UNKNOWN_CATEGORY'
    | 'TOO_LONG'
    | 'EXCEL_ERROR'
    | 'MISSING'
    | 'CODE_TAKEN'
    | 'AMBIGUOUS_ITEM'
    | 'ACCEPTANCE_NEEDS_COMPLETION';
  readonly message: LedgerText;
}

export interface FieldChange {
  readonly field: LedgerField;
  readonly old: string | number | null;
  readonly new: string | number | null;
  /** The stored value was an estimate (households or floor area derived from the map). */
  readonly oldEstimated?: boolean;
  /** A recorded (not estimated, not empty) value is overwritten by a different one. */
  readonly conflict: boolean;
}

export type RowStatus = 'matched' | 'unmatched' | 'invalid' | 'duplicate' | 'forbidden';

export interface LedgerRowPreview {
  readonly sheet: string;
  /** Spreadsheet row number (1-based). */
  readonly row: number;
  readonly kind: LedgerSheetKind;
  readonly status: RowStatus;
  /** The community as the row writes it (name, else code). */
  readonly label: string;
  readonly code: string | null;
  readonly communityId: number | null;
  readonly communityName: string | null;
  readonly matchedBy: 'code' | 'name' | 'normalized' | null;
  /** items: the register item the row updates (null = a new item). */
  readonly itemId: number | null;
  readonly itemName: string | null;
  readonly action: 'insert' | 'update' | 'none';
  readonly changes: readonly FieldChange[];
  readonly errors: readonly CellError[];
  readonly notes: readonly LedgerText[];
}

export interface LedgerColumn {
  /** Column letter, e.g. "B". */
  readonly column: string;
  readonly header: string;
  readonly field: LedgerField | null;
  /** The unit read from the header, e.g. "万元", "m2". */
  readonly unit: string | null;
  /** Why a header was not used (computed column, unknown unit, not a ledger column). */
  readonly ignored?: LedgerText;
}

export interface LedgerSheetPreview {
  readonly name: string;
  readonly kind: LedgerSheetKind;
  /** The header row (1-based). */
  readonly headerRow: number;
  readonly columns: readonly LedgerColumn[];
  readonly dataRows: number;
  /** Rows skipped as totals (合计 / 小计 / Total). */
  readonly totalsRows: readonly number[];
  /** Rows with values but neither a name nor a code (notes, signatures): skipped. */
  readonly skippedRows: readonly number[];
}

export interface LedgerSummary {
  readonly rows: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly invalid: number;
  readonly duplicate: number;
  readonly forbidden: number;
  /** Matched rows that change something. */
  readonly changedRows: number;
  /** Field values written. */
  readonly changes: number;
  /** Of those, recorded values overwritten by a different one (old → new). */
  readonly conflicts: number;
  readonly cellErrors: number;
  readonly communitiesUpdated: number;
  readonly itemsInserted: number;
  readonly itemsUpdated: number;
}

export interface LedgerPreview {
  readonly sheets: readonly LedgerSheetPreview[];
  readonly ignoredSheets: readonly { readonly name: string; readonly reason: LedgerText }[];
  readonly rows: readonly LedgerRowPreview[];
  readonly summary: LedgerSummary;
}

/** The writes a confirmed preview makes, each with what it expects to find (stale check). */
export interface LedgerPlan {
  readonly communities: readonly {
    readonly id: number;
    readonly set: CommunityValues;
    readonly expect: CommunityValues;
  }[];
  readonly itemInserts: readonly { readonly communityId: number; readonly values: ItemValues }[];
  readonly itemUpdates: readonly {
    readonly id: number;
    readonly communityId: number;
    readonly version: number;
    readonly values: ItemValues;
  }[];
}
