import { z } from 'zod';
import { HotlineCall, Partner, Referral } from '../network/hotline';
import { listOf } from './list';

export const HotlineCallList = listOf(HotlineCall);
export type HotlineCallList = z.infer<typeof HotlineCallList>;

/** The call, and whether this request logged it (false: a retry with the same key). */
export const LoggedCall = z.object({ call: HotlineCall, created: z.boolean() });
export type LoggedCall = z.infer<typeof LoggedCall>;

/** The call as corrected. */
export const CorrectedCall = z.object({ call: HotlineCall });
export type CorrectedCall = z.infer<typeof CorrectedCall>;

export const ReferralList = listOf(Referral);
export type ReferralList = z.infer<typeof ReferralList>;

export const ReferralView = z.object({ referral: Referral });
export type ReferralView = z.infer<typeof ReferralView>;

export const PartnerList = listOf(Partner);
export type PartnerList = z.infer<typeof PartnerList>;

/** The partner, and whether this request added it (false: a change, or a retry with the same key). */
export const SavedPartner = z.object({ partner: Partner, created: z.boolean() });
export type SavedPartner = z.infer<typeof SavedPartner>;
