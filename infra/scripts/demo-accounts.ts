// The demo accounts that `npm start` creates: one per role, for local use only. Their
// passwords are in the README and printed by npm start; never deploy them.
import type { AccountSeed } from '../../apps/identity/src/app';

/** A base32 secret to add to an authenticator app, for the demo roles that need two factors. */
export const DEMO_TOTP_SECRET = 'BANDANHDEMOTOTPSECRETFORLOCALUSE';

const staff = (role: NonNullable<AccountSeed['roles']>[number], name: string, mfa = false): AccountSeed => ({
  email: `${role.replace('_', '-')}@demo.bandanh.org`,
  displayName: name,
  password: `bandanh-demo-${role.replace('_', '-')}`,
  kind: 'staff',
  roles: [role],
  ...(mfa ? { totpSecret: DEMO_TOTP_SECRET } : {}),
});

export const DEMO_STAFF: AccountSeed[] = [
  staff('admin', 'Chan Dara', true),
  staff('coordinator', 'Sok Sreymom'),
  staff('assessor', 'Keo Vannak'),
  staff('approver', 'Meas Sophea', true),
  staff('trainer', 'Lim Bopha'),
  staff('finance', 'Ouk Rithy', true),
  staff('protection_officer', 'Heng Malis', true),
  // The small grants: two reviewers, and the approval chain (two-factor, like the approver).
  staff('reviewer', 'Sam Sokunthea'),
  {
    email: 'reviewer-2@demo.bandanh.org',
    displayName: 'Touch Vibol',
    password: 'bandanh-demo-reviewer-2',
    kind: 'staff',
    roles: ['reviewer'],
  },
  staff('programme_manager', 'Yim Sovannara', true),
  staff('grant_committee', 'Pen Chanthou', true),
  staff('director', 'Seng Kosal', true),
];

export const DEMO_APPLICANT: AccountSeed = {
  email: 'member@demo.bandanh.org',
  displayName: 'Srey Neang',
  password: 'bandanh-demo-member',
  kind: 'applicant',
};

/** The two other demo trainers (the first is DEMO_STAFF's `trainer`), each with a password of their own. */
export const DEMO_TRAINERS: AccountSeed[] = [
  {
    email: 'trainer-2@demo.bandanh.org',
    displayName: 'Prak Sokha',
    password: 'bandanh-demo-trainer-2',
    kind: 'staff',
    roles: ['trainer'],
  },
  {
    email: 'trainer-3@demo.bandanh.org',
    displayName: 'Nhem Chenda',
    password: 'bandanh-demo-trainer-3',
    kind: 'staff',
    roles: ['trainer'],
  },
];

/** A CBO member of the demo, linked to the CBO at index `cbo` of DEMO_CBOS. */
const member = (name: string, displayName: string, cbo: number) => ({
  account: {
    email: `${name}@demo.bandanh.org`,
    displayName,
    password: DEMO_APPLICANT.password,
    kind: 'applicant' as const,
  },
  cbo,
});

/**
 * More members of participant CBOs, who attended the demo's past sessions: `cbo` is the index
 * of their group in DEMO_CBOS (the demo member is linked to index 4). Not printed by npm start;
 * they share the demo member's password. Those of 5, 6, 14, 15, 16, 34 and 35 complete the four
 * modules (their groups become grant-eligible and apply for the demo's grants); 36's has a seat
 * at a session to come.
 */
export const DEMO_MEMBERS: ReadonlyArray<{ account: AccountSeed; cbo: number }> = [
  member('member-2', 'ជា សុផល', 4),
  member('member-3', 'រស់ កញ្ញា', 5),
  member('member-4', 'វ៉ាន់ ពិសី', 5),
  member('member-5', 'ទូច សម្បត្តិ', 6),
  member('member-6', 'ម៉ៅ ស្រីពៅ', 34),
  member('member-7', 'គីម ហេង', 35),
  member('member-8', 'សុខ ចាន់ថា', 14),
  member('member-9', 'ឈឹម សុភាព', 15),
  member('member-10', 'ហ៊ន ដាវី', 16),
  member('member-11', 'ពេជ្រ រតនា', 36),
];
