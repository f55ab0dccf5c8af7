import { aCbo, CBO_ID, fakeDirectory } from '../directory/directory.fakes';
import { applicant, fakeRepository, refusal, staff, STAFF_ID } from '@bandanh/platform/testing';
import { APPLICATION_ID, COMPLETE_PLAN, aReviewRow, aRoundRow, anApplicationRow } from '../testing/fixtures';
import type { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

const OTHER = 'e0000000-0000-4000-8000-000000000009';

function world(blindReview = false) {
  const application = anApplicationRow({ stage: 'review', plan: COMPLETE_PLAN });
  const repository = fakeRepository<ReviewsRepository>({
    application: jest.fn(async (id: string) => (id === APPLICATION_ID ? application : undefined)),
    reviewsOf: jest.fn(async () => [
      aReviewRow(STAFF_ID, { status: 'scored', total: 80 }),
      aReviewRow(OTHER),
    ]),
    assignedTo: jest.fn(async () => [
      { review: aReviewRow(STAFF_ID, { status: 'cleared' }), application, round: aRoundRow({ blindReview }) },
    ]),
    scoredCounts: jest.fn(async () => new Map([[APPLICATION_ID, 1]])),
    declare: jest.fn(async (input) => ({ ...input, source: 'declared' as const, declaredAt: new Date() })),
    relationship: jest.fn(async () => undefined),
    relationshipsOf: jest.fn(async () => []),
    remove: jest.fn(async () => true),
  });
  return { repository, service: new ReviewsService(repository, fakeDirectory({ cbos: [aCbo()] })) };
}

describe('the review board', () => {
  it('shows grant readers every review side by side, and a reviewer only their own', async () => {
    const { service } = world();
    expect((await service.list(staff('grant_committee'), APPLICATION_ID)).map((r) => r.reviewerId)).toEqual([
      STAFF_ID,
      OTHER,
    ]);
    expect((await service.list(staff('reviewer'), APPLICATION_ID)).map((r) => r.reviewerId)).toEqual([
      STAFF_ID,
    ]);
    await expect(service.list(applicant(CBO_ID), APPLICATION_ID)).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe("a reviewer's assignments", () => {
  it('name the CBO, except in a blind round', async () => {
    const open = await world(false).service.mine(staff('reviewer'));
    expect(open[0].application).toMatchObject({
      cboId: CBO_ID,
      cboName: 'Riverside Fishers',
      reviewsDone: 1,
      reviewsNeeded: 2,
    });
    const blind = await world(true).service.mine(staff('reviewer'));
    expect(blind[0].application).toMatchObject({ cboId: null, cboName: null, title: 'Land rights forum' });
    await expect(world().service.mine(staff('coordinator'))).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe('declared relationships', () => {
  it('are with a CBO the network knows, declared by staff, audited', async () => {
    const { service, repository } = world();
    await expect(service.declare(staff('reviewer'), CBO_ID, 'I trained them before')).resolves.toMatchObject({
      created: true,
      relationship: { cboId: CBO_ID, cboName: 'Riverside Fishers' },
    });
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'grants.relationship.declare' }),
    );
    await expect(service.declare(staff('reviewer'), OTHER, 'x')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'cboId' })] },
    });
    await expect(service.declare(applicant(CBO_ID), CBO_ID, 'x')).rejects.toEqual(refusal('FORBIDDEN'));
  });
});
