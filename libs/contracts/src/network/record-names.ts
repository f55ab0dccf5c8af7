import { z } from 'zod';
import { defineContract } from '../contract';

export const RECORD_NAME_TYPES = ['cbo', 'partner'] as const;

/** A record's name as people read it: a CBO's Latin and Khmer names, a partner's name. */
export const RecordName = z.object({
  type: z.enum(RECORD_NAME_TYPES),
  id: z.uuid(),
  name: z.string(),
  nameKm: z.string().nullable(),
});
export type RecordName = z.infer<typeof RecordName>;

/** The names of these CBOs and partners, for staff reading ids (the audit log); unknown ids are left out. */
export const lookupRecordNames = defineContract({
  subject: 'network.records.names',
  request: z.object({
    cbos: z.array(z.uuid()).max(200, 'At most 200 CBOs at once').default([]),
    partners: z.array(z.uuid()).max(200, 'At most 200 partners at once').default([]),
  }),
  response: z.object({ items: z.array(RecordName) }),
});
