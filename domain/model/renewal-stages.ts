/**
 * Renewal phases in order (国办发〔2020〕23号 and the seed plans):
 * publicity 宣传发动 → planning 制订方案/公示 → construction 施工 → acceptance 竣工验收.
 */
export const RENEWAL_STAGES = ['publicity', 'planning', 'construction', 'acceptance'] as const;

export type RenewalStage = (typeof RENEWAL_STAGES)[number];

/**
 * A community's stage: null is "not set" (未设定), what every new or imported community has
 * until someone sets it (migration 004; issue #17).
 */
export type CommunityStage = RenewalStage | null;

/** The key legends, filters and message tables use for a stage that is not set. */
export const STAGE_NOT_SET = 'unset';

/** A stage as legends and filters list it: "not set" first, then the phases in order. */
export type StageKey = typeof STAGE_NOT_SET | RenewalStage;

export const STAGE_KEYS: readonly StageKey[] = [STAGE_NOT_SET, ...RENEWAL_STAGES];

/** The legend/filter key of a community's stage. */
export const stageKey = (stage: CommunityStage | undefined): StageKey => stage ?? STAGE_NOT_SET;
