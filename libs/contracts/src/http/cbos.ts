import { z } from 'zod';
import { CboClaim } from '../identity/identity';
import { Cbo, DuplicateCandidate } from '../network/cbo';
import { Province } from '../network/provinces';
import { PipelineState } from '../orchestrator/pipeline';
import { listOf } from './list';

export const ProvinceList = listOf(Province);
export type ProvinceList = z.infer<typeof ProvinceList>;

export const CboView = z.object({ cbo: Cbo });
export type CboView = z.infer<typeof CboView>;

/** A code that links an applicant's account to a CBO (shown once). */
export const LinkCode = z.object({ code: z.string(), expiresAt: z.iso.datetime() });
export type LinkCode = z.infer<typeof LinkCode>;

/** Likely duplicates of a CBO about to be recorded, most alike first. */
export const DuplicateList = listOf(DuplicateCandidate);
export type DuplicateList = z.infer<typeof DuplicateList>;

/** The signed-in member's CBO and its pipeline (both null before the account is linked). */
export const MyCbo = z.object({ cbo: Cbo.nullable(), pipeline: PipelineState.nullable() });
export type MyCbo = z.infer<typeof MyCbo>;

export const ClaimView = z.object({ claim: CboClaim });
export type ClaimView = z.infer<typeof ClaimView>;

export const ClaimList = listOf(CboClaim);
export type ClaimList = z.infer<typeof ClaimList>;
