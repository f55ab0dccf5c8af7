/** Stages counted by a target: participants are those in the directory or beyond. */
export const TARGET_METRICS = ['participants', 'selected', 'identified'] as const;
