import { CBO_ID } from '../cbos/cbos.fakes';
import { fakeSettingsRepository } from '../settings/settings.fakes';
import { SettingsService } from '../settings/settings.service';
import { applicant, orchestrator, refusal, staff, STAFF_ID } from '@bandanh/platform/testing';
import { ASSESSMENT_ID, anAssessmentDraft, fakeAssessmentsRepository } from './assessments.fakes';
import type { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';

const STEP = 'cbo-pipeline-33333333:assessment:1';

function serviceOver(repository: AssessmentsRepository) {
  return new AssessmentsService(repository, new SettingsService(fakeSettingsRepository()));
}

describe('previewing an assessment’s score', () => {
  it('scores the draft on the rubric in force', async () => {
    const assessments = serviceOver(fakeAssessmentsRepository());
    await expect(assessments.check(staff('assessor'), anAssessmentDraft())).resolves.toMatchObject({
      total: 100,
    });
    await expect(assessments.check(orchestrator, anAssessmentDraft())).resolves.toMatchObject({ total: 100 });
  });

  it('is for assessors and admins (and the services)', async () => {
    await expect(
      serviceOver(fakeAssessmentsRepository()).check(staff('approver'), anAssessmentDraft()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'This needs one of the roles: assessor, admin'));
  });

  it('names the scores that do not fit the rubric', async () => {
    const draft = anAssessmentDraft({ scores: { organisation: 9, activities: 5, commitment: 5 } });
    await expect(serviceOver(fakeAssessmentsRepository()).check(staff('admin'), draft)).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^The scores do not fit the rubric: scores\.organisation/),
        details: {
          issues: [
            expect.objectContaining({ path: 'scores.organisation', code: 'out_of_range' }),
            expect.objectContaining({ path: 'scores.reach', code: 'missing' }),
          ],
        },
      }),
    );
  });
});

describe('women and men against the members recorded on the CBO', () => {
  const recordedWith = (membersCount: number | null) =>
    serviceOver(fakeAssessmentsRepository({ membersCountOf: jest.fn(async () => membersCount) }));

  it('refuses 300 women and 200 men for a group recorded with 35 members, naming both numbers', async () => {
    const draft = anAssessmentDraft({ membersWomen: 300, membersMen: 200 });
    await expect(recordedWith(35).check(staff('assessor'), draft, CBO_ID)).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('add up to 500, but the CBO is recorded with 35 members'),
        details: expect.objectContaining({
          recorded: 35,
          counted: 500,
          issues: [
            expect.objectContaining({ path: 'membersWomen', code: 'members_mismatch' }),
            expect.objectContaining({ path: 'membersMen', code: 'members_mismatch' }),
          ],
        }),
      }),
    );
  });

  it('takes them when the assessor confirms the member count is now their sum', async () => {
    const draft = anAssessmentDraft({ membersWomen: 300, membersMen: 200, updateMembersCount: true });
    await expect(recordedWith(35).check(staff('assessor'), draft, CBO_ID)).resolves.toMatchObject({
      total: 100,
    });
  });

  it('takes numbers that add up, and any numbers for a CBO recorded without a count', async () => {
    const draft = anAssessmentDraft({ membersWomen: 20, membersMen: 15 });
    await expect(recordedWith(35).check(staff('assessor'), draft, CBO_ID)).resolves.toBeDefined();
    await expect(recordedWith(null).check(staff('assessor'), draft, CBO_ID)).resolves.toBeDefined();
  });

  it('says the CBO is not found when there is none', async () => {
    const draft = anAssessmentDraft();
    await expect(recordedWith(undefined as never).check(staff('assessor'), draft, CBO_ID)).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('recording an assessment', () => {
  it('is the orchestrator’s alone', async () => {
    const repository = fakeAssessmentsRepository();
    await expect(
      serviceOver(repository).record(staff('assessor'), STEP, CBO_ID, STAFF_ID, anAssessmentDraft()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'Only the orchestrator service may do this'));
    expect(repository.insertOnce).not.toHaveBeenCalled();
  });

  it('stores the scored assessment and keeps the members count on the CBO', async () => {
    const repository = fakeAssessmentsRepository();
    const assessment = await serviceOver(repository).record(
      orchestrator,
      STEP,
      CBO_ID,
      STAFF_ID,
      anAssessmentDraft(),
    );
    expect(assessment).toMatchObject({ id: ASSESSMENT_ID, cboId: CBO_ID, assessedBy: STAFF_ID, total: 100 });
    expect(repository.insertOnce).toHaveBeenCalledWith(
      expect.objectContaining({ stepId: STEP, membersWomen: 12, parts: expect.any(Array), total: 100 }),
    );
    expect(repository.insertOnce).toHaveBeenCalledWith(
      expect.not.objectContaining({ scores: expect.anything() }),
    );
    expect(repository.setMembersCount).toHaveBeenCalledWith(CBO_ID, 20);
  });

  it('answers a retried step with what it stored, without scoring again', async () => {
    const first = { id: ASSESSMENT_ID } as never;
    const repository = fakeAssessmentsRepository({ findByStep: jest.fn(async () => first) });
    const draft = anAssessmentDraft({ scores: {} });
    await expect(serviceOver(repository).record(orchestrator, STEP, CBO_ID, STAFF_ID, draft)).resolves.toBe(
      first,
    );
    expect(repository.transaction).not.toHaveBeenCalled();
  });

  it('refuses a draft that does not fit the rubric before storing anything', async () => {
    const repository = fakeAssessmentsRepository();
    const draft = anAssessmentDraft({ scores: { organisation: 1 } });
    await expect(serviceOver(repository).record(orchestrator, STEP, CBO_ID, STAFF_ID, draft)).rejects.toEqual(
      refusal('VALIDATION_FAILED'),
    );
    expect(repository.transaction).not.toHaveBeenCalled();
  });

  it('says a CBO that does not exist was not found', async () => {
    const repository = fakeAssessmentsRepository({ cboExists: jest.fn(async () => false) });
    await expect(
      serviceOver(repository).record(orchestrator, STEP, CBO_ID, STAFF_ID, anAssessmentDraft()),
    ).rejects.toEqual(refusal('NOT_FOUND', `CBO ${CBO_ID} was not found`));
    expect(repository.insertOnce).not.toHaveBeenCalled();
  });
});

describe('listing a CBO’s assessments', () => {
  it('is for programme staff: the CBO sees its stage, not the scores', async () => {
    const repository = fakeAssessmentsRepository();
    const assessments = serviceOver(repository);
    await assessments.list(staff('coordinator'), CBO_ID);
    expect(repository.listFor).toHaveBeenCalledWith(CBO_ID);
    await expect(assessments.list(staff('trainer'), CBO_ID)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(assessments.list(applicant(CBO_ID), CBO_ID)).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('tells the grants service who assessed the CBO, and no other service', async () => {
    const repository = fakeAssessmentsRepository();
    const assessments = serviceOver(repository);
    await assessments.list({ kind: 'system', service: 'grants' }, CBO_ID);
    expect(repository.listFor).toHaveBeenCalledWith(CBO_ID);
    await expect(assessments.list(orchestrator, CBO_ID)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
