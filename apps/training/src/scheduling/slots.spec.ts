import { at, MONDAY, NOW, session, trainer, TUESDAY, venue } from './scheduling.factories';
import { findSlots, type FindSlotsInput } from './slots';

const search = (overrides: Partial<FindSlotsInput> = {}): FindSlotsInput => ({
  moduleId: 'human_rights',
  provinceCode: 'KH-2',
  from: MONDAY,
  to: MONDAY,
  durationMinutes: 180,
  trainers: [trainer({ windows: [{ weekday: 1, start: '08:00', end: '12:00' }] })],
  sessions: [],
  travelMinutes: 120,
  now: NOW,
  ...overrides,
});

const starts = (input: FindSlotsInput) => findSlots(input).map((slot) => slot.start);

describe('findSlots', () => {
  it('offers each start of the window every step, up to the window end exactly', () => {
    expect(findSlots(search())).toEqual([
      { start: at(MONDAY, '08:00'), end: at(MONDAY, '11:00'), trainerIds: ['trainer-sophea'] },
      { start: at(MONDAY, '08:30'), end: at(MONDAY, '11:30'), trainerIds: ['trainer-sophea'] },
      { start: at(MONDAY, '09:00'), end: at(MONDAY, '12:00'), trainerIds: ['trainer-sophea'] },
    ]);
  });

  it('uses the step given, starting from odd window starts', () => {
    const odd = trainer({ windows: [{ weekday: 1, start: '08:15', end: '10:00' }] });
    expect(starts(search({ trainers: [odd], durationMinutes: 60, stepMinutes: 15 }))).toEqual([
      at(MONDAY, '08:15'),
      at(MONDAY, '08:30'),
      at(MONDAY, '08:45'),
      at(MONDAY, '09:00'),
    ]);
  });

  it('offers nothing when the session is longer than every window', () => {
    expect(findSlots(search({ durationMinutes: 241 }))).toEqual([]);
  });

  it('leaves out trainers not qualified for the module or not travelling to the province', () => {
    expect(findSlots(search({ moduleId: 'monitoring_documentation' }))).toEqual([]);
    expect(findSlots(search({ provinceCode: 'KH-7' }))).toEqual([]);
  });

  it('leaves out the times of the trainer’s other sessions and leave', () => {
    const busy = session({ start: at(MONDAY, '11:00'), end: at(MONDAY, '12:00') });
    expect(starts(search({ sessions: [busy], durationMinutes: 60 }))).toEqual([
      at(MONDAY, '08:00'),
      at(MONDAY, '08:30'),
      at(MONDAY, '09:00'),
      at(MONDAY, '09:30'),
      at(MONDAY, '10:00'),
    ]);
    const onLeave = trainer({
      windows: [{ weekday: 1, start: '08:00', end: '12:00' }],
      exceptions: [{ id: 'x', start: at(MONDAY, '08:00'), end: at(MONDAY, '10:00') }],
    });
    expect(starts(search({ trainers: [onLeave], durationMinutes: 60 }))).toEqual([
      at(MONDAY, '10:00'),
      at(MONDAY, '10:30'),
      at(MONDAY, '11:00'),
    ]);
  });

  it('leaves travel time after a session in another province', () => {
    const siemReap = session({
      start: at(MONDAY, '07:00'),
      end: at(MONDAY, '08:00'),
      venue: venue({ provinceCode: 'KH-17' }),
    });
    expect(starts(search({ sessions: [siemReap], durationMinutes: 60 }))).toEqual([
      at(MONDAY, '10:00'),
      at(MONDAY, '10:30'),
      at(MONDAY, '11:00'),
    ]);
  });

  it('lists every free trainer of a slot, once per start, in time order', () => {
    const sophea = trainer({ windows: [{ weekday: 1, start: '08:00', end: '10:00' }] });
    const dara = trainer({ id: 'trainer-dara', windows: [{ weekday: 1, start: '09:00', end: '11:00' }] });
    expect(findSlots(search({ trainers: [sophea, dara], durationMinutes: 60, stepMinutes: 60 }))).toEqual([
      { start: at(MONDAY, '08:00'), end: at(MONDAY, '09:00'), trainerIds: ['trainer-sophea'] },
      {
        start: at(MONDAY, '09:00'),
        end: at(MONDAY, '10:00'),
        trainerIds: ['trainer-sophea', 'trainer-dara'],
      },
      { start: at(MONDAY, '10:00'), end: at(MONDAY, '11:00'), trainerIds: ['trainer-dara'] },
    ]);
  });

  it('walks every Phnom Penh day of the range, by its own weekday', () => {
    const weekdays = trainer();
    const slots = findSlots(
      search({ trainers: [weekdays], from: '2026-12-11', to: '2026-12-14', durationMinutes: 540 }),
    );
    // Friday and Monday have a window; the weekend does not.
    expect(slots.map((slot) => slot.start)).toEqual([at('2026-12-11', '08:00'), at('2026-12-14', '08:00')]);
  });

  it('stops at the limit, keeping the earliest', () => {
    const slots = findSlots(
      search({ trainers: [trainer()], from: MONDAY, to: TUESDAY, durationMinutes: 60, limit: 3 }),
    );
    expect(slots.map((slot) => slot.start)).toEqual([
      at(MONDAY, '08:00'),
      at(MONDAY, '08:30'),
      at(MONDAY, '09:00'),
    ]);
  });

  it('offers nothing before now', () => {
    expect(starts(search({ now: at(MONDAY, '08:01') }))).toEqual([at(MONDAY, '08:30'), at(MONDAY, '09:00')]);
  });

  it('offers nothing for an empty or backwards range and refuses a search of more than a year', () => {
    expect(findSlots(search({ from: TUESDAY, to: MONDAY }))).toEqual([]);
    expect(findSlots(search({ durationMinutes: 0 }))).toEqual([]);
    expect(() => findSlots(search({ from: '2026-01-01', to: '2027-06-01' }))).toThrow(RangeError);
  });
});
