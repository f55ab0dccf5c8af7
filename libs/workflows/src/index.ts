export * from './cbo-pipeline/definitions';
export * from './referral/definitions';
export {
  EXPANSION_SCHEDULE_ID,
  OPEN_NEXT_PHASE_WORKFLOW,
  type ExpansionActivities,
} from './expansion/workflow';
