import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PIPELINE_STAGES, ProvinceCode, type CboPage, type Province } from '@bandanh/contracts';
import { FilterSelect } from '@/components/filter-select';
import { CboFacts } from '@/components/cbo-facts';
import { LinkCodeForm } from '@/components/link-code-form';
import { NotAllowed } from '@/components/not-allowed';
import { CboName } from '@/components/pipeline/cbo-name';
import { Unavailable } from '@/components/unavailable';
import { Link, redirect } from '@/i18n/navigation';
import { can, homeFor } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import styles from './cbos.module.css';

const PAGE_SIZE = 20;

type Query = {
  page?: string;
  created?: string;
  /** Set after recording in a province whose expansion phase has not opened. */
  notOpen?: string;
  replayed?: string;
  stage?: string;
  province?: string;
  q?: string;
};
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Query> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('cbos');

/** The filters the address names, each kept only when the API would take it. */
function filtersOf(query: Query) {
  const stage = PIPELINE_STAGES.find((s) => s === query.stage);
  const province = ProvinceCode.safeParse(query.province);
  const q = query.q?.trim().slice(0, 100);
  return { stage, province: province.success ? province.data : undefined, q: q || undefined };
}

export default async function CboListPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations();
  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const filters = filtersOf(query);
  const filtered = Boolean(filters.stage || filters.province || filters.q);
  const hrefFor = (pageNumber: number) => ({
    pathname: '/cbos',
    query: Object.fromEntries(
      Object.entries({ ...filters, page: pageNumber > 1 ? String(pageNumber) : undefined }).filter(
        (entry): entry is [string, string] => Boolean(entry[1]),
      ),
    ),
  });
  const search = new URLSearchParams(hrefFor(page).query).toString();
  const path = search ? `/cbos?${search}` : '/cbos';

  const { account } = await requireAccount(locale, path);
  // The list is staff's: a CBO member is sent to their group's page (or to link it).
  if (account.kind === 'applicant') return redirect({ href: homeFor(account), locale });
  if (!can(account, 'readCbos')) return <NotAllowed title={t('cbos.title')} />;
  const writer = can(account, 'recordCbo');

  let cbos: CboPage;
  let provinces: Province[];
  try {
    [cbos, { items: provinces }] = await Promise.all([
      api(ROUTES.listCbos, {
        query: {
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
          stage: filters.stage,
          provinceCode: filters.province,
          q: filters.q,
        },
      }),
      api(ROUTES.listProvinces),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, path) === 'notAllowed') return <NotAllowed title={t('cbos.title')} />;
    return <Unavailable title={t('cbos.title')} message={t('cbos.unavailable')} />;
  }

  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const justRecorded = query.created ? cbos.items.find((c) => c.id === query.created) : undefined;
  const pages = Math.max(1, Math.ceil(cbos.total / PAGE_SIZE));

  return (
    <>
      <h1>{t('cbos.title')}</h1>
      {justRecorded && (
        <p className="notice ok" role="status">
          {t(query.replayed ? 'cbos.alreadyRecorded' : 'cbos.created', { name: justRecorded.name })}
        </p>
      )}
      {justRecorded && query.notOpen && (
        <p className="notice error" role="status" data-province-not-open>
          {t('cbos.provinceNotOpen', {
            province: provinceName(byCode.get(justRecorded.provinceCode), locale),
          })}
        </p>
      )}
      <form method="get" action={`/${locale}/cbos`} className={styles.filters} role="search" data-cbo-filters>
        <div className="field">
          <label htmlFor="q">{t('cbos.search')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
        </div>
        <FilterSelect
          id="stage"
          name="stage"
          label={t('cbos.stage')}
          any={t('cbos.anyStage')}
          value={filters.stage}
          choices={PIPELINE_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
        />
        <FilterSelect
          id="province"
          name="province"
          label={t('cbos.province')}
          any={t('cbos.anyProvince')}
          value={filters.province}
          choices={provinces.map((province) => ({
            value: province.code,
            label: provinceName(province, locale),
          }))}
        />
        <div className={styles.buttons}>
          <button type="submit" className="secondary">
            {t('cbos.filter')}
          </button>
          {filtered && <Link href="/cbos">{t('cbos.clearFilters')}</Link>}
        </div>
      </form>
      <p className="muted">{t(filtered ? 'cbos.found' : 'cbos.total', { count: cbos.total })}</p>
      {writer && (
        <div className="actions">
          <Link href="/cbos/new">{t('nav.newCbo')}</Link>
        </div>
      )}
      {cbos.items.length === 0 ? (
        <p>{t(filtered ? 'cbos.noneFound' : 'cbos.empty')}</p>
      ) : (
        <ul className="list" aria-label={t('cbos.title')}>
          {cbos.items.map((cbo) => (
            <li key={cbo.id} data-cbo-id={cbo.id}>
              <div className="name">
                <Link href={`/cbos/${cbo.id}`}>
                  <CboName name={cbo.name} nameKm={cbo.nameKm} />
                </Link>
              </div>
              <CboFacts cbo={cbo} province={byCode.get(cbo.provinceCode)} locale={locale} />
              {cbo.possibleDuplicateOf && (
                <p className="notice error" data-possible-duplicate={cbo.possibleDuplicateOf}>
                  {t('cbos.possibleDuplicate')}{' '}
                  <Link href={`/cbos/${cbo.possibleDuplicateOf}`}>{t('cbos.seeExisting')}</Link>
                </p>
              )}
              {writer && (
                <LinkCodeForm
                  locale={locale}
                  cboId={cbo.id}
                  cboName={cbo.name}
                  permalink={`/${locale}${path}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('cbos.page', { page, pages })}>
          {page > 1 ? <Link href={hrefFor(page - 1)}>{t('cbos.previous')}</Link> : <span />}
          <span className="muted">{t('cbos.page', { page, pages })}</span>
          {page < pages ? <Link href={hrefFor(page + 1)}>{t('cbos.next')}</Link> : <span />}
        </nav>
      )}
    </>
  );
}
