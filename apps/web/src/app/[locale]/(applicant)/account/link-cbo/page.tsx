import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { CboClaim, Province } from '@bandanh/contracts';
import { ClaimCboForm } from '@/components/claim-cbo-form';
import { ClaimStatus } from '@/components/claim-status';
import { LinkCboForm } from '@/components/link-cbo-form';
import { NotAllowed } from '@/components/not-allowed';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/account/link-cbo';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ claimed?: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('linkCbo');

/** Two ways to link an account to its CBO: the coordinator's code, or a claim they confirm; and the claims so far. */
export default async function LinkCboPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const { claimed } = await searchParams;
  const t = await getTranslations('linkCbo');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'linkCbo')) return <NotAllowed title={t('title')} />;

  if (account.cboId) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice ok" role="status">
          {t('alreadyLinked')}
        </p>
        <Link href="/my-cbo">{t('seeCbo')}</Link>
      </>
    );
  }

  let claims: CboClaim[];
  let provinces: Province[];
  try {
    [{ items: claims }, { items: provinces }] = await Promise.all([
      api(ROUTES.listCboClaims),
      api(ROUTES.listProvinces),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const pending = claims.find((claim) => claim.status === 'pending');

  return (
    <>
      <h1>{t('title')}</h1>
      {claimed && pending && (
        <p className="notice ok" role="status" data-claim-sent>
          {t('claimSent', { name: pending.cboName })}
        </p>
      )}

      <section aria-labelledby="code-title">
        <h2 id="code-title">{t('codeTitle')}</h2>
        <p className="muted">{t('intro')}</p>
        <LinkCboForm locale={locale} />
      </section>

      <section aria-labelledby="claim-title">
        <h2 id="claim-title">{t('claimTitle')}</h2>
        {pending ? (
          <p className="muted" data-claim-waiting>
            {t('claimWaiting')}
          </p>
        ) : (
          <>
            <p className="muted">{t('claimIntro')}</p>
            <ClaimCboForm
              locale={locale}
              idempotencyKey={randomUUID()}
              provinces={provinces.map((p) => ({ code: p.code, name: provinceName(p, locale) }))}
            />
          </>
        )}
      </section>

      {claims.length > 0 && (
        <section aria-labelledby="claims-title">
          <h2 id="claims-title">{t('claimsTitle')}</h2>
          <ul className="list" data-my-claims>
            {claims.map((claim) => (
              <li key={claim.id} data-claim-id={claim.id} data-status={claim.status}>
                <div className="name">{claim.cboName}</div>
                <dl>
                  <dt>{t('province')}</dt>
                  <dd>{provinceName(byCode.get(claim.provinceCode), locale) || claim.provinceCode}</dd>
                  <dt>{t('sentOn')}</dt>
                  <dd>
                    {format.dateTime(new Date(claim.createdAt), {
                      dateStyle: 'medium',
                      numberingSystem: numberingSystemOf(locale),
                    })}
                  </dd>
                  <dt>{t('status')}</dt>
                  <dd>
                    <ClaimStatus status={claim.status} />
                  </dd>
                  {claim.status === 'declined' && claim.decisionReason && (
                    <>
                      <dt>{t('declinedBecause')}</dt>
                      <dd data-decline-reason>{claim.decisionReason}</dd>
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
