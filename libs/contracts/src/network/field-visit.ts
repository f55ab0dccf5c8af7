import { z } from 'zod';
import { defineContract } from '../contract';
import { PastIsoDate, CboLocation } from './cbo';

/** A visit to a target area, with the CBOs met there. */
export const FieldVisitDraft = CboLocation.extend({
  /** Not after today in Cambodia: a visit is recorded once it has happened. */
  visitedOn: PastIsoDate('Visit date'),
  notes: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type FieldVisitDraft = z.output<typeof FieldVisitDraft>;

export const FieldVisit = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  district: z.string().nullable(),
  commune: z.string().nullable(),
  village: z.string().nullable(),
  visitedOn: z.string(),
  notes: z.string().nullable(),
  visitedBy: z.uuid(),
  cbosMet: z.array(z.object({ id: z.uuid(), name: z.string(), nameKm: z.string().nullable() })),
});
export type FieldVisit = z.infer<typeof FieldVisit>;

export const createFieldVisit = defineContract({
  subject: 'network.fieldVisit.create',
  request: z.object({ idempotencyKey: z.string().min(8), visit: FieldVisitDraft }),
  response: z.object({ visit: FieldVisit, created: z.boolean() }),
});

export const listFieldVisits = defineContract({
  subject: 'network.fieldVisit.list',
  request: z.object({}),
  response: z.object({ items: z.array(FieldVisit) }),
});

/** Links a CBO already recorded to a visit (instead of recording a duplicate). */
export const linkCboToVisit = defineContract({
  subject: 'network.fieldVisit.linkCbo',
  request: z.object({ visitId: z.uuid(), cboId: z.uuid() }),
  response: z.object({ visit: FieldVisit }),
});
