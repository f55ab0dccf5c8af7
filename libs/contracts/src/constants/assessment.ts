/** A CBO's registration under the Law on Associations and NGOs, as its assessment records it. */
export const REGISTRATION_STATUSES = ['registered', 'in_progress', 'not_registered', 'unknown'] as const;
