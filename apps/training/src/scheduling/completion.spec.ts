import {
  attendanceCounts,
  eligibleForGrants,
  expectedAttendees,
  moduleCompletedForCbo,
  progress,
  type MemberMark,
} from './completion';

const REQUIRED = ['human_rights', 'monitoring_documentation', 'advocacy', 'organisational_development'];
const NOW = '2026-12-03T00:00:00Z';

describe('attendanceCounts', () => {
  it('counts present and late as attended, absent and excused not', () => {
    const marks: MemberMark[] = [
      { memberId: 'm1', mark: 'present' },
      { memberId: 'm2', mark: 'late' },
      { memberId: 'm3', mark: 'absent' },
      { memberId: 'm4', mark: 'excused' },
      { memberId: 'm5', mark: 'present' },
    ];
    expect(attendanceCounts(marks)).toEqual({
      present: 2,
      late: 1,
      absent: 1,
      excused: 1,
      attended: 3,
      total: 5,
    });
  });

  it('counts nothing for no marks', () => {
    expect(attendanceCounts([])).toEqual({
      present: 0,
      late: 0,
      absent: 0,
      excused: 0,
      attended: 0,
      total: 0,
    });
  });
});

describe('moduleCompletedForCbo', () => {
  const threshold = { minAttendees: 2 };

  it('completes when enough members attended, late ones included', () => {
    const attendance: MemberMark[] = [
      { memberId: 'm1', mark: 'present' },
      { memberId: 'm2', mark: 'late' },
    ];
    expect(moduleCompletedForCbo({ attendance, threshold })).toBe(true);
  });

  it('does not complete with one attendee short', () => {
    const attendance: MemberMark[] = [
      { memberId: 'm1', mark: 'present' },
      { memberId: 'm2', mark: 'absent' },
      { memberId: 'm3', mark: 'excused' },
    ];
    expect(moduleCompletedForCbo({ attendance, threshold })).toBe(false);
  });

  it('counts a member who attended two sessions of the module once', () => {
    const attendance: MemberMark[] = [
      { memberId: 'm1', mark: 'present' },
      { memberId: 'm1', mark: 'late' },
    ];
    expect(moduleCompletedForCbo({ attendance, threshold })).toBe(false);
  });

  it('always needs at least one attendee, whatever the setting', () => {
    expect(moduleCompletedForCbo({ attendance: [], threshold: { minAttendees: 0 } })).toBe(false);
    expect(
      moduleCompletedForCbo({
        attendance: [{ memberId: 'm1', mark: 'late' }],
        threshold: { minAttendees: 0 },
      }),
    ).toBe(true);
  });
});

describe('eligibleForGrants', () => {
  it('holds when every required module is complete, extra modules aside', () => {
    expect(eligibleForGrants([...REQUIRED, 'first_aid'], REQUIRED)).toBe(true);
  });

  it('does not hold with one required module missing', () => {
    expect(eligibleForGrants(REQUIRED.slice(0, 3), REQUIRED)).toBe(false);
  });

  it('holds when nothing is required', () => {
    expect(eligibleForGrants([], [])).toBe(true);
  });
});

describe('progress', () => {
  it('says 3 of 4 done and names the module left with its next session', () => {
    const upcoming = [
      { id: 'later', moduleId: 'organisational_development', start: '2026-12-20T02:00:00Z' },
      { id: 'sooner', moduleId: 'organisational_development', start: '2026-12-10T02:00:00Z' },
      { id: 'done-module', moduleId: 'advocacy', start: '2026-12-05T02:00:00Z' },
    ];
    expect(
      progress({
        completedModuleIds: REQUIRED.slice(0, 3),
        requiredModuleIds: REQUIRED,
        upcomingSessions: upcoming,
        now: NOW,
      }),
    ).toEqual({
      done: 3,
      required: 4,
      next: { moduleId: 'organisational_development', session: upcoming[1] },
    });
  });

  it('names the first module left in catalogue order when no session is planned', () => {
    const past = [{ id: 'past', moduleId: 'advocacy', start: '2026-11-01T02:00:00Z' }];
    expect(
      progress({
        completedModuleIds: ['human_rights'],
        requiredModuleIds: REQUIRED,
        upcomingSessions: past,
        now: NOW,
      }),
    ).toEqual({ done: 1, required: 4, next: { moduleId: 'monitoring_documentation', session: null } });
  });

  it('has nothing next when every required module is done, and counts only required ones', () => {
    expect(
      progress({ completedModuleIds: [...REQUIRED, 'first_aid'], requiredModuleIds: REQUIRED, now: NOW }),
    ).toEqual({
      done: 4,
      required: 4,
      next: null,
    });
  });
});

describe('expectedAttendees', () => {
  const session = { start: '2026-12-07T02:00:00Z' };

  it('expects members enrolled before the session, not one enrolled after or at its start', () => {
    const enrolments = [
      { memberId: 'before', enrolledAt: '2026-11-01T00:00:00Z' },
      { memberId: 'after', enrolledAt: '2026-12-07T05:00:00Z' },
      { memberId: 'at-start', enrolledAt: '2026-12-07T02:00:00Z' },
    ];
    expect(expectedAttendees(session, enrolments)).toEqual(['before']);
  });

  it('does not expect a member who left before the session, and lists each member once', () => {
    const enrolments = [
      { memberId: 'left', enrolledAt: '2026-01-01T00:00:00Z', leftAt: '2026-12-01T00:00:00Z' },
      { memberId: 'leaves-later', enrolledAt: '2026-01-01T00:00:00Z', leftAt: '2026-12-08T00:00:00Z' },
      { memberId: 'twice', enrolledAt: '2026-01-01T00:00:00Z', leftAt: null },
      { memberId: 'twice', enrolledAt: '2026-02-01T00:00:00Z' },
    ];
    expect(expectedAttendees(session, enrolments)).toEqual(['leaves-later', 'twice']);
  });
});
