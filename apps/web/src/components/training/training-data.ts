import 'server-only';
import type { Account, TrainingModule } from '@bandanh/contracts';
import type { Choice } from '@/components/form-fields';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { webUrl } from '@/lib/web-url';

/** Staff names by id (at most 100 asked at once); an id the API does not name is left out. */
export async function staffNames(ids: readonly string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)].slice(0, 100);
  if (wanted.length === 0) return {};
  try {
    const { items } = await api(ROUTES.lookupStaffNames, { query: { ids: wanted.join(',') } });
    return Object.fromEntries(items.map((item) => [item.id, item.displayName]));
  } catch {
    return {};
  }
}

/**
 * The trainers a scheduler may choose, by name: every active trainer for those who keep
 * trainers (admins, coordinators), and a trainer themselves.
 */
export async function schedulerTrainers(
  account: Pick<Account, 'id' | 'kind' | 'roles' | 'displayName'>,
): Promise<Choice[]> {
  if (can(account, 'keepTrainers')) {
    const { items } = await api(ROUTES.listTrainers);
    const names = await staffNames(items.map((trainer) => trainer.userId));
    return items
      .map((trainer) => ({ value: trainer.userId, label: names[trainer.userId] ?? trainer.userId }))
      .sort((a, b) => String(a.label).localeCompare(String(b.label)));
  }
  return can(account, 'teach') ? [{ value: account.id, label: account.displayName }] : [];
}

/** A module's title in the reader's language. */
export const moduleTitle = (
  module: Pick<TrainingModule, 'titleKm' | 'titleEn'> | undefined,
  locale: string,
) => (module ? (locale === 'km' ? module.titleKm : module.titleEn) : '');

/**
 * A trainer's calendar feed's full address, as a calendar app reaches it: the web's own address
 * and `/calendar/<token>.ics` (apps/web/src/app/calendar/), from the gateway's path of the feed.
 */
export async function feedUrl(path: string): Promise<string> {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return `${await webUrl()}/calendar/${file}`;
}
