import { randomUUID } from 'node:crypto';
import { copy, type Shape } from '../testing/fakes';
import type { AttemptsRow, ChallengeRow, SessionRow, SessionsRepository } from './sessions.repository';

/** Sessions, challenges and failed sign-ins in memory, with the repository's conditions. */
export class InMemorySessions implements Shape<SessionsRepository> {
  readonly sessions: SessionRow[] = [];
  readonly challenges: ChallengeRow[] = [];
  readonly attemptsByEmail = new Map<string, AttemptsRow>();

  async create(values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }) {
    const now = new Date();
    const row: SessionRow = { id: randomUUID(), createdAt: now, lastSeenAt: now, endedAt: null, ...values };
    this.sessions.push(row);
    return row;
  }

  async findLive(tokenHash: string) {
    return copy(this.sessions.find((row) => row.tokenHash === tokenHash && row.endedAt === null));
  }

  async touch(id: string, at: Date) {
    for (const row of this.sessions) if (row.id === id) row.lastSeenAt = at;
  }

  async end(id: string) {
    const row = this.sessions.find((candidate) => candidate.id === id && candidate.endedAt === null);
    if (row) row.endedAt = new Date();
    return row !== undefined;
  }

  async endOthers(userId: string, keep: string | undefined) {
    const ended = this.sessions.filter(
      (row) => row.userId === userId && row.endedAt === null && row.id !== keep,
    );
    for (const row of ended) row.endedAt = new Date();
    return ended.length;
  }

  async endChallenges(userId: string) {
    const pending = this.challenges.filter((row) => row.userId === userId && !row.usedAt);
    for (const row of pending) row.usedAt = new Date();
    return pending.length;
  }

  async createChallenge(values: { tokenHash: string; userId: string; email: string; expiresAt: Date }) {
    this.challenges.push({ ...values, usedAt: null });
  }

  async findChallenge(tokenHash: string) {
    return copy(this.challenges.find((row) => row.tokenHash === tokenHash));
  }

  async useChallenge(tokenHash: string) {
    const row = this.challenges.find((candidate) => candidate.tokenHash === tokenHash && !candidate.usedAt);
    if (row) row.usedAt = new Date();
    return row !== undefined;
  }

  async attempts(email: string) {
    return copy(this.attemptsByEmail.get(email));
  }

  async recordFailure(email: string, lockAfter: number, lockUntil: Date) {
    const before = this.attemptsByEmail.get(email);
    const failures = (before?.failures ?? 0) + 1;
    this.attemptsByEmail.set(email, {
      email,
      failures,
      lastFailureAt: new Date(),
      lockedUntil: failures >= lockAfter ? lockUntil : (before?.lockedUntil ?? null),
    });
    return failures;
  }

  async clearFailures(email: string) {
    this.attemptsByEmail.delete(email);
  }

  /** The live sessions of a user. */
  liveOf(userId: string): SessionRow[] {
    return this.sessions.filter((row) => row.userId === userId && row.endedAt === null);
  }
}
