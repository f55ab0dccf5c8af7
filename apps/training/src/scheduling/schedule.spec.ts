import { at, context, MONDAY, NOW, proposal, session, trainer, TUESDAY, venue } from './scheduling.factories';
import {
  checkSchedule,
  datedException,
  SCHEDULE_REFUSALS,
  wholeDaysException,
  type Refusal,
} from './schedule';

const refusals = (result: ReturnType<typeof checkSchedule>): Refusal[] => (result.ok ? [] : result.refusals);
const codes = (result: ReturnType<typeof checkSchedule>) => refusals(result).map((r) => r.code);

describe('checkSchedule', () => {
  it('accepts a qualified, available trainer at a free venue', () => {
    expect(checkSchedule(proposal(), context())).toEqual({ ok: true });
  });

  it('exports every refusal code once', () => {
    expect(new Set(SCHEDULE_REFUSALS).size).toBe(SCHEDULE_REFUSALS.length);
  });

  describe("the session's own faults", () => {
    it('refuses a session that ends before it starts, or at its start', () => {
      const backwards = proposal({ start: at(MONDAY, '12:00'), end: at(MONDAY, '09:00') });
      expect(refusals(checkSchedule(backwards, context()))).toEqual([{ code: 'ends_before_start' }]);
      const empty = proposal({ start: at(MONDAY, '09:00'), end: at(MONDAY, '09:00') });
      expect(codes(checkSchedule(empty, context()))).toEqual(['ends_before_start']);
    });

    it('refuses a session that starts before now, and accepts one starting now', () => {
      expect(refusals(checkSchedule(proposal(), context({ now: at(MONDAY, '09:01') })))).toEqual([
        { code: 'in_the_past' },
      ]);
      expect(checkSchedule(proposal(), context({ now: at(MONDAY, '09:00') }))).toEqual({ ok: true });
    });

    it('refuses a capacity below the minimum attendance, and accepts them equal', () => {
      expect(codes(checkSchedule(proposal({ capacity: 4, minimumAttendance: 5 }), context()))).toEqual([
        'capacity_below_minimum',
      ]);
      expect(checkSchedule(proposal({ capacity: 5, minimumAttendance: 5 }), context())).toEqual({ ok: true });
    });

    it('gives every reason at once', () => {
      const result = checkSchedule(
        proposal({ capacity: 1, minimumAttendance: 2, moduleId: 'organisational_development' }),
        context({ now: at(TUESDAY, '00:00') }),
      );
      expect(codes(result)).toEqual(['in_the_past', 'capacity_below_minimum', 'not_qualified']);
    });
  });

  describe('qualification', () => {
    it('refuses a trainer who may not teach the module', () => {
      const result = checkSchedule(proposal({ moduleId: 'monitoring_documentation' }), context());
      expect(refusals(result)).toEqual([{ code: 'not_qualified', trainerId: 'trainer-sophea' }]);
    });

    it('refuses a trainer without a profile', () => {
      const result = checkSchedule(proposal({ trainerIds: ['trainer-unknown'] }), context());
      expect(refusals(result)).toEqual([{ code: 'not_qualified', trainerId: 'trainer-unknown' }]);
    });

    it('refuses a trainer who does not travel to the province, but not online', () => {
      const kampot = proposal({ venue: venue({ provinceCode: 'KH-7' }) });
      expect(refusals(checkSchedule(kampot, context()))).toEqual([
        { code: 'outside_provinces', trainerId: 'trainer-sophea' },
      ]);
      expect(checkSchedule(proposal({ venue: { kind: 'online' } }), context())).toEqual({ ok: true });
    });

    it('names only the trainer at fault when two teach together', () => {
      const dara = trainer({ id: 'trainer-dara', moduleIds: ['advocacy'] });
      const result = checkSchedule(
        proposal({ trainerIds: ['trainer-sophea', 'trainer-dara'] }),
        context({ trainers: [trainer(), dara] }),
      );
      expect(refusals(result)).toEqual([{ code: 'not_qualified', trainerId: 'trainer-dara' }]);
    });

    it('checks a trainer named twice once', () => {
      const result = checkSchedule(
        proposal({ trainerIds: ['trainer-sophea', 'trainer-sophea'], moduleId: 'x' }),
        context(),
      );
      expect(codes(result)).toEqual(['not_qualified']);
    });
  });

  describe('weekly availability', () => {
    it('accepts a session filling its window exactly', () => {
      const whole = proposal({ start: at(MONDAY, '08:00'), end: at(MONDAY, '17:00') });
      expect(checkSchedule(whole, context())).toEqual({ ok: true });
    });

    it('refuses a session starting a minute before its window', () => {
      const early = proposal({ start: at(MONDAY, '07:59'), end: at(MONDAY, '12:00') });
      expect(refusals(checkSchedule(early, context()))).toEqual([
        { code: 'outside_availability', trainerId: 'trainer-sophea' },
      ]);
    });

    it('refuses a session ending a minute after its window', () => {
      const late = proposal({ start: at(MONDAY, '14:00'), end: at(MONDAY, '17:01') });
      expect(codes(checkSchedule(late, context()))).toEqual(['outside_availability']);
    });

    it('refuses a session spanning two windows of the day, even touching ones', () => {
      const split = trainer({
        windows: [
          { weekday: 1, start: '08:00', end: '12:00' },
          { weekday: 1, start: '12:00', end: '17:00' },
        ],
      });
      const across = proposal({ start: at(MONDAY, '11:00'), end: at(MONDAY, '13:00') });
      expect(codes(checkSchedule(across, context({ trainers: [split] })))).toEqual(['outside_availability']);
      const inSecond = proposal({ start: at(MONDAY, '12:00'), end: at(MONDAY, '13:00') });
      expect(checkSchedule(inSecond, context({ trainers: [split] }))).toEqual({ ok: true });
    });

    it('refuses a day without a window (Saturday)', () => {
      const saturday = proposal({ start: at('2026-12-12', '09:00'), end: at('2026-12-12', '12:00') });
      expect(codes(checkSchedule(saturday, context()))).toEqual(['outside_availability']);
    });

    it('refuses a session across midnight, even between two all-day windows', () => {
      const allDay = trainer({
        windows: [
          { weekday: 1, start: '00:00', end: '24:00' },
          { weekday: 2, start: '00:00', end: '24:00' },
        ],
      });
      const overnight = proposal({ start: at(MONDAY, '22:00'), end: at(TUESDAY, '02:00') });
      expect(codes(checkSchedule(overnight, context({ trainers: [allDay] })))).toEqual([
        'outside_availability',
      ]);
      const toMidnight = proposal({ start: at(MONDAY, '22:00'), end: at(MONDAY, '24:00') });
      expect(checkSchedule(toMidnight, context({ trainers: [allDay] }))).toEqual({ ok: true });
    });

    it("uses the Phnom Penh weekday, not UTC's", () => {
      const mondayOnly = trainer({ windows: [{ weekday: 1, start: '00:00', end: '10:00' }] });
      // Sunday 18:00 UTC is Monday 01:00 in Phnom Penh.
      const early = proposal({ start: '2026-12-06T18:00:00Z', end: '2026-12-06T20:00:00Z' });
      expect(checkSchedule(early, context({ trainers: [mondayOnly] }))).toEqual({ ok: true });
      const sundayOnly = trainer({ windows: [{ weekday: 7, start: '00:00', end: '24:00' }] });
      expect(codes(checkSchedule(early, context({ trainers: [sundayOnly] })))).toEqual([
        'outside_availability',
      ]);
    });
  });

  describe('dated exceptions', () => {
    it('refuses a session during leave, naming the exception', () => {
      const onLeave = trainer({
        exceptions: [{ id: 'leave-1', start: at(MONDAY, '11:00'), end: at(MONDAY, '15:00') }],
      });
      expect(refusals(checkSchedule(proposal(), context({ trainers: [onLeave] })))).toEqual([
        { code: 'trainer_on_leave', trainerId: 'trainer-sophea', exceptionId: 'leave-1' },
      ]);
    });

    it('accepts a session ending exactly when the leave starts, or starting when it ends', () => {
      const exceptions = [
        { id: 'before', start: at(MONDAY, '06:00'), end: at(MONDAY, '09:00') },
        { id: 'after', start: at(MONDAY, '12:00'), end: at(MONDAY, '18:00') },
      ];
      expect(checkSchedule(proposal(), context({ trainers: [trainer({ exceptions })] }))).toEqual({
        ok: true,
      });
    });

    it('refuses every day of leave spanning several days, and not the day after', () => {
      const leave = wholeDaysException('leave-week', '2026-12-06', MONDAY);
      const away = trainer({ exceptions: [leave] });
      expect(leave).toEqual({
        id: 'leave-week',
        start: '2026-12-05T17:00:00.000Z',
        end: '2026-12-07T17:00:00.000Z',
      });
      expect(codes(checkSchedule(proposal(), context({ trainers: [away] })))).toEqual(['trainer_on_leave']);
      const tuesday = proposal({ start: at(TUESDAY, '08:00'), end: at(TUESDAY, '10:00') });
      expect(checkSchedule(tuesday, context({ trainers: [away] }))).toEqual({ ok: true });
    });

    it('reads a stored dated exception with times as Phnom Penh wall clock', () => {
      const afternoonToWednesdayNoon = datedException({
        id: 'workshop',
        startDate: MONDAY,
        startTime: '12:00',
        endDate: '2026-12-09',
        endTime: '12:00',
      });
      expect(afternoonToWednesdayNoon).toEqual({
        id: 'workshop',
        start: '2026-12-07T05:00:00.000Z',
        end: '2026-12-09T05:00:00.000Z',
      });
      const away = trainer({ exceptions: [afternoonToWednesdayNoon] });
      expect(checkSchedule(proposal(), context({ trainers: [away] }))).toEqual({ ok: true });
      const tuesday = proposal({ start: at(TUESDAY, '08:00'), end: at(TUESDAY, '10:00') });
      expect(refusals(checkSchedule(tuesday, context({ trainers: [away] })))).toEqual([
        { code: 'trainer_on_leave', trainerId: 'trainer-sophea', exceptionId: 'workshop' },
      ]);
    });

    it('names each overlapping exception', () => {
      const exceptions = [
        { id: 'meeting', start: at(MONDAY, '09:30'), end: at(MONDAY, '10:00') },
        { id: 'field-visit', start: at(MONDAY, '11:30'), end: at(MONDAY, '13:00') },
      ];
      const result = checkSchedule(proposal(), context({ trainers: [trainer({ exceptions })] }));
      expect(refusals(result).map((r) => r.exceptionId)).toEqual(['meeting', 'field-visit']);
    });
  });

  describe("the trainer's other sessions", () => {
    it('refuses an overlapping session, naming it', () => {
      const other = session({
        id: 'session-7',
        start: at(MONDAY, '11:00'),
        end: at(MONDAY, '13:00'),
        venue: venue({ place: 'Pagoda' }),
      });
      expect(refusals(checkSchedule(proposal(), context({ sessions: [other] })))).toEqual([
        { code: 'double_booked', trainerId: 'trainer-sophea', sessionId: 'session-7' },
      ]);
    });

    it('refuses an overlapping online session too', () => {
      const online = session({
        start: at(MONDAY, '08:00'),
        end: at(MONDAY, '10:00'),
        venue: { kind: 'online' },
      });
      expect(codes(checkSchedule(proposal(), context({ sessions: [online] })))).toEqual(['double_booked']);
    });

    it('accepts a session ending exactly when the next starts in the same province', () => {
      const next = session({
        start: at(MONDAY, '12:00'),
        end: at(MONDAY, '14:00'),
        venue: venue({ place: 'School' }),
      });
      expect(checkSchedule(proposal(), context({ sessions: [next] }))).toEqual({ ok: true });
    });

    it('ignores sessions of other trainers', () => {
      const others = session({
        trainerIds: ['trainer-dara'],
        venue: venue({ place: 'School' }),
        start: at(MONDAY, '10:00'),
      });
      expect(checkSchedule(proposal(), context({ sessions: [others] }))).toEqual({ ok: true });
    });

    it('does not count a moved session as its own conflict', () => {
      const itself = session({ id: 'session-1', start: at(MONDAY, '10:00'), end: at(MONDAY, '13:00') });
      expect(checkSchedule(proposal({ id: 'session-1' }), context({ sessions: [itself] }))).toEqual({
        ok: true,
      });
    });

    it('reports a session listed twice once', () => {
      const other = session({
        start: at(MONDAY, '10:00'),
        end: at(MONDAY, '13:00'),
        venue: venue({ place: 'School' }),
      });
      expect(codes(checkSchedule(proposal(), context({ sessions: [other, other] })))).toEqual([
        'double_booked',
      ]);
    });
  });

  describe('travel time between provinces', () => {
    const siemReap = venue({ provinceCode: 'KH-17', district: 'Siem Reap', commune: 'Sala Kamreuk' });

    it('refuses a session in another province too soon after the previous one', () => {
      const before = session({
        id: 'session-sr',
        start: at(MONDAY, '08:00'),
        end: at(MONDAY, '10:00'),
        venue: siemReap,
      });
      const after = proposal({ start: at(MONDAY, '11:59'), end: at(MONDAY, '14:00') });
      expect(refusals(checkSchedule(after, context({ sessions: [before] })))).toEqual([
        { code: 'too_little_travel_time', trainerId: 'trainer-sophea', sessionId: 'session-sr' },
      ]);
    });

    it('accepts exactly the travel time between provinces', () => {
      const before = session({ start: at(MONDAY, '08:00'), end: at(MONDAY, '10:00'), venue: siemReap });
      const after = proposal({ start: at(MONDAY, '12:00'), end: at(MONDAY, '14:00') });
      expect(checkSchedule(after, context({ sessions: [before] }))).toEqual({ ok: true });
    });

    it('refuses a session too soon before one in another province', () => {
      const later = session({ start: at(MONDAY, '13:00'), end: at(MONDAY, '15:00'), venue: siemReap });
      expect(codes(checkSchedule(proposal(), context({ sessions: [later] })))).toEqual([
        'too_little_travel_time',
      ]);
      expect(checkSchedule(proposal(), context({ sessions: [later], travelMinutes: 60 }))).toEqual({
        ok: true,
      });
    });

    it('needs no travel time around online sessions', () => {
      const online = session({
        start: at(MONDAY, '12:00'),
        end: at(MONDAY, '13:00'),
        venue: { kind: 'online' },
      });
      expect(checkSchedule(proposal(), context({ sessions: [online] }))).toEqual({ ok: true });
      const fromSiemReap = session({ start: at(MONDAY, '07:00'), end: at(MONDAY, '09:00'), venue: siemReap });
      expect(
        checkSchedule(proposal({ venue: { kind: 'online' } }), context({ sessions: [fromSiemReap] })),
      ).toEqual({
        ok: true,
      });
    });

    it('needs no travel time when the setting is zero', () => {
      const before = session({ start: at(MONDAY, '08:00'), end: at(MONDAY, '09:00'), venue: siemReap });
      expect(checkSchedule(proposal(), context({ sessions: [before], travelMinutes: 0 }))).toEqual({
        ok: true,
      });
    });
  });

  describe('the venue', () => {
    it('refuses a place taken by another trainer at an overlapping time', () => {
      const taken = session({
        id: 'session-hall',
        trainerIds: ['trainer-dara'],
        start: at(MONDAY, '11:00'),
        end: at(MONDAY, '13:00'),
      });
      expect(refusals(checkSchedule(proposal(), context({ sessions: [taken] })))).toEqual([
        { code: 'venue_taken', sessionId: 'session-hall' },
      ]);
    });

    it('matches the place trimmed and ignoring case and spaces', () => {
      const taken = session({
        trainerIds: ['trainer-dara'],
        start: at(MONDAY, '11:00'),
        venue: venue({ place: '  commune   HALL ' }),
      });
      expect(codes(checkSchedule(proposal(), context({ sessions: [taken] })))).toEqual(['venue_taken']);
    });

    it('accepts the same place name in another commune, or the place once it is free', () => {
      const elsewhere = session({
        trainerIds: ['trainer-dara'],
        start: at(MONDAY, '10:00'),
        venue: venue({ commune: 'Ou Char' }),
      });
      const afterwards = session({
        id: 's2',
        trainerIds: ['trainer-dara'],
        start: at(MONDAY, '12:00'),
        end: at(MONDAY, '15:00'),
      });
      expect(checkSchedule(proposal(), context({ sessions: [elsewhere, afterwards] }))).toEqual({ ok: true });
    });

    it("never finds an online session's venue taken", () => {
      const online = session({
        trainerIds: ['trainer-dara'],
        venue: { kind: 'online' },
        start: at(MONDAY, '09:00'),
      });
      expect(checkSchedule(proposal({ venue: { kind: 'online' } }), context({ sessions: [online] }))).toEqual(
        { ok: true },
      );
    });

    it('refuses both the double booking and the venue when the trainer is already there', () => {
      const same = session({ id: 'session-same', start: at(MONDAY, '10:00'), end: at(MONDAY, '11:00') });
      expect(refusals(checkSchedule(proposal(), context({ sessions: [same] })))).toEqual([
        { code: 'double_booked', trainerId: 'trainer-sophea', sessionId: 'session-same' },
        { code: 'venue_taken', sessionId: 'session-same' },
      ]);
    });
  });

  it('uses the given now, not the clock', () => {
    const lastYear = proposal({ start: '2025-01-06T02:00:00Z', end: '2025-01-06T03:00:00Z' });
    expect(checkSchedule(lastYear, context({ now: '2024-12-31T00:00:00Z' }))).toEqual({ ok: true });
    expect(codes(checkSchedule(lastYear, context({ now: NOW })))).toEqual(['in_the_past']);
  });
});
