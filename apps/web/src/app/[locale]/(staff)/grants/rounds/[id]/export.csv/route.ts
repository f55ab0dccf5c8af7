import { findProvince, type GrantApplicationSummary } from '@bandanh/contracts';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { BOM, csvRow } from '@/components/grants/csv';
import { listQueryOf } from '@/components/grants/list-query';
import { fromMinor } from '@/components/grants/money';
import { localDateOf, localTimeOf } from '@/components/training/time';
import { localePath } from '@/i18n/paths';
import { routing } from '@/i18n/routing';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { provinceName } from '@/lib/provinces';
import { cboNameIn } from '@/components/grants/grant-data';

export const runtime = 'nodejs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API's largest page, and how many pages at most (a round of 50,000 applications). */
const PAGE = 1000;
const MAX_PAGES = 50;

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * A round's applications as CSV, the round page's filters applied: every page of the list, in
 * the reader's language, with a byte order mark so Excel reads Khmer, and formulas neutralised.
 * Amounts are written with two decimals, times in Phnom Penh.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale) || !UUID.test(id)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: 'grants' });
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { query } = listQueryOf(search);

  const items: GrantApplicationSummary[] = [];
  let currency = '';
  try {
    const { round } = await api(ROUTES.getGrantRound, { params: { id } });
    currency = round.currency;
    for (let page = 0; page < MAX_PAGES; page++) {
      const list = await api(ROUTES.listGrantApplications, {
        params: { id },
        query: { ...query, limit: PAGE, offset: page * PAGE },
      });
      items.push(...list.items);
      if (list.items.length < PAGE || items.length >= list.total) break;
    }
  } catch (error) {
    if (error instanceof GatewayError) {
      if (error.status === 401) {
        const next = `/grants/rounds/${id}`;
        return new Response(null, {
          status: 303,
          headers: { location: localePath(locale, `/sign-in?next=${encodeURIComponent(next)}`) },
        });
      }
      if (error.status === 403) return plain(403, t('export.notAllowed'));
      if (error.status === 404) return plain(404, t('export.notFound'));
    }
    return plain(502, t('export.unavailable'));
  }

  const when = (instant: string | null) => (instant ? `${localDateOf(instant)} ${localTimeOf(instant)}` : '');
  const column = (key: string) => t(`export.columns.${key}`);
  const header = csvRow(
    [
      'reference',
      'title',
      'cbo',
      'province',
      'stage',
      'currency',
      'total',
      'contribution',
      'requested',
      'score',
      'reviews',
      'submittedAt',
      'decision',
      'approvedAmount',
      'reason',
    ].map(column),
  );
  const rows = items.map((item) =>
    csvRow([
      item.reference,
      item.title,
      cboNameIn(item, locale),
      item.provinceCode ? provinceName(findProvince(item.provinceCode), locale) || item.provinceCode : '',
      t(`stages.${item.stage}`),
      currency,
      fromMinor(item.totals.total),
      fromMinor(item.totals.contribution),
      fromMinor(item.totals.requested),
      item.score === null ? '' : item.score.toFixed(1),
      `${item.reviewsDone}/${item.reviewsNeeded}`,
      when(item.submittedAt),
      item.decision ? t(`decisions.${item.decision.outcome}`) : '',
      item.decision && item.decision.amount !== null ? fromMinor(item.decision.amount) : '',
      item.decision?.reason ?? '',
    ]),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(BOM + header + rows.join(''), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="grant-applications-${id.slice(0, 8)}-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
