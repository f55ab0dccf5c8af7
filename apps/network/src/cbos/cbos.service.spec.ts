import { RULE_REASONS, type DuplicateCandidate } from '@bandanh/contracts';
import { fakeExpansionRepository, aPhase } from '../expansion/expansion.fakes';
import { ExpansionService } from '../expansion/expansion.service';
import { fakeSettingsRepository, storedSettings } from '../settings/settings.fakes';
import { SettingsService } from '../settings/settings.service';
import {
  anonymous,
  applicant,
  orchestrator,
  refusal,
  replaying,
  staff,
  STAFF_ID,
} from '@bandanh/platform/testing';
import { CBO_ID, aCbo, aCboDraft, fakeCbosRepository } from './cbos.fakes';
import type { CbosRepository } from './cbos.repository';
import { CbosService, newReference } from './cbos.service';

const OTHER_CBO = '44444444-4444-4444-8444-444444444444';
const VISIT_ID = '55555555-5555-4555-8555-555555555555';
const LOOKALIKE: DuplicateCandidate = {
  id: OTHER_CBO,
  name: 'Prey Lang Community Netwrk',
  nameKm: null,
  provinceCode: 'KH-2',
  commune: 'Ou Mal',
  stage: 'identified',
  similarity: 0.82,
};
const QUERY = { limit: 20, offset: 0 };

function serviceOver(
  repository: CbosRepository,
  {
    settings = new SettingsService(fakeSettingsRepository()),
    openPhases = [aPhase({ provinces: ['KH-2'] })],
  } = {},
) {
  const expansion = new ExpansionService(
    fakeExpansionRepository({ phases: jest.fn(async () => openPhases) }),
  );
  return new CbosService(repository, settings, expansion);
}

