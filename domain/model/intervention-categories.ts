/**
 * Categories of a renewal intervention (国办发〔2020〕23号): 基础类 basic (roofs, pipes, roads,
 * fire safety …), 完善类 improvement (greening, parking, charging, accessibility …), 提升类 upgrade
 * (service centres, clinics, elderly care, childcare …).
 */
export const INTERVENTION_CATEGORIES = ['basic', 'improvement', 'upgrade'] as const;

export type InterventionCategory = (typeof INTERVENTION_CATEGORIES)[number];
