import { z } from 'zod';
import { FieldVisit } from '../network/field-visit';
import { listOf } from './list';

export const FieldVisitList = listOf(FieldVisit);
export type FieldVisitList = z.infer<typeof FieldVisitList>;

/** The visit, and whether this request recorded it (false: a retry with the same key). */
export const SavedFieldVisit = z.object({ visit: FieldVisit, created: z.boolean() });
export type SavedFieldVisit = z.infer<typeof SavedFieldVisit>;

/** The visit with the CBOs met, after one was added. */
export const FieldVisitView = z.object({ visit: FieldVisit });
export type FieldVisitView = z.infer<typeof FieldVisitView>;
