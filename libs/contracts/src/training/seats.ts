import { z } from 'zod';
import { defineContract } from '../contract';
import { ProvinceCode } from '../network/provinces';
import { ModuleId } from './modules';
import { LocalDate } from './trainers';

/** The longest range a slot search covers (the scheduling rules' MAX_SLOT_SEARCH_DAYS). */
export const MAX_SLOT_SEARCH_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A search for free slots: a module, a province, Phnom Penh days from and to (inclusive). */
export const SlotQuery = z
  .object({
    moduleId: ModuleId,
    provinceCode: ProvinceCode,
    from: LocalDate,
    to: LocalDate,
    /** Minutes the session lasts; the module's own length when left out. */
    durationMinutes: z.coerce
      .number({ error: 'Give the length in minutes' })
      .int('Give a whole number of minutes')
      .min(15, 'A session lasts at least 15 minutes')
      .max(12 * 60, 'A session lasts at most 12 hours')
      .optional(),
  })
  .superRefine((query, ctx) => {
    const from = Date.parse(`${query.from}T00:00:00Z`);
    const to = Date.parse(`${query.to}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to)) return;
    if (to < from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day comes before the first' });
    } else if ((to - from) / DAY_MS + 1 > MAX_SLOT_SEARCH_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Search at most ${MAX_SLOT_SEARCH_DAYS} days at once`,
      });
    }
  });
export type SlotQuery = z.output<typeof SlotQuery>;

export const TrainingSlot = z.object({
  start: z.string(),
  end: z.string(),
  /** The trainers free for the whole slot. */
  trainerIds: z.array(z.string()),
});
export type TrainingSlot = z.infer<typeof TrainingSlot>;

export const TrainingSlotList = z.object({ items: z.array(TrainingSlot) });
export type TrainingSlotList = z.infer<typeof TrainingSlotList>;

/** The earliest slots where a qualified trainer who travels to the province is free. */
export const findTrainingSlots = defineContract({
  subject: 'training.session.findSlots',
  request: SlotQuery,
  response: TrainingSlotList,
});

export const SEAT_STATUSES = ['confirmed', 'waitlisted', 'declined'] as const;
export const SeatStatus = z.enum(SEAT_STATUSES);
export type SeatStatus = z.infer<typeof SeatStatus>;

export const TrainingSeat = z.object({
  sessionId: z.uuid(),
  cboId: z.uuid(),
  memberId: z.uuid(),
  status: SeatStatus,
  /** The place on the waitlist (1 is next), null unless waitlisted. */
  position: z.number().int().nullable(),
  requestedAt: z.string(),
  promotedAt: z.string().nullable(),
});
export type TrainingSeat = z.infer<typeof TrainingSeat>;

/**
 * A CBO member asks for a seat: confirmed while seats are free and their CBO is under its limit,
 * waitlisted when the session is full; asking again changes nothing (`created: false`). A CBO at
 * its limit is a CONFLICT with `details.reason` `cbo_limit_reached`.
 */
export const confirmTrainingSeat = defineContract({
  subject: 'training.session.confirmSeat',
  request: z.object({ sessionId: z.uuid() }),
  response: z.object({ seat: TrainingSeat, created: z.boolean() }),
});

/**
 * A CBO member gives up their seat or place (a freed seat goes to the first waitlisted), or says
 * no to an invitation before asking for a seat; saying it again changes nothing. A member whose
 * CBO is not invited is a CONFLICT with `details.reason` `not_invited`.
 */
export const declineTrainingSeat = defineContract({
  subject: 'training.session.declineSeat',
  request: z.object({ sessionId: z.uuid() }),
  response: z.object({ seat: TrainingSeat, promoted: z.array(TrainingSeat) }),
});

export const SavedTrainingSeat = z.object({ seat: TrainingSeat, created: z.boolean() });
export const DeclinedTrainingSeat = z.object({ seat: TrainingSeat, promoted: z.array(TrainingSeat) });
