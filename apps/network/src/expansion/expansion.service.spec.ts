import { PILOT_PROVINCES } from './expansion.defaults';
import { OPENED_AT, aPhase, aTarget, fakeExpansionRepository } from './expansion.fakes';
import type { PhaseRecord } from './expansion.repository';
import { ExpansionService } from './expansion.service';
import { anonymous, orchestrator, refusal, staff } from '@bandanh/platform/testing';

const PILOT = aPhase({ seq: 1, provinces: ['KH-2', 'KH-17'], opensOn: '2025-01-01' });
const NEXT = aPhase({ seq: 2, provinces: ['KH-1', 'KH-3'], opensOn: '2025-07-01', openedAt: null });

describe('a new installation', () => {
  it('starts with the default plan, the pilot open, and the default targets, under a lock', async () => {
    const repository = fakeExpansionRepository();
    await new ExpansionService(repository).onApplicationBootstrap();
    expect(repository.lock).toHaveBeenCalledWith('network.expansion.defaults');
    const [phases] = jest.mocked(repository.insertPhases).mock.calls[0];
    expect(phases[0]).toMatchObject({ seq: 1, provinces: PILOT_PROVINCES, openedAt: expect.any(Date) });
    expect(phases.slice(1).every((phase) => phase.openedAt === null)).toBe(true);
    expect(phases.map((phase) => phase.seq)).toEqual(phases.map((_, i) => i + 1));
    expect(jest.mocked(repository.insertTargets).mock.calls[0][0]).toHaveLength(2);
  });

  it('leaves a plan already there alone', async () => {
    const repository = fakeExpansionRepository({ countPhases: jest.fn(async () => 3) });
    await new ExpansionService(repository).onApplicationBootstrap();
    expect(repository.insertPhases).not.toHaveBeenCalled();
    expect(repository.insertTargets).not.toHaveBeenCalled();
  });
});

describe('the open provinces', () => {
  it('are those of the phases that have opened', async () => {
    const repository = fakeExpansionRepository({ phases: jest.fn(async () => [PILOT, NEXT]) });
    await expect(new ExpansionService(repository).openProvinces()).resolves.toEqual(['KH-2', 'KH-17']);
  });
});

describe('the expansion dashboard', () => {
  const repository = () =>
    fakeExpansionRepository({
      phases: jest.fn(async () => [PILOT, NEXT]),
      targets: jest.fn(async () => [
        aTarget({ metric: 'participants', provinces: [] }),
        aTarget({ metric: 'identified', provinces: ['KH-17'] }),
      ]),
      stageCounts: jest.fn(async () => [
        { provinceCode: 'KH-2', stage: 'participant' as const, n: 3 },
        { provinceCode: 'KH-2', stage: 'identified' as const, n: 4 },
        { provinceCode: 'KH-17', stage: 'training' as const, n: 2 },
        { provinceCode: 'KH-17', stage: 'withdrawn' as const, n: 5 },
        { provinceCode: 'KH-1', stage: null, n: 9 },
      ]),
    });

  it('is for programme staff', async () => {
    const expansion = new ExpansionService(repository());
    await expect(expansion.dashboard(staff('trainer'))).rejects.toEqual(
      refusal('FORBIDDEN', 'This needs one of the roles: admin, coordinator, assessor, approver'),
    );
    await expect(expansion.dashboard(anonymous)).rejects.toEqual(refusal('UNAUTHENTICATED'));
  });

  it('counts each province’s CBOs by stage, and which provinces are open since when', async () => {
    const dashboard = await new ExpansionService(repository()).dashboard(staff('approver'));
    const battambang = dashboard.provinces.find((province) => province.provinceCode === 'KH-2');
    const banteay = dashboard.provinces.find((province) => province.provinceCode === 'KH-1');
    expect(battambang).toMatchObject({ open: true, openedAt: OPENED_AT.toISOString(), total: 7 });
    expect(battambang?.counts).toMatchObject({ participant: 3, identified: 4, selection: 0 });
    expect(banteay).toMatchObject({ open: false, openedAt: null, total: 0 });
    expect(dashboard.overall).toMatchObject({ total: 14, counts: { withdrawn: 5, training: 2 } });
    expect(dashboard.phases.map((phase) => phase.openedAt)).toEqual([OPENED_AT.toISOString(), null]);
  });

  it('measures each target by its metric’s stages, in its provinces', async () => {
    const { targets } = await new ExpansionService(repository()).dashboard(staff('admin'));
    // Participants anywhere: 3 in Battambang, 2 training in Siem Reap.
    // Identified in Siem Reap: every stage but withdrawn.
    expect(targets.map((target) => target.actual)).toEqual([5, 2]);
  });
});

