import { randomBytes } from 'node:crypto';

/** A NATS subject prefix (or task queue) that no other test run shares. */
export function uniqueName(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}`.toLowerCase();
}
