/** Small builders of the rules' inputs, for the specs. */
import type {
  ExistingSession,
  PlaceVenue,
  ProposedSession,
  ScheduleContext,
  TrainerProfile,
} from './schedule';
import type { SeatEntry } from './seats';
import { phnomPenhInstant, type LocalDate, type LocalTime } from './time';

/** 2026-12-07 is a Monday. */
export const MONDAY: LocalDate = '2026-12-07';
export const TUESDAY: LocalDate = '2026-12-08';
export const NOW = '2026-12-01T00:00:00Z';

/** A Phnom Penh wall-clock instant. */
export const at = (date: LocalDate, time: LocalTime) => phnomPenhInstant(date, time);

export function venue(overrides: Partial<PlaceVenue> = {}): PlaceVenue {
  return {
    kind: 'place',
    provinceCode: 'KH-2',
    district: 'Battambang',
    commune: 'Svay Por',
    place: 'Commune hall',
    ...overrides,
  };
}

/** A trainer of human rights in Battambang and Siem Reap, Monday to Friday 08:00–17:00. */
export function trainer(overrides: Partial<TrainerProfile> = {}): TrainerProfile {
  return {
    id: 'trainer-sophea',
    moduleIds: ['human_rights', 'advocacy'],
    provinceCodes: ['KH-2', 'KH-17'],
    windows: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
    exceptions: [],
    ...overrides,
  };
}

/** Monday 09:00–12:00 in Battambang, human rights, by the default trainer. */
export function proposal(overrides: Partial<ProposedSession> = {}): ProposedSession {
  return {
    moduleId: 'human_rights',
    trainerIds: ['trainer-sophea'],
    start: at(MONDAY, '09:00'),
    end: at(MONDAY, '12:00'),
    venue: venue(),
    capacity: 20,
    minimumAttendance: 5,
    language: 'km',
    ...overrides,
  };
}

export function session(overrides: Partial<ExistingSession> = {}): ExistingSession {
  return {
    id: 'session-other',
    trainerIds: ['trainer-sophea'],
    start: at(MONDAY, '13:00'),
    end: at(MONDAY, '16:00'),
    venue: venue(),
    ...overrides,
  };
}

export function context(overrides: Partial<ScheduleContext> = {}): ScheduleContext {
  return { trainers: [trainer()], sessions: [], travelMinutes: 120, now: NOW, ...overrides };
}

let sequence = 0;
/** A seat request from a member of a CBO, each later than the one before unless told. */
export function entry(memberId: string, cboId: string, requestedAt?: string): SeatEntry {
  sequence += 1;
  return {
    memberId,
    cboId,
    requestedAt: requestedAt ?? new Date(Date.UTC(2026, 11, 1, 0, 0, sequence)).toISOString(),
  };
}
