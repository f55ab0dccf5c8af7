import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { CboClaim, CboPage, Province } from '@bandanh/contracts';
import { ClaimDecisionForms, type CboChoice } from '@/components/claim-decision-forms';
import { ClaimStatus } from '@/components/claim-status';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/cbos/claims';
/** The most the API lists at once: the choice of CBOs to confirm against. */
const CBO_LIMIT = 100;

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ decided?: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('claims');

/** Applicants' claims to belong to a CBO: pending ones first, to confirm or decline; decided ones below. */
export default async function ClaimsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const { decided } = await searchParams;
  const t = await getTranslations('claims');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'reviewClaims')) return <NotAllowed title={t('title')} />;
  const decider = can(account, 'decideClaims');

  let claims: CboClaim[];
  let cbos: CboPage;
  let provinces: Province[];
  try {
    [{ items: claims }, cbos, { items: provinces }] = await Promise.all([
      api(ROUTES.listCboClaims),
      api(ROUTES.listCbos, { query: { limit: CBO_LIMIT, offset: 0 } }),
      api(ROUTES.listProvinces),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const province = (code: string) => provinceName(byCode.get(code), locale) || code;
  const cboNames = new Map(cbos.items.map((cbo) => [cbo.id, cbo.name]));
  const choice = (cbo: CboPage['items'][number]): CboChoice => ({
    id: cbo.id,
    label: `${cbo.name} · ${province(cbo.provinceCode)}`,
  });
  // The API lists newest first: pending claims are answered oldest first.
  const pending = claims.filter((claim) => claim.status === 'pending').reverse();
  const done = claims.filter((claim) => claim.status !== 'pending');
  const justDecided = decided ? done.find((claim) => claim.id === decided) : undefined;

  const facts = (claim: CboClaim) => (
    <dl>
      <dt>{t('applicant')}</dt>
      <dd data-applicant-name>{claim.applicantName}</dd>
      <dt>{t('email')}</dt>
      <dd data-applicant-email>{claim.applicantEmail}</dd>
      <dt>{t('province')}</dt>
      <dd data-claim-province>{province(claim.provinceCode)}</dd>
      {claim.note && (
        <>
          <dt>{t('note')}</dt>
          <dd data-claim-note>{claim.note}</dd>
        </>
      )}
      <dt>{t('sentOn')}</dt>
      <dd>{format.dateTime(new Date(claim.createdAt), { dateStyle: 'medium' })}</dd>
    </dl>
  );

  return (
    <>
      <h1>{t('title')}</h1>
      {justDecided && (
        <p className="notice ok" role="status" data-decided>
          {justDecided.status === 'confirmed'
            ? t('confirmed', {
                name: justDecided.applicantName,
                cbo: cboNames.get(justDecided.cboId ?? '') ?? justDecided.cboName,
              })
            : t('declined', { name: justDecided.applicantName })}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      {decider && (
        <div className="actions">
          <Link href="/cbos/new">{t('recordCbo')}</Link>
        </div>
      )}
      {decider && cbos.total > cbos.items.length && (
        <p className="muted">{t('cboLimit', { count: cbos.items.length })}</p>
      )}

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('pendingTitle', { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <p>{t('nonePending')}</p>
        ) : (
          <ul className="list" data-pending-claims>
            {pending.map((claim) => (
              <li key={claim.id} data-claim-id={claim.id} data-status={claim.status}>
                <div className="name" data-claimed-name>
                  {claim.cboName}
                </div>
                {facts(claim)}
                {decider && (
                  <ClaimDecisionForms
                    locale={locale}
                    claimId={claim.id}
                    provinceName={province(claim.provinceCode)}
                    inProvince={cbos.items.filter((c) => c.provinceCode === claim.provinceCode).map(choice)}
                    elsewhere={cbos.items.filter((c) => c.provinceCode !== claim.provinceCode).map(choice)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {done.length > 0 && (
        <section aria-labelledby="decided-title">
          <h2 id="decided-title">{t('decidedTitle')}</h2>
          <ul className="list" data-decided-claims>
            {done.map((claim) => (
              <li key={claim.id} data-claim-id={claim.id} data-status={claim.status}>
                <div className="name">
                  {claim.cboName} <ClaimStatus status={claim.status} />
                </div>
                {facts(claim)}
                <dl>
                  {claim.status === 'confirmed' && claim.cboId && (
                    <>
                      <dt>{t('linkedTo')}</dt>
                      <dd>
                        <Link href={`/cbos/${claim.cboId}`}>{cboNames.get(claim.cboId) ?? t('openCbo')}</Link>
                      </dd>
                    </>
                  )}
                  {claim.status === 'declined' && (
                    <>
                      <dt>{t('reason')}</dt>
                      <dd>{claim.decisionReason}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
