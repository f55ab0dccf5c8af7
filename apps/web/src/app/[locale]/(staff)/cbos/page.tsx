import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { CboPage, Province } from '@bandanh/contracts';
import { CboFacts } from '../../../../components/cbo-facts';
import { Link } from '../../../../i18n/navigation';
import { LinkCodeForm } from '../../../../components/link-code-form';
import { NotAllowed } from '../../../../components/not-allowed';
import { Unavailable } from '../../../../components/unavailable';
import { can } from '../../../../lib/access';
import { afterFailure, requireAccount } from '../../../../lib/auth';
import { gateway } from '../../../../lib/gateway';
import { localeOf } from '../../../../lib/locale';

const PAGE_SIZE = 20;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string; created?: string; replayed?: string; linked?: string }>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'cbos' });
  return { title: t('title') };
}

export default async function CboListPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations();
  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const path = page > 1 ? `/cbos?page=${page}` : '/cbos';

  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readCbos')) return <NotAllowed title={t('cbos.title')} />;
  const writer = can(account, 'recordCbo');

  let cbos: CboPage;
  let provinces: Province[];
  try {
    [cbos, { items: provinces }] = await Promise.all([
      gateway.listCbos(PAGE_SIZE, (page - 1) * PAGE_SIZE),
      gateway.listProvinces(),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, path) === 'notAllowed') return <NotAllowed title={t('cbos.title')} />;
    return <Unavailable title={t('cbos.title')} message={t('cbos.unavailable')} />;
  }

  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const justRecorded = query.created ? cbos.items.find((c) => c.id === query.created) : undefined;
  const pages = Math.max(1, Math.ceil(cbos.total / PAGE_SIZE));
  const unlinkedApplicant = account.kind === 'applicant' && !account.cboId;

  return (
    <>
      <h1>{t('cbos.title')}</h1>
      {justRecorded && (
        <p className="notice ok" role="status">
          {t(query.replayed ? 'cbos.alreadyRecorded' : 'cbos.created', { name: justRecorded.name })}
        </p>
      )}
      {query.linked && account.cboId && (
        <p className="notice ok" role="status">
          {t('cbos.linked')}
        </p>
      )}
      {unlinkedApplicant && (
        <section className="card" data-link-prompt>
          <p>{t('cbos.linkPrompt')}</p>
          <Link href="/account/link-cbo">{t('cbos.linkPromptAction')}</Link>
        </section>
      )}
      {!unlinkedApplicant && <p className="muted">{t('cbos.total', { count: cbos.total })}</p>}
      {writer && (
        <div className="actions">
          <Link href="/cbos/new">{t('nav.newCbo')}</Link>
        </div>
      )}
      {cbos.items.length === 0 ? (
        !unlinkedApplicant && <p>{t('cbos.empty')}</p>
      ) : (
        <ul className="list" aria-label={t('cbos.title')}>
          {cbos.items.map((cbo) => (
            <li key={cbo.id} data-cbo-id={cbo.id}>
              <div className="name">
                <Link href={`/cbos/${cbo.id}`}>{cbo.name}</Link>
              </div>
              <CboFacts cbo={cbo} province={byCode.get(cbo.provinceCode)} locale={locale} />
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
          {page > 1 ? <Link href={`/cbos?page=${page - 1}`}>{t('cbos.previous')}</Link> : <span />}
          <span className="muted">{t('cbos.page', { page, pages })}</span>
          {page < pages ? <Link href={`/cbos?page=${page + 1}`}>{t('cbos.next')}</Link> : <span />}
        </nav>
      )}
    </>
  );
}