describe('recording a CBO', () => {
  it('lets only coordinators and admins record one', async () => {
    const repository = fakeCbosRepository();
    const cbos = serviceOver(repository);
    await expect(cbos.record(staff('assessor'), 'key-00001', aCboDraft())).rejects.toEqual(
      refusal('FORBIDDEN', 'This needs one of the roles: coordinator, admin'),
    );
    await expect(cbos.record(applicant(CBO_ID), 'key-00001', aCboDraft())).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
    expect(repository.once).not.toHaveBeenCalled();
  });

  it('refuses a likely duplicate, naming it, and stores nothing', async () => {
    const repository = fakeCbosRepository({ findDuplicates: jest.fn(async () => [LOOKALIKE]) });
    const cbos = serviceOver(repository);
    await expect(cbos.record(staff('coordinator'), 'key-00001', aCboDraft())).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A CBO with a similar name is already recorded in this commune: Prey Lang Community Netwrk',
        details: { reason: 'possible_duplicate', duplicates: [LOOKALIKE] },
      }),
    );
    expect(repository.insert).not.toHaveBeenCalled();
    expect(repository.startPipeline).not.toHaveBeenCalled();
  });

  it('records an acknowledged duplicate without looking, as found by the coordinator, and starts its pipeline', async () => {
    const repository = fakeCbosRepository({ findDuplicates: jest.fn(async () => [LOOKALIKE]) });
    const cbos = serviceOver(repository);
    const draft = aCboDraft({ acknowledgeDuplicates: true });

    const { cbo, created } = await cbos.record(staff('coordinator'), 'key-00001', draft);

    expect(created).toBe(true);
    expect(cbo).toMatchObject({ foundBy: STAFF_ID, likelyDuplicateOf: [] });
    expect(repository.findDuplicates).not.toHaveBeenCalled();
    expect(repository.once).toHaveBeenCalledWith(
      { name: 'network.cbo.create', key: 'key-00001', request: { draft, foundBy: STAFF_ID } },
      expect.any(Function),
    );
    expect(repository.insert).toHaveBeenCalledWith(
      expect.not.objectContaining({ acknowledgeDuplicates: true }),
    );
    expect(repository.startPipeline).toHaveBeenCalledWith(CBO_ID);
    expect(repository.linkToVisit).not.toHaveBeenCalled();
  });

  it('marks the CBO as met on the field visit it was found on', async () => {
    const repository = fakeCbosRepository();
    await serviceOver(repository).record(staff('admin'), 'key-00001', aCboDraft({ fieldVisitId: VISIT_ID }));
    expect(repository.linkToVisit).toHaveBeenCalledWith(VISIT_ID, CBO_ID);
  });

  it('answers a retry with the first answer, not created again', async () => {
    const first = aCbo();
    const repository = fakeCbosRepository({ once: replaying<CbosRepository>(first) });
    const answer = await serviceOver(repository).record(staff('coordinator'), 'key-00001', aCboDraft());
    expect(answer).toEqual({ cbo: first, created: false });
    expect(repository.insert).not.toHaveBeenCalled();
  });

  it('lets only coordinators and admins look for duplicates', async () => {
    const repository = fakeCbosRepository({ findDuplicates: jest.fn(async () => [LOOKALIKE]) });
    const cbos = serviceOver(repository);
    const probe = { name: 'Prey Lang', provinceCode: 'KH-2' };
    await expect(cbos.duplicates(staff('coordinator'), probe)).resolves.toEqual([LOOKALIKE]);
    await expect(cbos.duplicates(staff('approver'), probe)).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe('a group applying itself', () => {
  const application = () => {
    const {
      foundVia: _v,
      acknowledgeDuplicates: _a,
      ...rest
    } = aCboDraft({
      contacts: [{ name: 'Sokha', phone: '012 345 678' }],
    });
    return { ...rest, locale: 'km' as const };
  };

  it('is refused in a province the network has not opened', async () => {
    const repository = fakeCbosRepository();
    const cbos = serviceOver(repository, { openPhases: [aPhase({ provinces: ['KH-17'] })] });
    await expect(cbos.apply('key-00001', application())).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'provinceCode', code: 'province_not_open' })] },
      }),
    );
    expect(repository.once).not.toHaveBeenCalled();
  });

  it('is refused where the province is in a phase not opened yet', async () => {
    const cbos = serviceOver(fakeCbosRepository(), {
      openPhases: [aPhase({ provinces: ['KH-2'], openedAt: null })],
    });
    await expect(cbos.apply('key-00001', application())).rejects.toEqual(refusal('VALIDATION_FAILED'));
  });

  it('is never refused as a duplicate: its lookalikes are kept for a coordinator', async () => {
    const repository = fakeCbosRepository({ findDuplicates: jest.fn(async () => [LOOKALIKE]) });
    const { cbo } = await serviceOver(repository).apply('key-00001', application());
    expect(cbo).toMatchObject({
      foundBy: null,
      foundVia: 'self_application',
      likelyDuplicateOf: [OTHER_CBO],
    });
    expect(repository.once).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'network.cbo.apply', key: 'key-00001' }),
      expect.any(Function),
    );
    expect(repository.startPipeline).toHaveBeenCalledWith(CBO_ID);
  });
});

describe('reading CBOs', () => {
  it('shows staff any CBO, and an applicant only their own', async () => {
    const repository = fakeCbosRepository({ findById: jest.fn(async (id: string) => aCbo({ id })) });
    const cbos = serviceOver(repository);
    await expect(cbos.get(staff('trainer'), OTHER_CBO)).resolves.toMatchObject({ id: OTHER_CBO });
    await expect(cbos.get(applicant(CBO_ID), CBO_ID)).resolves.toMatchObject({ id: CBO_ID });
    await expect(cbos.get(applicant(CBO_ID), OTHER_CBO)).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: OTHER_CBO, resource: 'CBO' } }),
    );
    await expect(cbos.get(anonymous, CBO_ID)).rejects.toEqual(refusal('NOT_FOUND'));
    expect(repository.findById).toHaveBeenCalledTimes(2);
  });

  it('says a CBO that does not exist was not found', async () => {
    await expect(serviceOver(fakeCbosRepository()).get(staff('admin'), CBO_ID)).rejects.toEqual(
      refusal('NOT_FOUND', `CBO ${CBO_ID} was not found`),
    );
  });

  it('lists every CBO for staff, only their own for an applicant, none for one not linked yet', async () => {
    const repository = fakeCbosRepository();
    const cbos = serviceOver(repository);
    await cbos.list(staff('finance'), QUERY);
    await cbos.list(applicant(CBO_ID), QUERY);
    await cbos.list(applicant(null), QUERY);
    expect(jest.mocked(repository.list).mock.calls).toEqual([
      [QUERY],
      [QUERY, CBO_ID],
      [QUERY, '00000000-0000-0000-0000-000000000000'],
    ]);
    await expect(cbos.list(anonymous, QUERY)).rejects.toEqual(refusal('UNAUTHENTICATED'));
  });

  it('lists every CBO for the training service, which invites participants; no other service', async () => {
    const repository = fakeCbosRepository();
    const cbos = serviceOver(repository);
    await cbos.list({ kind: 'system', service: 'training' }, QUERY);
    expect(jest.mocked(repository.list).mock.calls).toEqual([[QUERY]]);
    await expect(cbos.list({ kind: 'system', service: 'identity' }, QUERY)).rejects.toBeTruthy();
  });
});

