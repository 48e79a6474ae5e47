/**
 * Renewal phases in order (国办发〔2020〕23号 and the seed plans):
 * publicity 宣传发动 → planning 制订方案/公示 → construction 施工 → acceptance 竣工验收.
 */
export const RENEWAL_STAGES = ['publicity', 'planning', 'construction', 'acceptance'] as const;

export type RenewalStage = (typeof RENEWAL_STAGES)[number];
