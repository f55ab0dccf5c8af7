/** What a CBO works on. */
export const FOCUS_ISSUES = ['land', 'labour', 'fisheries', 'other'] as const;
export type FocusIssue = (typeof FOCUS_ISSUES)[number];

/** How the network found a CBO. */
export const DISCOVERY_CHANNELS = [
  'grassroots_contact',
  'field_visit',
  'referral',
  'self_application',
] as const;
export type DiscoveryChannel = (typeof DISCOVERY_CHANNELS)[number];

/** What the group mainly does; during the pilot, development groups are not admitted. */
export const CBO_PURPOSES = ['human_rights', 'development'] as const;
export type CboPurpose = (typeof CBO_PURPOSES)[number];

/** What a coordinator decided about a likely duplicate: a different group, or merged into the other. */
export const DUPLICATE_DECISIONS = ['distinct', 'merged'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/** Whether a CBO may be recorded in a province whose expansion phase has not opened yet. */
export const UNOPENED_PROVINCE_POLICIES = ['warn', 'refuse'] as const;
export type UnopenedProvincePolicy = (typeof UNOPENED_PROVINCE_POLICIES)[number];

/** The time zone whose calendar says what "today" is, for dates that record the past. */
export const PROGRAMME_TIME_ZONE = 'Asia/Phnom_Penh';

/** Today's date (YYYY-MM-DD) on the programme's calendar, Cambodia's. */
export function todayInCambodia(now: Date = new Date()): string {
  return dateInCambodia(now);
}

/** The calendar date (YYYY-MM-DD) of an instant, in Cambodia. */
export function dateInCambodia(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: PROGRAMME_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
