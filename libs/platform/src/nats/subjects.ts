/** The full NATS subject of a contract in one deployment (or one test run). */
export function subjectFor(prefix: string, subject: string): string {
  return `${prefix}.${subject}`;
}
