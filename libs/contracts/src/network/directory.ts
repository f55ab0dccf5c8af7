import { z } from 'zod';
import { defineContract } from '../contract';
import { CboContact, FocusIssue } from './cbo';
import { ProvinceCode } from './provinces';

/** A Network Participant's public profile: only what the group agreed to publish. */
export const DirectoryEntry = z.object({
  id: z.uuid(),
  name: z.string(),
  nameKm: z.string().nullable(),
  provinceCode: z.string(),
  district: z.string().nullable(),
  commune: z.string().nullable(),
  village: z.string().nullable(),
  focusIssues: z.array(FocusIssue),
  membersCount: z.number().int().nullable(),
  activities: z.string().nullable(),
  contacts: z.array(CboContact),
  participantSince: z.iso.datetime().nullable(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryQuery = z.object({
  /** Part of the name, in Khmer or Latin script. */
  q: z.string().trim().max(100, 'Search words must be at most 100 characters').optional(),
  province: ProvinceCode.optional(),
  issue: FocusIssue.optional(),
  limit: z.coerce.number().int().min(1).max(100, 'At most 100 per page').default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/** Past this many matches beyond the page asked for, the directory stops counting. */
export const DIRECTORY_COUNT_CAP = 1000;

export const DirectoryPage = z.object({
  items: z.array(DirectoryEntry),
  /** The number of matches, counted up to the page's offset plus DIRECTORY_COUNT_CAP. */
  total: z.number().int(),
  /** True when there are more matches than `total` (the count stopped at its cap). */
  totalIsLowerBound: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

export const searchDirectory = defineContract({
  subject: 'network.directory.search',
  request: DirectoryQuery,
  response: DirectoryPage,
});
