import { trainerRefusals, uniqueById, type ExistingSession, type TrainerProfile } from './schedule';
import {
  addDays,
  minutesOfTime,
  MINUTE_MS,
  phnomPenhMidnight,
  toInstant,
  toMs,
  weekdayOf,
  type Instant,
  type LocalDate,
} from './time';

export interface FindSlotsInput {
  moduleId: string;
  /** The province the session would be held in (slots are for in-person sessions). */
  provinceCode: string;
  /** First and last Phnom Penh day searched, inclusive. */
  from: LocalDate;
  to: LocalDate;
  durationMinutes: number;
  trainers: readonly TrainerProfile[];
  /** The trainers' scheduled sessions in and around the range. */
  sessions: readonly ExistingSession[];
  travelMinutes: number;
  now: Instant;
  /** Candidate starts are each window's start and every `stepMinutes` after it. */
  stepMinutes?: number;
  /** At most this many slots (the earliest). */
  limit?: number;
}

export interface Slot {
  start: Instant;
  end: Instant;
  /** The trainers free for the whole slot, in the order given. */
  trainerIds: string[];
}

/** The longest range searched, so a careless request cannot spin for years of candidates. */
export const MAX_SLOT_SEARCH_DAYS = 366;

/**
 * The slots, in time order and each start once, where at least one trainer qualified for the module
 * and travelling to the province passes every trainer check of `checkSchedule` (availability,
 * exceptions, double booking, travel time). Slots that start before `now` are left out.
 */
export function findSlots(input: FindSlotsInput): Slot[] {
  const { durationMinutes, stepMinutes = 30, limit = 20 } = input;
  if (!(durationMinutes > 0) || !(stepMinutes > 0) || !(limit > 0)) return [];
  const days = (phnomPenhMidnight(input.to) - phnomPenhMidnight(input.from)) / (24 * 60 * MINUTE_MS) + 1;
  if (days < 1) return [];
  if (days > MAX_SLOT_SEARCH_DAYS) {
    throw new RangeError(`findSlots searches at most ${MAX_SLOT_SEARCH_DAYS} days, not ${days}`);
  }
  const now = toMs(input.now);
  const sessions = uniqueById(input.sessions);
  const candidates = uniqueById(input.trainers).filter(
    (trainer) =>
      trainer.moduleIds.includes(input.moduleId) && trainer.provinceCodes.includes(input.provinceCode),
  );
  const slots: Slot[] = [];
  for (let day = 0; day < days && slots.length < limit; day += 1) {
    const date = addDays(input.from, day);
    const weekday = weekdayOf(date);
    const midnight = phnomPenhMidnight(date);
    const starts = new Set<number>();
    for (const trainer of candidates) {
      for (const window of trainer.windows) {
        if (window.weekday !== weekday) continue;
        const last = minutesOfTime(window.end) - durationMinutes;
        for (let minute = minutesOfTime(window.start); minute <= last; minute += stepMinutes) {
          starts.add(midnight + minute * MINUTE_MS);
        }
      }
    }
    for (const start of [...starts].sort((a, b) => a - b)) {
      if (start < now) continue;
      const span = { start, end: start + durationMinutes * MINUTE_MS };
      const trainerIds = candidates
        .filter(
          (trainer) =>
            trainerRefusals(
              trainer,
              trainer.id,
              input.moduleId,
              span,
              input.provinceCode,
              sessions,
              input.travelMinutes,
            ).length === 0,
        )
        .map((trainer) => trainer.id);
      if (trainerIds.length === 0) continue;
      slots.push({ start: toInstant(span.start), end: toInstant(span.end), trainerIds });
      if (slots.length >= limit) break;
    }
  }
  return slots;
}
