import { ApplicationDraft } from '@bandanh/contracts';
import { aCbo, aMember, CBO_ID, fakeDirectory } from '../directory/directory.fakes';
import {
  applicant,
  APPLICANT_ID,
  fakeRepository,
  refusal,
  replaying,
  staff,
  STAFF_ID,
} from '@bandanh/platform/testing';
import {
  A_LINE,
  APPLICATION_ID,
  COMPLETE_PLAN,
  ROUND_ID,
  aRoundRow,
  anApplicationRow,
  anAttachmentRow,
} from '../testing/fixtures';
import { fakeApplicationsRepository, type ApplicationsStore } from './applications.fakes';
import type { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

const OTHER_CBO = 'c0000000-0000-4000-8000-000000000009';
const config = { GRANT_APPLICATION_FILES_MAX_BYTES: 5000, WEB_URL: 'https://bandanh.example.org' };

function world(
  seed: Partial<ApplicationsStore> = {},
  directory = fakeDirectory({ members: { [CBO_ID]: [aMember(APPLICANT_ID)] } }),
) {
  const repository = fakeApplicationsRepository(seed);
  return {
    repository,
    store: repository.store,
    service: new ApplicationsService(repository, directory, config),
  };
}

const complete = (overrides = {}) =>
  anApplicationRow({ plan: COMPLETE_PLAN, budget: [A_LINE], requested: 100_000, ...overrides });

describe('starting an application', () => {
  it("makes the CBO's draft of an open round it may apply to, once", async () => {
    const { service, repository, store } = world();
    const first = await service.start(applicant(CBO_ID), ROUND_ID);
    expect(first).toMatchObject({
      created: true,
      application: { stage: 'draft', cboId: CBO_ID, version: 1 },
    });
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'grants.application.start' }),
    );
    const again = await service.start(applicant(CBO_ID), ROUND_ID);
    expect(again).toMatchObject({ created: false, application: { id: first.application.id } });
    expect(store.applications).toHaveLength(1);
  });

  it('refuses a CBO that is not grant-eligible or outside the round, naming the rules', async () => {
    const { service, store } = world(
      { rounds: [aRoundRow({ eligibility: { provinceCodes: ['KH-12'], focusIssues: [] } })] },
      fakeDirectory({ cbos: [aCbo({ stage: 'training' })] }),
    );
    await expect(service.start(applicant(CBO_ID), ROUND_ID)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'not_eligible', rules: ['cbo_not_grant_eligible', 'province_not_in_round'] },
    });
    expect(store.applications).toHaveLength(0);
  });

  it('refuses a round that is not open, and a member without a CBO', async () => {
    const { service } = world({ rounds: [aRoundRow({ closesAt: new Date('2026-01-01T00:00:00.000Z') })] });
    await expect(service.start(applicant(CBO_ID), ROUND_ID)).rejects.toMatchObject({
      details: { reason: 'round_not_open', state: 'closed' },
    });
    await expect(service.start(applicant(null), ROUND_ID)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(service.start(staff('admin'), ROUND_ID)).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe('saving a draft', () => {
  const draft = ApplicationDraft.parse({ plan: { title: 'Forum' }, budget: [A_LINE] });

  it('saves it whole as the next version, and the same content again changes nothing', async () => {
    const { service, repository } = world({ applications: [anApplicationRow()] });
    const saved = await service.save(applicant(CBO_ID), APPLICATION_ID, 1, draft);
    expect(saved).toMatchObject({ saved: true, application: { version: 2, totals: { requested: 100_000 } } });
    const again = await service.save(applicant(CBO_ID), APPLICATION_ID, 1, draft);
    expect(again).toMatchObject({ saved: false, application: { version: 2 } });
    expect(repository.saveDraft).toHaveBeenCalledTimes(1);
  });

  it("refuses an older copy with the server's, saving nothing", async () => {
    const server = anApplicationRow({ version: 4, plan: { ...COMPLETE_PLAN, title: 'Newer' } });
    const { service, repository } = world({ applications: [server] });
    await expect(service.save(applicant(CBO_ID), APPLICATION_ID, 3, draft)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: {
        reason: 'draft_newer',
        current: { id: APPLICATION_ID, version: 4, plan: { title: 'Newer' } },
      },
    });
    expect(repository.saveDraft).not.toHaveBeenCalled();
  });

  it('refuses a submitted application, and another CBO’s is not found', async () => {
    const { service } = world({ applications: [anApplicationRow({ stage: 'review' })] });
    await expect(service.save(applicant(CBO_ID), APPLICATION_ID, 1, draft)).rejects.toMatchObject({
      details: { reason: 'not_editable' },
    });
    await expect(service.save(applicant(OTHER_CBO), APPLICATION_ID, 1, draft)).rejects.toEqual(
      refusal('NOT_FOUND'),
    );
  });
});

describe('submitting an application', () => {
  it('locks it with a reference, a receipt to the submitter and the start of its workflow, in one go', async () => {
    const { service, store, repository } = world({ applications: [complete()] });
    const result = await service.submit(applicant(CBO_ID), APPLICATION_ID, 'submit-key-1', 1);
    expect(result).toMatchObject({
      submitted: true,
      application: { stage: 'submitted', submittedBy: APPLICANT_ID },
    });
    expect(result.application.reference).toMatch(/^GRT-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(repository.once).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'grants.application.submit', key: 'submit-key-1' }),
      expect.any(Function),
    );
    expect(store.started).toEqual([
      {
        applicationId: APPLICATION_ID,
        cboId: CBO_ID,
        roundId: ROUND_ID,
        label: `${result.application.reference} — Land rights forum`,
      },
    ]);
    expect(store.signalled).toEqual([]);
    expect(store.notified).toEqual([
      expect.objectContaining({
        kind: 'grant_submitted',
        recipient: expect.objectContaining({ userId: APPLICANT_ID }),
        cboId: CBO_ID,
        params: expect.objectContaining({
          reference: result.application.reference,
          amount: 100_000,
          currency: 'USD',
        }),
      }),
    ]);
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'grants.application.submit', actor: APPLICANT_ID }),
    );
  });

  it('answers the same submission when submitted again, starting nothing twice', async () => {
    const { service, store } = world({ applications: [complete()] });
    const first = await service.submit(applicant(CBO_ID), APPLICATION_ID, 'submit-key-1', 1);
    const again = await service.submit(applicant(CBO_ID), APPLICATION_ID, 'submit-key-2', 1);
    expect(again).toMatchObject({
      submitted: false,
      application: { reference: first.application.reference },
    });
    expect(store.started).toHaveLength(1);
    expect(store.notified).toHaveLength(1);
  });

  it('answers a retry with the same key as not submitted again', async () => {
    const { service, repository } = world({
      applications: [complete({ stage: 'submitted', reference: 'GRT-7K2M9QXA' })],
    });
    repository.once = replaying<typeof repository>({ id: APPLICATION_ID, submitted: true });
    await expect(service.submit(applicant(CBO_ID), APPLICATION_ID, 'submit-key-1', 1)).resolves.toMatchObject(
      {
        submitted: false,
        application: { reference: 'GRT-7K2M9QXA' },
      },
    );
  });

  it('resumes the workflow after a return, keeping its reference and counting the cycle', async () => {
    const returned = complete({ stage: 'returned', reference: 'GRT-7K2M9QXA', submissions: 1 });
    const { service, store } = world({ applications: [returned] });
    const result = await service.submit(applicant(CBO_ID), APPLICATION_ID, 'submit-key-2', 1);
    expect(result.application).toMatchObject({ stage: 'submitted', reference: 'GRT-7K2M9QXA' });
    expect(store.started).toEqual([]);
    expect(store.signalled).toEqual([{ applicationId: APPLICATION_ID, cycle: 2 }]);
  });

  it('names every field still missing and changes nothing', async () => {
    const { service, store } = world({ applications: [anApplicationRow()] });
    const error = await service
      .submit(applicant(CBO_ID), APPLICATION_ID, 'submit-key-1', 1)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const paths = (error as { details: { issues: Array<{ path: string }> } }).details.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['plan.title', 'plan.startsOn', 'budget']));
    expect(store.applications[0].stage).toBe('draft');
    expect(store.started).toEqual([]);
  });

  it('refuses an amount over the ceiling, a closed round and an older copy', async () => {
    const big = complete({ budget: [{ ...A_LINE, unitCost: 400_000 }] });
    await expect(
      world({ applications: [big] }).service.submit(applicant(CBO_ID), APPLICATION_ID, 'k-00000001', 1),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'budget', code: 'amount_above_ceiling' })] },
    });
    const closed = world({
      applications: [complete()],
      rounds: [aRoundRow({ closesAt: new Date('2026-11-02T00:00:00Z') })],
    });
    await expect(
      closed.service.submit(applicant(CBO_ID), APPLICATION_ID, 'k-00000001', 1),
    ).rejects.toMatchObject({
      details: { reason: 'round_not_open' },
    });
    const newer = world({ applications: [complete({ version: 3 })] });
    await expect(
      newer.service.submit(applicant(CBO_ID), APPLICATION_ID, 'k-00000001', 2),
    ).rejects.toMatchObject({
      details: { reason: 'draft_newer', current: { version: 3 } },
    });
  });
});

