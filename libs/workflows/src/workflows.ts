// The bundle entry for workers: every workflow function, and nothing else.
export { cboPipeline } from './cbo-pipeline/workflow';