describe('saving the plan', () => {
  const plan = (...phases: Array<{ provinces: string[]; opensOn: string }>) => phases;

  it('is for admins', async () => {
    const repository = fakeExpansionRepository();
    await expect(
      new ExpansionService(repository).savePlan(
        staff('coordinator'),
        plan({ provinces: ['KH-2'], opensOn: '2025-01-01' }),
      ),
    ).rejects.toEqual(refusal('FORBIDDEN'));
    expect(repository.replacePhases).not.toHaveBeenCalled();
  });

  it('refuses to change the provinces of a phase already open', async () => {
    const repository = fakeExpansionRepository({ phases: jest.fn(async () => [PILOT, NEXT]) });
    const expansion = new ExpansionService(repository);
    await expect(
      expansion.savePlan(staff('admin'), plan({ provinces: ['KH-2', 'KH-3'], opensOn: '2025-01-01' })),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Phase 1 is already open; its provinces cannot change',
        details: { reason: 'phase_already_open', seq: 1 },
      }),
    );
    await expect(expansion.savePlan(staff('admin'), [])).rejects.toEqual(refusal('CONFLICT'));
    expect(repository.replacePhases).not.toHaveBeenCalled();
  });

  it('keeps an opened phase’s date and opening, and numbers the phases in order', async () => {
    const repository = fakeExpansionRepository({ phases: jest.fn(async () => [PILOT, NEXT]) });
    await new ExpansionService(repository).savePlan(
      staff('admin'),
      plan(
        { provinces: ['KH-17', 'KH-2'], opensOn: '2025-03-01' },
        { provinces: ['KH-1'], opensOn: '2025-09-01' },
      ),
    );
    expect(repository.replacePhases).toHaveBeenCalledWith<[PhaseRecord[]]>([
      { seq: 1, provinces: ['KH-17', 'KH-2'], opensOn: '2025-01-01', openedAt: OPENED_AT },
      { seq: 2, provinces: ['KH-1'], opensOn: '2025-09-01', openedAt: null },
    ]);
  });
});

describe('saving the targets', () => {
  it('is for admins, and answers the targets with their progress', async () => {
    const repository = fakeExpansionRepository({ targets: jest.fn(async () => [aTarget()]) });
    const expansion = new ExpansionService(repository);
    const { id: _id, position: _position, ...draft } = aTarget();
    await expect(expansion.saveTargets(staff('approver'), [draft])).rejects.toEqual(refusal('FORBIDDEN'));
    expect(repository.replaceTargets).not.toHaveBeenCalled();
    await expect(expansion.saveTargets(staff('admin'), [draft])).resolves.toEqual([
      { ...draft, id: aTarget().id, actual: 0 },
    ]);
    expect(repository.replaceTargets).toHaveBeenCalledWith([draft]);
  });
});

describe('opening the next phase when it is due', () => {
  // Midday, so the date is the same in any time zone the tests run in.
  const JULY = new Date('2025-07-01T12:00:00.000Z');

  it('is the orchestrator’s alone', async () => {
    await expect(
      new ExpansionService(fakeExpansionRepository()).openDue(staff('admin'), JULY),
    ).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('opens nothing before the phase’s date, or when every phase is open', async () => {
    const early = fakeExpansionRepository({ nextUnopened: jest.fn(async () => NEXT) });
    await expect(
      new ExpansionService(early).openDue(orchestrator, new Date('2025-06-30T12:00:00.000Z')),
    ).resolves.toBeNull();
    expect(early.open).not.toHaveBeenCalled();
    await expect(
      new ExpansionService(fakeExpansionRepository()).openDue(orchestrator, JULY),
    ).resolves.toBeNull();
  });

  it('opens the phase on its date, at the time asked', async () => {
    const repository = fakeExpansionRepository({ nextUnopened: jest.fn(async () => NEXT) });
    repository.open = jest.fn(async () => ({ ...NEXT, openedAt: JULY }));
    await expect(new ExpansionService(repository).openDue(orchestrator, JULY)).resolves.toEqual({
      seq: 2,
      provinces: ['KH-1', 'KH-3'],
      opensOn: '2025-07-01',
      openedAt: JULY.toISOString(),
    });
    expect(repository.open).toHaveBeenCalledWith(2, JULY, '2025-07-01');
  });

  it('answers nothing when another call opened it first', async () => {
    const repository = fakeExpansionRepository({
      nextUnopened: jest.fn(async () => NEXT),
      open: jest.fn(async () => undefined),
    });
    await expect(new ExpansionService(repository).openDue(orchestrator, JULY)).resolves.toBeNull();
  });
});