describe('reading an application', () => {
  const REVIEWER = staff('reviewer');

  it("is for its CBO's members and grant readers; anyone else does not find it", async () => {
    const { service } = world({ applications: [complete({ stage: 'review' })] });
    await expect(service.get(applicant(CBO_ID), APPLICATION_ID)).resolves.toMatchObject({ cboId: CBO_ID });
    await expect(service.get(staff('programme_manager'), APPLICATION_ID)).resolves.toMatchObject({
      cboId: CBO_ID,
    });
    await expect(service.get(applicant(OTHER_CBO), APPLICATION_ID)).rejects.toEqual(refusal('NOT_FOUND'));
    await expect(service.get(REVIEWER, APPLICATION_ID)).rejects.toEqual(refusal('NOT_FOUND'));
    await expect(service.get(staff('trainer'), APPLICATION_ID)).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('is for an assigned reviewer only once they declared no conflict', async () => {
    const { service, store } = world({
      applications: [complete({ stage: 'review', submittedBy: APPLICANT_ID })],
    });
    store.reviewStatuses[`${APPLICATION_ID}:${STAFF_ID}`] = 'assigned';
    await expect(service.get(REVIEWER, APPLICATION_ID)).rejects.toEqual(refusal('NOT_FOUND'));
    store.reviewStatuses[`${APPLICATION_ID}:${STAFF_ID}`] = 'cleared';
    await expect(service.get(REVIEWER, APPLICATION_ID)).resolves.toMatchObject({
      cboId: CBO_ID,
      cboName: 'Riverside Fishers',
      submittedBy: APPLICANT_ID,
    });
  });

  it('hides who the CBO is from a reviewer of a blind round, and only from them', async () => {
    const { service, store } = world({
      rounds: [aRoundRow({ blindReview: true })],
      applications: [complete({ stage: 'review', submittedBy: APPLICANT_ID })],
    });
    store.reviewStatuses[`${APPLICATION_ID}:${STAFF_ID}`] = 'scored';
    await expect(service.get(REVIEWER, APPLICATION_ID)).resolves.toMatchObject({
      cboId: null,
      cboName: null,
      submittedBy: null,
      plan: { title: 'Land rights forum' },
    });
    await expect(service.get(staff('coordinator'), APPLICATION_ID)).resolves.toMatchObject({ cboId: CBO_ID });
  });
});

describe("an application's attachments", () => {
  const file = {
    uploadId: 'upload-2',
    kind: 'photo' as const,
    fileName: 'p.jpg',
    contentType: 'image/jpeg' as const,
    size: 3000,
  };

  it('are attached while editable, the same upload twice answering the same attachment', async () => {
    const { service, store } = world({ applications: [anApplicationRow()] });
    const first = await service.attach(applicant(CBO_ID), APPLICATION_ID, file);
    const again = await service.attach(applicant(CBO_ID), APPLICATION_ID, file);
    expect(again.attachment.id).toBe(first.attachment.id);
    expect(store.attachments).toHaveLength(1);
    expect(first.application.attachments).toHaveLength(1);
  });

  it("stay within the application's limit, and only on a draft of the member's CBO", async () => {
    const { service, store } = world({
      applications: [anApplicationRow()],
      attachments: [anAttachmentRow({ size: 2500 })],
    });
    await expect(service.attach(applicant(CBO_ID), APPLICATION_ID, file)).rejects.toMatchObject({
      details: { reason: 'attachments_too_large', limit: 5000, used: 2500 },
    });
    await expect(service.attach(applicant(OTHER_CBO), APPLICATION_ID, { ...file, size: 1 })).rejects.toEqual(
      refusal('NOT_FOUND'),
    );
    store.applications[0] = { ...store.applications[0], stage: 'submitted' };
    await expect(
      service.attach(applicant(CBO_ID), APPLICATION_ID, { ...file, size: 1 }),
    ).rejects.toMatchObject({
      details: { reason: 'not_editable' },
    });
    await expect(
      service.detach(applicant(CBO_ID), APPLICATION_ID, anAttachmentRow().id),
    ).rejects.toMatchObject({
      details: { reason: 'not_editable' },
    });
  });

  it('are detached from a draft, answering the upload to delete', async () => {
    const { service, store } = world({
      applications: [anApplicationRow()],
      attachments: [anAttachmentRow()],
    });
    await expect(
      service.detach(applicant(CBO_ID), APPLICATION_ID, anAttachmentRow().id),
    ).resolves.toMatchObject({
      uploadId: 'upload-1',
      application: { attachments: [] },
    });
    expect(store.attachments).toEqual([]);
  });
});

describe("a round's applications for staff", () => {
  it('are for grant readers, with every stage counted', async () => {
    const repository = fakeRepository<ApplicationsRepository>({
      round: jest.fn(async () => aRoundRow()),
      list: jest.fn(async () => ({
        items: [{ row: complete({ stage: 'review' }), score: 81.5, reviewsDone: 1 }],
        total: 1,
        counts: { review: 1, draft: 2 },
      })),
    });
    const service = new ApplicationsService(repository, fakeDirectory(), config);
    const page = await service.list(staff('coordinator'), { roundId: ROUND_ID, limit: 100, offset: 0 });
    expect(page.items).toEqual([
      expect.objectContaining({
        title: 'Land rights forum',
        score: 81.5,
        reviewsDone: 1,
        reviewsNeeded: 2,
        provinceCode: 'KH-2',
      }),
    ]);
    expect(page.counts).toMatchObject({ draft: 2, review: 1, submitted: 0, agreement: 0 });
    await expect(
      service.list(staff('reviewer'), { roundId: ROUND_ID, limit: 100, offset: 0 }),
    ).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(
      service.list(applicant(CBO_ID), { roundId: ROUND_ID, limit: 100, offset: 0 }),
    ).rejects.toEqual(refusal('FORBIDDEN'));
  });
});