describe('the pipeline reporting a stage', () => {
  it('is the orchestrator’s alone', async () => {
    const repository = fakeCbosRepository();
    await expect(serviceOver(repository).recordStage(staff('admin'), CBO_ID, 'participant')).rejects.toEqual(
      refusal('FORBIDDEN', 'Only the orchestrator service may do this'),
    );
    expect(repository.setStage).not.toHaveBeenCalled();
  });

  it('marks the participant stages, and only those, as a Network Participant', async () => {
    const repository = fakeCbosRepository({ findById: jest.fn(async (id: string) => aCbo({ id })) });
    const cbos = serviceOver(repository);
    const decision = { outcome: 'selected' as const, reason: null };
    await cbos.recordStage(orchestrator, CBO_ID, 'participant', decision);
    await cbos.recordStage(orchestrator, CBO_ID, 'grant_eligible');
    await cbos.recordStage(orchestrator, CBO_ID, 'declined');
    expect(jest.mocked(repository.setStage).mock.calls).toEqual([
      [CBO_ID, 'participant', { participant: true, decision }],
      [CBO_ID, 'grant_eligible', { participant: true, decision: undefined }],
      [CBO_ID, 'declined', { participant: false, decision: undefined }],
    ]);
  });

  it('writes each change of stage to the audit log, before and after, in its transaction', async () => {
    const repository = fakeCbosRepository({
      findById: jest.fn(async (id: string) => aCbo({ id, stage: 'selection' })),
    });
    const cbos = serviceOver(repository);
    const decision = { outcome: 'selected' as const, reason: null };
    await cbos.recordStage(orchestrator, CBO_ID, 'participant', decision);
    await cbos.recordStage(orchestrator, CBO_ID, 'selection');
    expect(repository.transaction).toHaveBeenCalledTimes(2);
    expect(jest.mocked(repository.audit).mock.calls).toEqual([
      [
        expect.objectContaining({
          action: 'network.cbo.recordStage',
          target: { type: 'cbo', id: CBO_ID },
          actor: 'system:orchestrator',
          details: expect.objectContaining({
            before: { stage: 'selection' },
            after: { stage: 'participant', decision },
          }),
        }),
      ],
    ]);
  });

  it('says a CBO that does not exist was not found', async () => {
    const cbos = serviceOver(fakeCbosRepository({ setStage: jest.fn(async () => undefined) }));
    await expect(cbos.recordStage(orchestrator, CBO_ID, 'assessment')).rejects.toEqual(refusal('NOT_FOUND'));
  });
});

describe('screening a newly identified CBO', () => {
  it('declines a development CBO during the pilot, with the reassessment wait in force', async () => {
    const repository = fakeCbosRepository({
      findById: jest.fn(async () => aCbo({ purpose: 'development', nameKm: 'បណ្ដាញព្រៃឡង់' })),
    });
    await expect(serviceOver(repository).screen(orchestrator, CBO_ID)).resolves.toEqual({
      name: 'Prey Lang Community Network (បណ្ដាញព្រៃឡង់)',
      declineReason: RULE_REASONS.pilotDevelopment,
      reassessmentWaitDays: 90,
    });
  });

  it('admits a development CBO once an admin turns the pilot rule off', async () => {
    const repository = fakeCbosRepository({
      findById: jest.fn(async () => aCbo({ purpose: 'development' })),
    });
    const settings = new SettingsService(
      fakeSettingsRepository({
        find: jest.fn(async () =>
          storedSettings({ pilotDeclinesDevelopment: false, reassessmentWaitDays: 30 }),
        ),
      }),
    );
    await expect(serviceOver(repository, { settings }).screen(orchestrator, CBO_ID)).resolves.toEqual({
      name: 'Prey Lang Community Network',
      declineReason: null,
      reassessmentWaitDays: 30,
    });
  });

  it('admits a human rights CBO', async () => {
    const repository = fakeCbosRepository({ findById: jest.fn(async () => aCbo()) });
    await expect(serviceOver(repository).screen(orchestrator, CBO_ID)).resolves.toMatchObject({
      declineReason: null,
    });
  });

  it('is the orchestrator’s alone', async () => {
    await expect(serviceOver(fakeCbosRepository()).screen(staff('coordinator'), CBO_ID)).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
  });
});

