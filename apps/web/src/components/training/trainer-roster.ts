import 'server-only';
import type { Account, Trainer } from '@bandanh/contracts';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { staffNames } from './training-data';

/** A trainer as those who keep trainers see them: their name, and their profile when they have one. */
export interface RosterEntry {
  userId: string;
  name: string;
  trainer?: Trainer;
  /** Whether the account holds the trainer role (known only to an admin, who reads the accounts). */
  hasRole?: boolean;
}

/**
 * Every trainer's profile (active or not) and, for an admin, every active staff account holding
 * the trainer role without a profile yet (the accounts list, `GET /api/admin/accounts`, is an
 * admin's: a coordinator sees the profiles). By name.
 */
export async function trainerRoster(
  account: Pick<Account, 'kind' | 'roles'>,
): Promise<{ entries: RosterEntry[]; allAccounts: boolean }> {
  const admin = can(account, 'administer');
  const [{ items: trainers }, accounts] = await Promise.all([
    api(ROUTES.listTrainers, { query: { includeInactive: 'true' } }),
    admin ? api(ROUTES.listAccounts).then(({ items }) => items) : Promise.resolve([] as Account[]),
  ]);
  const holders = accounts.filter(
    (one) => one.kind === 'staff' && one.roles.includes('trainer') && !one.disabled,
  );
  const byId = new Map(accounts.map((one) => [one.id, one.displayName]));
  const missing = trainers.map((trainer) => trainer.userId).filter((id) => !byId.has(id));
  const names = { ...Object.fromEntries(byId), ...(await staffNames(missing)) };
  const profiles = new Map(trainers.map((trainer) => [trainer.userId, trainer]));
  const ids = [...new Set([...trainers.map((trainer) => trainer.userId), ...holders.map((one) => one.id)])];
  const entries = ids.map((userId) => ({
    userId,
    name: names[userId] ?? userId,
    trainer: profiles.get(userId),
    ...(admin ? { hasRole: holders.some((one) => one.id === userId) } : {}),
  }));
  return { entries: entries.sort((a, b) => a.name.localeCompare(b.name)), allAccounts: admin };
}
