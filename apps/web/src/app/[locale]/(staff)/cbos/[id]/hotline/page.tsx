import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Cbo, HotlineCall, Partner } from '@bandanh/contracts';
import { CorrectCallForm } from '@/components/hotline/correct-call-form';
import { HotlineForm } from '@/components/hotline/hotline-form';
import { localInPhnomPenh, nowInPhnomPenh } from '@/components/hotline/hotline-draft';
import styles from '@/components/hotline/hotline.module.css';
import { ReferralStatus } from '@/components/referrals/referral-status';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { getLocalFormat } from '@/i18n/local-format-server';

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ logged?: string; replayed?: string; corrected?: string; correct?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('hotline');

/** A CBO's hotline: its calls and referrals newest first, and (for coordinators) the form to log one. */
export default async function HotlinePage({ params, searchParams }: Props) {
  const { locale: requested, id } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const { logged, replayed, corrected, correct } = await searchParams;
  const t = await getTranslations();
  const format = await getLocalFormat();
  const path = `/cbos/${encodeURIComponent(id)}/hotline`;

  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readProgramme')) return <NotAllowed title={t('hotline.title')} />;
  const writer = can(account, 'recordCbo');

  let cbo: Cbo;
  let calls: HotlineCall[];
  let partners: Partner[];
  try {
    [{ cbo }, { items: calls }, { items: partners }] = await Promise.all([
      api(ROUTES.getCbo, { params: { id } }),
      api(ROUTES.listCboHotline, { params: { id } }),
      writer ? api(ROUTES.listPartners) : { items: [] },
    ]);
  } catch (error) {
    // A malformed id is a page that does not exist, like a CBO that is not there.
    if (error instanceof GatewayError && error.status === 400) notFound();
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('hotline.title')} />;
    return <Unavailable title={t('hotline.title')} message={t('hotline.unavailable')} />;
  }

  // A new key for each rendering: the form starts afresh after each call logged.
  const idempotencyKey = randomUUID();
  const name = locale === 'km' && cbo.nameKm ? cbo.nameKm : cbo.name;
  const justLogged = logged ? calls.find((c) => c.id === logged) : undefined;
  const correcting = correct ? calls.find((c) => c.id === correct) : undefined;
  const expertise = (partner: Partner) =>
    partner.expertise.map((issue) => t(`focusIssues.${issue}`)).join(', ');

  return (
    <>
      <p>
        <Link href={`/cbos/${cbo.id}`}>{t('hotline.back', { name })}</Link>
      </p>
      <h1>{t('hotline.heading', { name })}</h1>
      {justLogged && (
        <p className="notice ok" role="status" data-logged>
          {t(replayed ? 'hotline.alreadyLogged' : 'hotline.logged')}
          {justLogged.referral && ` ${t('hotline.followUp', { partner: justLogged.referral.partnerName })}`}
        </p>
      )}

      {corrected && calls.some((c) => c.id === corrected) && (
        <p className="notice ok" role="status" data-corrected>
          {t('hotline.corrected')}
        </p>
      )}

      {writer && correcting && (
        <section aria-labelledby="correct-title" data-correcting={correcting.id}>
          <h2 id="correct-title">
            {t('hotline.correctTitle', {
              caller: correcting.callerName,
              date: format.dateTime(new Date(correcting.occurredAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </h2>
          <CorrectCallForm
            key={correcting.id}
            locale={locale}
            cboId={cbo.id}
            callId={correcting.id}
            max={`${nowInPhnomPenh().slice(0, 10)}T23:59`}
            values={{
              channel: correcting.channel,
              callerName: correcting.callerName,
              occurredAt: localInPhnomPenh(correcting.occurredAt),
              issue: correcting.issue,
              summary: correcting.summary,
              guidance: correcting.guidance,
              note: '',
            }}
          />
          <p>
            <Link href={path}>{t('hotline.cancelCorrection')}</Link>
          </p>
        </section>
      )}

      {writer && (
        <section aria-labelledby="log-title">
          <h2 id="log-title">{t('hotline.logTitle')}</h2>
          <HotlineForm
            key={idempotencyKey}
            locale={locale}
            cboId={cbo.id}
            idempotencyKey={idempotencyKey}
            now={nowInPhnomPenh()}
            partners={partners.map((p) => ({ id: p.id, label: `${p.name} (${expertise(p)})` }))}
          />
          {partners.length === 0 && (
            <p>
              <Link href="/partners">{t('hotline.addPartner')}</Link>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="calls-title">
        <h2 id="calls-title">{t('hotline.callsTitle', { count: calls.length })}</h2>
        {calls.length === 0 ? (
          <p>{t('hotline.noCalls')}</p>
        ) : (
          <ul className={`list ${styles.calls}`} data-calls>
            {calls.map((call) => (
              <li key={call.id} data-call-id={call.id}>
                <div className="name">
                  {t(`hotline.channels.${call.channel}`)} · {call.callerName}{' '}
                  <span className={styles.when}>
                    {format.dateTime(new Date(call.occurredAt), { dateStyle: 'medium', timeStyle: 'short' })}
                  </span>
                </div>
                <dl>
                  <dt>{t('hotline.issue')}</dt>
                  <dd>{t(`focusIssues.${call.issue}`)}</dd>
                  <dt>{t('hotline.summary')}</dt>
                  <dd className={styles.text}>{call.summary}</dd>
                  <dt>{t('hotline.guidance')}</dt>
                  <dd className={styles.text}>{call.guidance}</dd>
                </dl>
                {call.correctedAt && (
                  <p className={styles.corrected} data-corrected-at={call.correctedAt}>
                    {t('hotline.correctedOn', {
                      date: format.dateTime(new Date(call.correctedAt), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }),
                    })}
                  </p>
                )}
                {writer && (
                  <p>
                    <Link href={`${path}?correct=${call.id}`} data-correct={call.id}>
                      {t('hotline.correct')}
                    </Link>
                  </p>
                )}
                {call.referral && (
                  <div className={styles.referralBox} data-referral-id={call.referral.id}>
                    <div>
                      {t('hotline.referredTo', { partner: call.referral.partnerName })}{' '}
                      <ReferralStatus referral={call.referral} />
                    </div>
                    <dl>
                      <dt>{t('hotline.reason')}</dt>
                      <dd className={styles.text}>{call.referral.reason}</dd>
                      {call.referral.outcomeNote && (
                        <>
                          <dt>{t('hotline.outcomeNote')}</dt>
                          <dd className={styles.text}>{call.referral.outcomeNote}</dd>
                        </>
                      )}
                      {call.referral.outcomeAt && (
                        <>
                          <dt>{t('hotline.outcomeAt')}</dt>
                          <dd>
                            {format.dateTime(new Date(call.referral.outcomeAt), { dateStyle: 'medium' })}
                          </dd>
                        </>
                      )}
                    </dl>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