describe('the duplicate check', () => {
  it('compares "BAVEL  WORKERS ASSOCIATION" with blank commune within the whole province, case and spaces aside', async () => {
    const repository = fakeCbosRepository({ findDuplicates: jest.fn(async () => [LOOKALIKE]) });
    const draft = aCboDraft({ name: '  BAVEL  WORKERS ASSOCIATION ', provinceCode: 'KH-2', commune: '' });
    await expect(serviceOver(repository).record(staff('coordinator'), 'key-00001', draft)).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ reason: 'possible_duplicate' }),
      }),
    );
    expect(repository.findDuplicates).toHaveBeenCalledWith({
      name: 'bavel workers association',
      provinceCode: 'KH-2',
    });
    expect(repository.insert).not.toHaveBeenCalled();
  });

  it('compares within the commune, normalised, when one is given', async () => {
    const repository = fakeCbosRepository();
    await serviceOver(repository).duplicates(staff('coordinator'), {
      name: 'Bavel Workers  Association',
      provinceCode: 'KH-2',
      commune: ' Ou  Mal ',
    });
    expect(repository.findDuplicates).toHaveBeenCalledWith({
      name: 'bavel workers association',
      provinceCode: 'KH-2',
      commune: 'ou mal',
    });
  });
});

describe('recording in a province whose phase has not opened', () => {
  const unopened = [
    aPhase({ provinces: ['KH-2'] }),
    aPhase({ seq: 3, provinces: ['KH-7'], opensOn: '2028-01-01', openedAt: null }),
  ];

  it('records it with a warning that names the province and when it opens', async () => {
    const repository = fakeCbosRepository();
    const answer = await serviceOver(repository, { openPhases: unopened }).record(
      staff('coordinator'),
      'key-00001',
      aCboDraft({ provinceCode: 'KH-7' }),
    );
    expect(answer.created).toBe(true);
    expect(answer.warnings).toEqual([
      expect.objectContaining({ code: 'province_not_open', provinceCode: 'KH-7', opensOn: '2028-01-01' }),
    ]);
  });

  it('warns of nothing in an open province', async () => {
    const answer = await serviceOver(fakeCbosRepository(), { openPhases: unopened }).record(
      staff('coordinator'),
      'key-00001',
      aCboDraft({ provinceCode: 'KH-2' }),
    );
    expect(answer.warnings ?? []).toEqual([]);
  });

  it('refuses it, with the reason, when the admin setting says so, and stores nothing', async () => {
    const repository = fakeCbosRepository();
    const settings = new SettingsService(
      fakeSettingsRepository({ find: jest.fn(async () => storedSettings({ unopenedProvinces: 'refuse' })) }),
    );
    await expect(
      serviceOver(repository, { openPhases: unopened, settings }).record(
        staff('coordinator'),
        'key-00001',
        aCboDraft({ provinceCode: 'KH-7' }),
      ),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('opens on 2028-01-01'),
        details: expect.objectContaining({ reason: 'province_not_open', opensOn: '2028-01-01' }),
      }),
    );
    expect(repository.insert).not.toHaveBeenCalled();
    expect(repository.startPipeline).not.toHaveBeenCalled();
  });
});

describe('a retry of a CBO recorded before the admin refused unopened provinces', () => {
  it('answers as the first time', async () => {
    const first = aCbo({ provinceCode: 'KH-7' });
    const repository = fakeCbosRepository({ once: replaying<CbosRepository>(first) });
    const settings = new SettingsService(
      fakeSettingsRepository({ find: jest.fn(async () => storedSettings({ unopenedProvinces: 'refuse' })) }),
    );
    const answer = await serviceOver(repository, {
      settings,
      openPhases: [aPhase({ provinces: ['KH-2'] })],
    }).record(staff('coordinator'), 'key-00001', aCboDraft({ provinceCode: 'KH-7' }));
    expect(answer).toEqual({ cbo: first, created: false });
  });
});

