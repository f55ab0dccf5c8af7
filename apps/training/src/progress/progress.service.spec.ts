import { aModuleRow } from '../session-run/session-run.fakes';
import { aSession } from '../sessions/sessions.fakes';
import { applicant, APPLICANT_ID, fakeRepository, refusal, staff } from '@bandanh/platform/testing';
import type { ProgressRepository } from './progress.repository';
import { ProgressService } from './progress.service';

const CBO = 'aaaaaaaa-0000-4000-8000-000000000001';
const S_INVITED = '10000000-0000-4000-8000-000000000001';
const S_OTHER = '10000000-0000-4000-8000-000000000002';
const S_DONE = '10000000-0000-4000-8000-000000000003';

const repository = () =>
  fakeRepository<ProgressRepository>({
    modules: jest.fn(async () => [
      aModuleRow({ id: 'advocacy', titleEn: 'Advocacy' }),
      aModuleRow({ id: 'human_rights' }),
      aModuleRow({ id: 'elective', requiredForGrants: false }),
    ]),
    completions: jest.fn(async () => [
      { moduleId: 'human_rights', completedAt: new Date('2036-01-10T00:00:00.000Z') },
    ]),
    upcoming: jest.fn(async () => [
      aSession({ id: S_OTHER, moduleId: 'advocacy', startsAt: '2036-02-01T02:00:00.000Z' }),
      aSession({ id: S_DONE, moduleId: 'human_rights', startsAt: '2036-02-02T02:00:00.000Z' }),
      aSession({ id: S_INVITED, moduleId: 'advocacy', startsAt: '2036-02-03T02:00:00.000Z' }),
    ]),
    invitedTo: jest.fn(async () => new Set([S_INVITED])),
    seatsAt: jest.fn(async () => [
      {
        id: 'x',
        sessionId: S_INVITED,
        cboId: CBO,
        memberId: APPLICANT_ID,
        status: 'confirmed' as const,
        requestedAt: new Date('2036-01-01T00:00:00.000Z'),
        promotedAt: null,
        updatedAt: new Date('2036-01-01T00:00:00.000Z'),
      },
    ]),
    certificates: jest.fn(async () => []),
  });

describe("a CBO's training progress", () => {
  it('counts the required modules done and lists the upcoming sessions still to do, invited first', async () => {
    const progress = await new ProgressService(repository()).forCbo(applicant(CBO), CBO);
    expect(progress).toMatchObject({ requiredDone: 1, requiredTotal: 2 });
    expect(progress.modules.map((m) => [m.moduleId, m.required, m.completed])).toEqual([
      ['advocacy', true, false],
      ['human_rights', true, true],
      ['elective', false, false],
    ]);
    expect(progress.sessions.map((s) => [s.session.id, s.invited, s.seat?.status ?? null])).toEqual([
      [S_INVITED, true, 'confirmed'],
      [S_OTHER, false, null],
    ]);
  });

  it("is for the CBO's own members and staff who read the programme", async () => {
    const service = new ProgressService(repository());
    await expect(service.forCbo(applicant('aaaaaaaa-0000-4000-8000-000000000009'), CBO)).rejects.toEqual(
      refusal('NOT_FOUND'),
    );
    await expect(service.forCbo(staff('coordinator'), CBO)).resolves.toMatchObject({ requiredDone: 1 });
    await expect(service.forCbo(staff('finance'), CBO)).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe("a CBO's trainers", () => {
  const trainers = () =>
    fakeRepository<ProgressRepository>({
      trainersOf: jest.fn(async () => ['10000000-0000-4000-8000-0000000000a1']),
    });

  it('are told to the grants service, which never makes them review the CBO', async () => {
    const repository = trainers();
    await expect(
      new ProgressService(repository).trainersOf({ kind: 'system', service: 'grants' }, CBO),
    ).resolves.toEqual(['10000000-0000-4000-8000-0000000000a1']);
    expect(repository.trainersOf).toHaveBeenCalledWith(CBO);
  });

  it('are refused to people and to other services', async () => {
    const service = new ProgressService(trainers());
    for (const caller of [staff('admin'), applicant(CBO), { kind: 'system' as const, service: 'network' }]) {
      await expect(service.trainersOf(caller, CBO)).rejects.toEqual(refusal('FORBIDDEN'));
    }
  });
});
