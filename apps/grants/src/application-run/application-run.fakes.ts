import type { NotificationRequest } from '@bandanh/contracts';
import type { ApplicationRow, DecisionRow, RelationshipRow, ReviewRow, RoundRow } from '../db/schema';
import { fakeRepository } from '@bandanh/platform/testing';
import { aRoundRow } from '../testing/fixtures';
import type { ApplicationRunRepository } from './application-run.repository';

export interface RunStore {
  round: RoundRow;
  applications: ApplicationRow[];
  reviews: ReviewRow[];
  relationships: Array<Pick<RelationshipRow, 'userId' | 'cboId' | 'source'>>;
  decisions: Array<Omit<DecisionRow, 'id' | 'decidedAt'>>;
  notified: NotificationRequest[];
  /** Assignments of reviewers on other applications: their load. */
  loads: Record<string, { open: number; total: number }>;
}

/** The applications' runs in memory, written as the service writes them. */
export function fakeRunRepository(
  seed: Partial<RunStore> = {},
): ApplicationRunRepository & { store: RunStore } {
  const store: RunStore = {
    round: aRoundRow(),
    applications: [],
    reviews: [],
    relationships: [],
    decisions: [],
    notified: [],
    loads: {},
    ...seed,
  };
  const find = async (id: string) => store.applications.find((a) => a.id === id);
  const review = async (appId: string, reviewerId: string) =>
    store.reviews.find((r) => r.applicationId === appId && r.reviewerId === reviewerId);
  const setReview = (row: ReviewRow) => {
    store.reviews = store.reviews.map((r) =>
      r.applicationId === row.applicationId && r.reviewerId === row.reviewerId ? row : r,
    );
    return row;
  };
  const repository = fakeRepository<ApplicationRunRepository>({
    find: jest.fn(find),
    lockApplication: jest.fn(find),
    lock: jest.fn(async () => {}),
    round: jest.fn(async (id: string) => (id === store.round.id ? store.round : undefined)),
    setStage: jest.fn(async (id, stage, extra = {}) => {
      const row = { ...(await find(id))!, stage, ...extra };
      store.applications = store.applications.map((a) => (a.id === id ? row : a));
      return row;
    }),
    reviewsOf: jest.fn(async (appId: string) => store.reviews.filter((r) => r.applicationId === appId)),
    review: jest.fn(review),
    relatedTo: jest.fn(async (cboId: string) =>
      store.relationships.filter((r) => r.cboId === cboId).map((r) => r.userId),
    ),
    loads: jest.fn(async (userIds: readonly string[]) =>
      userIds.map((userId) => ({ userId, ...(store.loads[userId] ?? { open: 0, total: 0 }) })),
    ),
    assign: jest.fn(async (applicationId, reviewers) => {
      for (const r of reviewers) {
        store.reviews.push({
          applicationId,
          reviewerId: r.userId,
          reviewerName: r.name,
          status: 'assigned',
          conflictNote: null,
          scores: [],
          comment: '',
          total: null,
          assignedAt: new Date(),
          declaredAt: null,
          scoredAt: null,
        });
      }
    }),
    declare: jest.fn(async (appId, reviewerId, conflict, note) =>
      setReview({
        ...(await review(appId, reviewerId))!,
        status: conflict ? 'conflict' : 'cleared',
        conflictNote: conflict ? note : null,
        declaredAt: new Date(),
      }),
    ),
    relate: jest.fn(async (userId: string, cboId: string) => {
      store.relationships.push({ userId, cboId, source: 'conflict' });
    }),
    score: jest.fn(async (appId, reviewerId, input) =>
      setReview({ ...(await review(appId, reviewerId))!, ...input, status: 'scored', scoredAt: new Date() }),
    ),
    commit: jest.fn(async (_roundId: string, amount: number) => {
      if (store.round.committed + amount > store.round.budget) return undefined;
      store.round = { ...store.round, committed: store.round.committed + amount };
      return store.round;
    }),
    recordDecision: jest.fn(async (input) => {
      store.decisions.push(input);
    }),
    notify: jest.fn(async (request: NotificationRequest) => {
      store.notified.push(request);
    }),
  });
  return Object.assign(repository, { store });
}
