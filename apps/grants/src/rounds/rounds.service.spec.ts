import { GrantRoundDraft } from '@bandanh/contracts';
import { aCbo, CBO_ID, fakeDirectory } from '../directory/directory.fakes';
import { applicant, fakeRepository, refusal, replaying, staff, STAFF_ID } from '@bandanh/platform/testing';
import { ROUND_ID, aRoundRow } from '../testing/fixtures';
import type { RoundRow } from '../db/schema';
import type { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

const NOW = new Date('2026-12-10T00:00:00.000Z');
const OPEN_ELSEWHERE = 'a0000000-0000-4000-8000-000000000002';
const CLOSED_APPLIED = 'a0000000-0000-4000-8000-000000000003';

const draftOf = (row: RoundRow, overrides: Record<string, unknown> = {}) =>
  GrantRoundDraft.parse({
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    currency: row.currency,
    budget: row.budget,
    minAmount: row.minAmount,
    maxAmount: row.maxAmount,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    eligibility: row.eligibility,
    rubric: row.rubric,
    reviewersPerApplication: row.reviewersPerApplication,
    blindReview: row.blindReview,
    approvalChain: row.approvalChain,
    ...overrides,
  });

function world(rows: RoundRow[] = [aRoundRow()], applications = 0, applied: string[] = []) {
  const repository = fakeRepository<RoundsRepository>({
    insert: jest.fn(async () => rows[0]),
    find: jest.fn(async (id: string) => rows.find((r) => r.id === id)),
    lockRound: jest.fn(async (id: string) => rows.find((r) => r.id === id)),
    update: jest.fn(async (id: string) => rows.find((r) => r.id === id)!),
    applicationCount: jest.fn(async () => applications),
    list: jest.fn(async (state) =>
      rows.filter(
        (r) => state === undefined || (r.opensAt <= NOW && r.closesAt > NOW) === (state === 'open'),
      ),
    ),
    appliedBy: jest.fn(async () => rows.filter((r) => applied.includes(r.id))),
  });
  const directory = fakeDirectory({ cbos: [aCbo({ provinceCode: 'KH-2' })] });
  return { repository, service: new RoundsService(repository, directory) };
}

describe('opening a round', () => {
  it('is for admins, once per key, audited', async () => {
    const { service, repository } = world();
    await expect(service.create(staff('admin'), 'round-key-1', draftOf(aRoundRow()))).resolves.toMatchObject({
      created: true,
      round: { id: ROUND_ID, remaining: 1_000_000, committed: 0 },
    });
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'grants.round.create', actor: STAFF_ID }),
    );
    repository.once = replaying<RoundsRepository>({ id: ROUND_ID });
    await expect(service.create(staff('admin'), 'round-key-1', draftOf(aRoundRow()))).resolves.toMatchObject({
      created: false,
    });
    await expect(service.create(staff('coordinator'), 'round-key-1', draftOf(aRoundRow()))).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
  });
});

describe('changing a round', () => {
  it('keeps its rubric, currency and chain once it has applications', async () => {
    const row = aRoundRow();
    const { service, repository } = world([row], 3);
    await expect(
      service.update(
        staff('admin'),
        ROUND_ID,
        draftOf(row, { approvalChain: [{ role: 'director', aboveAmount: 0 }] }),
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'round_in_use', fields: ['approvalChain'] },
    });
    expect(repository.update).not.toHaveBeenCalled();
    await expect(
      service.update(staff('admin'), ROUND_ID, draftOf(row, { nameEn: 'Renamed' })),
    ).resolves.toBeDefined();
    expect(repository.update).toHaveBeenCalledTimes(1);
    // The same rubric and chain with their keys in another order (as jsonb answers them) are unchanged.
    const reordered = draftOf(row, {
      closesAt: new Date(Date.now() - 60_000).toISOString(),
      rubric: row.rubric.map((criterion) =>
        Object.fromEntries(Object.entries(criterion).reverse()),
      ) as typeof row.rubric,
      approvalChain: row.approvalChain.map((step) =>
        Object.fromEntries(Object.entries(step).reverse()),
      ) as typeof row.approvalChain,
    });
    await expect(service.update(staff('admin'), ROUND_ID, reordered)).resolves.toBeDefined();
    expect(repository.update).toHaveBeenCalledTimes(2);
  });

  it('changes anything while nobody applied, but never takes the budget below what is committed', async () => {
    const row = aRoundRow({ committed: 400_000 });
    const { service } = world([row], 0);
    await expect(
      service.update(
        staff('admin'),
        ROUND_ID,
        draftOf(row, { approvalChain: [{ role: 'director', aboveAmount: 0 }] }),
      ),
    ).resolves.toBeDefined();
    await expect(
      service.update(staff('admin'), ROUND_ID, draftOf(row, { budget: 300_000, maxAmount: 300_000 })),
    ).rejects.toMatchObject({ details: { reason: 'budget_below_committed', committed: 400_000 } });
  });
});

describe('reading rounds', () => {
  const rows = [
    aRoundRow({ opensAt: new Date('2026-12-01T00:00:00Z') }),
    aRoundRow({ id: OPEN_ELSEWHERE, eligibility: { provinceCodes: ['KH-12'], focusIssues: [] } }),
    aRoundRow({
      id: CLOSED_APPLIED,
      opensAt: new Date('2026-01-01T00:00:00Z'),
      closesAt: new Date('2026-02-01T00:00:00Z'),
    }),
  ];

  it('shows staff every round, and a member the open ones their CBO may apply to and those it applied to', async () => {
    const { service } = world(rows, 0, [CLOSED_APPLIED]);
    expect((await service.list(staff('coordinator'), undefined, NOW)).map((r) => r.id)).toHaveLength(3);
    expect((await service.list(staff('reviewer'), undefined, NOW)).map((r) => r.id)).toHaveLength(3);
    const mine = await service.list(applicant(CBO_ID), undefined, NOW);
    expect(mine.map((r) => [r.id, r.state])).toEqual([
      [ROUND_ID, 'open'],
      [CLOSED_APPLIED, 'closed'],
    ]);
    await expect(service.list(applicant(null), undefined, NOW)).resolves.toEqual([]);
    await expect(service.list(staff('trainer'), undefined, NOW)).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('does not find a round for a member whose CBO may not apply to it', async () => {
    const { service } = world(rows, 0, [CLOSED_APPLIED]);
    await expect(service.get(applicant(CBO_ID), ROUND_ID, NOW)).resolves.toMatchObject({ id: ROUND_ID });
    await expect(service.get(applicant(CBO_ID), CLOSED_APPLIED, NOW)).resolves.toMatchObject({
      state: 'closed',
    });
    await expect(service.get(applicant(CBO_ID), OPEN_ELSEWHERE, NOW)).rejects.toEqual(refusal('NOT_FOUND'));
    await expect(service.get(staff('admin'), OPEN_ELSEWHERE, NOW)).resolves.toMatchObject({
      id: OPEN_ELSEWHERE,
    });
  });
});
