import { SessionDraft, toFieldIssues } from '@bandanh/contracts';
import { blankSession, draftOf, refusalsOf, sessionErrors } from './session-draft';

const TRAINER = '7b0a3c1e-2f4d-4e6a-9b8c-1d2e3f4a5b6c';

describe('the schedule form', () => {
  it('turns a Phnom Penh date and times into the draft the API takes', () => {
    const draft = draftOf(
      blankSession({
        moduleId: 'human_rights',
        trainerId: TRAINER,
        date: '2026-12-11',
        startTime: '08:00',
        endTime: '11:30',
        provinceCode: 'KH-2',
        district: 'Battambang',
        commune: 'Svay Por',
        place: 'Commune hall',
        perCboLimit: '2',
      }),
    );
    const parsed = SessionDraft.parse(draft);
    expect(parsed.startsAt).toBe('2026-12-11T08:00:00+07:00');
    expect(parsed.endsAt).toBe('2026-12-11T11:30:00+07:00');
    expect(parsed.trainerIds).toEqual([TRAINER]);
    expect(parsed.capacity).toBe(20);
    expect(parsed.perCboLimit).toBe(2);
  });

  it('leaves a blank per-CBO limit out, and sends an online session without a place', () => {
    const parsed = SessionDraft.parse(
      draftOf(
        blankSession({
          moduleId: 'advocacy',
          trainerId: TRAINER,
          date: '2026-12-11',
          startTime: '08:00',
          endTime: '10:00',
          venueKind: 'online',
        }),
      ),
    );
    expect(parsed.perCboLimit).toBeUndefined();
    expect(parsed.venue).toEqual({ kind: 'online' });
  });

  it('shows each refused field of the contract on its own input', () => {
    const result = SessionDraft.safeParse(
      draftOf(
        blankSession({ date: '2026-02-30', startTime: '08:00', capacity: 'many', district: 'x'.repeat(130) }),
      ),
    );
    expect(result.success).toBe(false);
    const errors = sessionErrors(toFieldIssues(result.error!));
    expect(errors).toMatchObject({
      moduleId: 'moduleId',
      trainerId: 'trainerId',
      startTime: 'startTime',
      endTime: 'endTime',
      capacity: 'capacity',
      provinceCode: 'provinceCode',
      district: 'tooLong',
      commune: 'commune',
    });
  });

  it("lists every rule of a refusal, with the trainer and session each concerns, and ignores others'", () => {
    expect(
      refusalsOf({
        reason: 'double_booked',
        refusals: [
          { code: 'double_booked', trainerId: TRAINER, sessionId: 's-1' },
          { code: 'outside_availability', trainerId: TRAINER },
          { code: 'made_up' },
        ],
      }),
    ).toEqual([
      { code: 'double_booked', trainerId: TRAINER, sessionId: 's-1' },
      { code: 'outside_availability', trainerId: TRAINER },
    ]);
    expect(refusalsOf({ reason: 'venue_taken' })).toEqual([{ code: 'venue_taken' }]);
    expect(refusalsOf(undefined)).toEqual([]);
  });
});
