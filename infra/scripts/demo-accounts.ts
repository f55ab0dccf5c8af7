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
];

export const DEMO_APPLICANT: AccountSeed = {
  email: 'member@demo.bandanh.org',
  displayName: 'Srey Neang',
  password: 'bandanh-demo-member',
  kind: 'applicant',
};
