/** How a call to the hotline came in. */
export const HOTLINE_CHANNELS = ['call', 'message', 'visit'] as const;
export const REFERRAL_STATUSES = ['open', 'closed'] as const;
/** How a referral to a partner ended (or stands). */
export const REFERRAL_OUTCOMES = ['resolved', 'in_progress', 'not_taken_up', 'partner_declined'] as const;