describe('deciding about a likely duplicate', () => {
  const flagged = aCbo({
    likelyDuplicateOf: [OTHER_CBO],
    possibleDuplicateOf: OTHER_CBO,
    foundVia: 'self_application',
  });

  it('is for coordinators and admins', async () => {
    const repository = fakeCbosRepository({ findById: jest.fn(async () => flagged) });
    await expect(
      serviceOver(repository).decideDuplicate(staff('assessor'), CBO_ID, { decision: 'distinct' }),
    ).rejects.toEqual(refusal('FORBIDDEN'));
    expect(repository.decideDuplicate).not.toHaveBeenCalled();
  });

  it('merges into a CBO it was flagged against, recording who decided', async () => {
    const repository = fakeCbosRepository({ findById: jest.fn(async () => flagged) });
    const cbo = await serviceOver(repository).decideDuplicate(staff('coordinator'), CBO_ID, {
      decision: 'merged',
      into: OTHER_CBO,
    });
    expect(cbo).toMatchObject({ duplicateDecision: 'merged', duplicateOf: OTHER_CBO });
    expect(repository.decideDuplicate).toHaveBeenCalledWith(
      CBO_ID,
      { decision: 'merged', into: OTHER_CBO },
      STAFF_ID,
      flagged,
    );
  });

  it('refuses to merge into a CBO it was not flagged against, or one not flagged at all', async () => {
    const repository = fakeCbosRepository({ findById: jest.fn(async () => flagged) });
    await expect(
      serviceOver(repository).decideDuplicate(staff('coordinator'), CBO_ID, {
        decision: 'merged',
        into: VISIT_ID,
      }),
    ).rejects.toEqual(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'not_flagged' } }));
    const plain = fakeCbosRepository({ findById: jest.fn(async () => aCbo()) });
    await expect(
      serviceOver(plain).decideDuplicate(staff('coordinator'), CBO_ID, { decision: 'distinct' }),
    ).rejects.toEqual(expect.objectContaining({ details: { reason: 'not_flagged' } }));
    expect(repository.decideDuplicate).not.toHaveBeenCalled();
  });

  it('answers the same decision again unchanged, and refuses another', async () => {
    const decided = aCbo({ ...flagged, possibleDuplicateOf: null, duplicateDecision: 'distinct' });
    const repository = fakeCbosRepository({ findById: jest.fn(async () => decided) });
    await expect(
      serviceOver(repository).decideDuplicate(staff('coordinator'), CBO_ID, { decision: 'distinct' }),
    ).resolves.toBe(decided);
    await expect(
      serviceOver(repository).decideDuplicate(staff('coordinator'), CBO_ID, {
        decision: 'merged',
        into: OTHER_CBO,
      }),
    ).rejects.toEqual(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'duplicate_decided' }) }),
    );
    expect(repository.decideDuplicate).not.toHaveBeenCalled();
  });
});

