// The bundle entry for workers: every workflow function, and nothing else.
export { cboPipeline } from './cbo-pipeline/workflow';
export { referralFollowUp } from './referral/workflow';
export { openNextExpansionPhase } from './expansion/workflow';
export { sendNotification } from './notification/workflow';
export { trainingSession } from './training-session/workflow';
export { grantApplication } from './grant-application/workflow';
