import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findProvince, type DirectoryPage as Page } from '@bandanh/contracts';
import { DirectoryEntry } from '@/components/directory/directory-entry';
import { DirectorySearch } from '@/components/directory/directory-search';
import { PAGE_SIZE, directoryHref, filtersFrom } from '@/components/directory/filters';
import styles from '@/components/directory/directory.module.css';
import { Unavailable } from '@/components/unavailable';
import { getLocalFormat } from '@/i18n/local-format-server';
import { Link } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('directory');

/**
 * Public: the Network Participants, searched by name, province and issue. Server-rendered with
 * plain links and a GET form, so it is quick on a cheap phone and needs no JavaScript.
 */
export default async function DirectoryPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('directory');
  const format = await getLocalFormat();
  const filters = filtersFrom(await searchParams);

  let page: Page;
  try {
    page = await api(ROUTES.searchDirectory, {
      query: {
        q: filters.q || undefined,
        province: filters.province || undefined,
        issue: filters.issue || undefined,
        limit: PAGE_SIZE,
        offset: (filters.page - 1) * PAGE_SIZE,
      },
    });
  } catch {
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const filtered = Boolean(filters.q || filters.province || filters.issue);
  const province = findProvince(filters.province);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <DirectorySearch filters={filters} locale={locale} />
      <div className="actions">
        {/* A file, not a page: plain links, never prefetched. */}
        <a href={`/${locale}/directory/pdf`} data-pdf-all>
          {t('printAll')}
        </a>
        {province && (
          <a href={`/${locale}/directory/pdf?province=${province.code}`} data-pdf-province>
            {t('printProvince', { province: provinceName(province, locale) })}
          </a>
        )}
      </div>
      <p className="muted" data-directory-total={page.total}>
        {page.totalIsLowerBound
          ? t('totalMore', { count: format.number(page.total) })
          : t('total', { count: page.total, shown: format.number(page.total) })}
      </p>
      {page.items.length === 0 ? (
        <p data-directory-empty>
          {page.total > 0 ? (
            <>
              {t('pastEnd')}{' '}
              <Link href={directoryHref(filters, 1)} prefetch={false}>
                {t('firstPage')}
              </Link>
            </>
          ) : filtered ? (
            <>
              {t('noMatch')}{' '}
              <Link href="/directory" prefetch={false}>
                {t('clear')}
              </Link>
            </>
          ) : (
            t('empty')
          )}
        </p>
      ) : (
        <ul className={styles.entries} aria-label={t('title')}>
          {page.items.map((entry) => (
            <DirectoryEntry key={entry.id} entry={entry} locale={locale} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav
          className="pager"
          aria-label={t('page', { page: format.number(filters.page), pages: format.number(pages) })}
        >
          {filters.page > 1 ? (
            <Link
              href={directoryHref(filters, Math.min(filters.page - 1, pages))}
              prefetch={false}
              rel="prev"
            >
              {t('previous')}
            </Link>
          ) : (
            <span />
          )}
          <span className="muted">
            {t('page', { page: format.number(filters.page), pages: format.number(pages) })}
          </span>
          {filters.page < pages || page.totalIsLowerBound ? (
            <Link href={directoryHref(filters, filters.page + 1)} prefetch={false} rel="next">
              {t('next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
