/**
 * The services of the back end: each signs the callers it speaks for with its own key, owns
 * the subjects under its name (`<service>.*`) and has its own NATS user in deployment.
 */
export const SERVICES = ['gateway', 'identity', 'network', 'orchestrator', 'training', 'grants'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The most bytes a request on NATS may carry; larger ones are refused unread. */
export const MAX_REQUEST_BYTES = 256 * 1024;
