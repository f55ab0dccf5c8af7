import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { StaffRelationship } from '@bandanh/contracts';
import { DeclareRelationshipForm, RemoveRelationshipForm } from '@/components/grants/relationship-forms';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/account/relationships';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string; declared?: string; removed?: string }>;
};

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.relationships');

/**
 * The relationships with CBOs the reader has declared (they will never review those CBOs'
 * applications): each may be withdrawn; a search finds a CBO to declare one with.
 */
export default async function RelationshipsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('grants.relationships');
  const format = await getLocalFormat();
  const query = await searchParams;
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'declareRelationships')) return <NotAllowed title={t('title')} />;
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';

  let relationships: StaffRelationship[];
  let found: Array<{ id: string; name: string }> = [];
  try {
    ({ items: relationships } = await api(ROUTES.listMyRelationships));
    if (q) {
      // Those who read CBO records find any CBO; the others those of the public directory.
      found = can(account, 'readCbos')
        ? (await api(ROUTES.listCbos, { query: { q, limit: 20 } })).items.map((cbo) => ({
            id: cbo.id,
            name: locale === 'km' && cbo.nameKm ? `${cbo.nameKm} (${cbo.name})` : cbo.name,
          }))
        : (await api(ROUTES.searchDirectory, { query: { q, limit: 20 } })).items.map((entry) => ({
            id: entry.id,
            name: locale === 'km' && entry.nameKm ? `${entry.nameKm} (${entry.name})` : entry.name,
          }));
    }
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const declared = new Set(relationships.map((r) => r.cboId));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {query.declared && (
        <p className="notice ok" role="status" data-relationship-declared>
          {t('declared')}
        </p>
      )}
      {query.removed && (
        <p className="notice ok" role="status" data-relationship-removed>
          {t('removed')}
        </p>
      )}
      <h2>{t('mine')}</h2>
      {relationships.length === 0 ? (
        <p data-no-relationships>{t('none')}</p>
      ) : (
        <ul className="list" data-relationships>
          {relationships.map((relationship) => (
            <li key={relationship.cboId} data-relationship={relationship.cboId}>
              <div className="name">{relationship.cboName ?? relationship.cboId}</div>
              <p>{relationship.note}</p>
              <p className="muted">
                {t('declaredAt', {
                  date: format.dateTime(new Date(relationship.declaredAt), { dateStyle: 'medium' }),
                })}
              </p>
              <RemoveRelationshipForm locale={locale} cboId={relationship.cboId} />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('addTitle')}</h2>
      <form method="get" action={`/${locale}${PATH}`} className="card" data-cbo-search>
        <div className="field">
          <label htmlFor="cbo-search">{t('search')}</label>
          <input id="cbo-search" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit" className="secondary">
          {t('find')}
        </button>
      </form>
      {q && found.length === 0 && <p data-no-cbos>{t('noneFound')}</p>}
      {found.length > 0 && (
        <ul className="list" data-found-cbos>
          {found.map((cbo) => (
            <li key={cbo.id} data-found-cbo={cbo.id}>
              <div className="name">{cbo.name}</div>
              {declared.has(cbo.id) ? (
                <p className="muted">{t('already')}</p>
              ) : (
                <DeclareRelationshipForm locale={locale} cboId={cbo.id} cboName={cbo.name} />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