describe('the duplicate flags of an inbox', () => {
  it('are for staff with an inbox, asked once per CBO', async () => {
    const repository = fakeCbosRepository({
      duplicateFlags: jest.fn(async () => [{ id: CBO_ID, possibleDuplicateOf: OTHER_CBO }]),
    });
    const cbos = serviceOver(repository);
    await expect(cbos.duplicateFlags(staff('assessor'), [CBO_ID, CBO_ID])).resolves.toEqual([
      { id: CBO_ID, possibleDuplicateOf: OTHER_CBO },
    ]);
    expect(repository.duplicateFlags).toHaveBeenCalledWith([CBO_ID]);
    await expect(cbos.duplicateFlags(applicant(CBO_ID), [CBO_ID])).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe("a public application's reference and status", () => {
  const application = () => {
    const {
      foundVia: _v,
      acknowledgeDuplicates: _a,
      ...rest
    } = aCboDraft({
      contacts: [{ name: 'Sokha', phone: '012 345 678' }],
    });
    return { ...rest, email: 'group@example.org', locale: 'en' as const };
  };

  it('draws BDH- and 8 Crockford characters, never I, L, O or U', () => {
    expect(newReference()).toMatch(/^BDH-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(newReference(() => 31)).toBe('BDH-ZZZZZZZZ');
    expect(newReference(() => 0)).toBe('BDH-00000000');
  });

  it('stores the reference, the address and the language with the application, and answers the reference', async () => {
    const inserted: unknown[] = [];
    const repository = fakeCbosRepository({
      insert: jest.fn(async (values) => {
        inserted.push(values);
        return aCbo({ foundVia: 'self_application' });
      }),
      applicantOf: jest.fn(async () => ({
        reference: 'BDH-7Q2M9XKA',
        email: 'group@example.org',
        locale: 'en' as const,
      })),
    });
    const answer = await serviceOver(repository).apply('key-00001', application());
    expect(answer).toMatchObject({ created: true, reference: 'BDH-7Q2M9XKA' });
    expect(inserted).toEqual([
      expect.objectContaining({
        applicant: { email: 'group@example.org', locale: 'en', reference: expect.stringMatching(/^BDH-/) },
      }),
    ]);
    // The address and the language are the applicant's, not the CBO's draft.
    expect(inserted[0]).not.toHaveProperty('email');
    expect(inserted[0]).not.toHaveProperty('locale');
  });

  it('draws another reference when the first is taken', async () => {
    const insert = jest
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(aCbo({ foundVia: 'self_application' }));
    const repository = fakeCbosRepository({ insert });
    await serviceOver(repository).apply('key-00001', application());
    expect(insert).toHaveBeenCalledTimes(2);
    const [[first], [second]] = insert.mock.calls as Array<[{ applicant: { reference: string } }]>;
    expect(first.applicant.reference).not.toBe(second.applicant.reference);
  });

  const statusOf = (cbo: Parameters<typeof aCbo>[0]) =>
    serviceOver(fakeCbosRepository({ findByReference: jest.fn(async () => aCbo(cbo)) })).status(
      'BDH-7Q2M9XKA',
    );

  it('says a development group is declined by the pilot rule, even before its pipeline has reported', async () => {
    await expect(statusOf({ purpose: 'development', stage: null })).resolves.toEqual({
      reference: 'BDH-7Q2M9XKA',
      status: 'declined',
      reason: RULE_REASONS.pilotDevelopment,
      receivedOn: '2025-01-15',
      decidedOn: '2025-01-15',
    });
    await expect(
      statusOf({
        purpose: 'development',
        stage: 'declined',
        decision: {
          outcome: 'declined',
          reason: RULE_REASONS.pilotDevelopment,
          decidedAt: '2025-01-16T02:00:00.000Z',
        },
      }),
    ).resolves.toMatchObject({
      status: 'declined',
      reason: RULE_REASONS.pilotDevelopment,
      decidedOn: '2025-01-16',
    });
  });

  it('says each stage in plain words, and a reason only for a decline', async () => {
    await expect(statusOf({ stage: 'identified' })).resolves.toMatchObject({
      status: 'received',
      reason: null,
    });
    await expect(statusOf({ stage: 'assessment' })).resolves.toMatchObject({ status: 'being_assessed' });
    await expect(statusOf({ stage: 'selection' })).resolves.toMatchObject({ status: 'awaiting_decision' });
    const selected = {
      outcome: 'selected' as const,
      reason: 'Strong group',
      decidedAt: '2025-02-01T03:00:00.000Z',
    };
    await expect(statusOf({ stage: 'training', decision: selected })).resolves.toMatchObject({
      status: 'selected',
      reason: null,
      decidedOn: '2025-02-01',
    });
    await expect(statusOf({ stage: 'withdrawn' })).resolves.toMatchObject({
      status: 'withdrawn',
      reason: null,
    });
    const declined = {
      outcome: 'declined' as const,
      reason: 'Too few members',
      decidedAt: '2025-02-01T03:00:00.000Z',
    };
    await expect(statusOf({ stage: 'declined', decision: declined })).resolves.toMatchObject({
      status: 'declined',
      reason: 'Too few members',
    });
  });

  it('answers an unknown reference with not found', async () => {
    await expect(serviceOver(fakeCbosRepository()).status('BDH-00000000')).rejects.toEqual(
      refusal('NOT_FOUND'),
    );
  });

  it('tells only the orchestrator whom to mail a decision to', async () => {
    const cbos = serviceOver(fakeCbosRepository());
    await expect(cbos.applicant(staff('coordinator'), CBO_ID)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(cbos.applicant(anonymous, CBO_ID)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(cbos.applicant(orchestrator, CBO_ID)).resolves.toEqual({
      reference: null,
      email: null,
      locale: null,
    });
  });
});
