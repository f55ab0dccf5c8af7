import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Partner } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { blankPartner, partnerValues } from '@/components/partners/partner-draft';
import { PartnerForm } from '@/components/partners/partner-form';
import styles from '@/components/partners/partners.module.css';
import { Unavailable } from '@/components/unavailable';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/partners';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ saved?: string; added?: string; replayed?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('partners');

/** The partner NGOs the hotline refers groups to; coordinators add and change them, inactive ones too. */
export default async function PartnersPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations();

  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readProgramme')) return <NotAllowed title={t('partners.title')} />;
  const editor = can(account, 'recordCbo');

  let partners: Partner[];
  try {
    ({ items: partners } = await api(ROUTES.listPartners, {
      query: { includeInactive: editor ? 'true' : undefined },
    }));
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('partners.title')} />;
    return <Unavailable title={t('partners.title')} message={t('partners.unavailable')} />;
  }
  const saved = query.saved ? partners.find((p) => p.id === query.saved) : undefined;
  const savedMessage = query.added
    ? 'partners.added'
    : query.replayed
      ? 'partners.alreadyAdded'
      : 'partners.saved';
  // Each rendering gets a new key: the add form starts afresh after each partner added.
  const idempotencyKey = randomUUID();

  return (
    <>
      <h1>{t('partners.title')}</h1>
      {saved && (
        <p className="notice ok" role="status" data-saved>
          {t(savedMessage, { name: saved.name })}
        </p>
      )}
      <p className="muted">{t('partners.intro')}</p>

      {partners.length === 0 ? (
        <p>{t('partners.empty')}</p>
      ) : (
        <ul className="list" data-partners>
          {partners.map((partner) => (
            <li key={partner.id} data-partner-id={partner.id} data-active={partner.active}>
              <div className="name">
                {partner.name}{' '}
                {!partner.active && <span className={styles.inactive}>{t('partners.inactive')}</span>}
              </div>
              <dl>
                <dt>{t('partners.expertise')}</dt>
                <dd data-expertise>
                  {partner.expertise.map((issue) => t(`focusIssues.${issue}`)).join(', ')}
                </dd>
                {partner.description && (
                  <>
                    <dt>{t('partners.description')}</dt>
                    <dd className={styles.text}>{partner.description}</dd>
                  </>
                )}
                {partner.contactName && (
                  <>
                    <dt>{t('partners.contactName')}</dt>
                    <dd>{partner.contactName}</dd>
                  </>
                )}
                {partner.phone && (
                  <>
                    <dt>{t('partners.phone')}</dt>
                    <dd>
                      <a href={`tel:${partner.phone.replace(/[^+\d]/g, '')}`}>{partner.phone}</a>
                    </dd>
                  </>
                )}
                {partner.email && (
                  <>
                    <dt>{t('partners.email')}</dt>
                    <dd>
                      <a href={`mailto:${partner.email}`}>{partner.email}</a>
                    </dd>
                  </>
                )}
              </dl>
              {editor && (
                <PartnerForm
                  key={`${partner.id}-${query.saved === partner.id ? idempotencyKey : ''}`}
                  locale={locale}
                  partnerId={partner.id}
                  values={partnerValues(partner)}
                  editLabel={t('partners.edit', { name: partner.name })}
                />
              )}
            </li>
          ))}
        </ul>
      )}

      {editor && (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{t('partners.addTitle')}</h2>
          <PartnerForm
            key={idempotencyKey}
            locale={locale}
            idempotencyKey={idempotencyKey}
            values={blankPartner()}
          />
        </section>
      )}
    </>
  );
}
