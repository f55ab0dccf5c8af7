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
