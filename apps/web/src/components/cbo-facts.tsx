import { getTranslations } from 'next-intl/server';
import type { Cbo, Province } from '@bandanh/contracts';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { provinceName } from '@/lib/provinces';
import styles from './cbo-facts.module.css';
import { getLocalFormat } from '@/i18n/local-format-server';

/**
 * A CBO's facts in the reader's language. In a list: where, the issues, the stage and when it
 * was recorded. On its page (`full`): also the rest of where, its purpose, members and
 * contacts, what it does, and how, when and by whom it was found.
 *
 * A member of the CBO (`reader="member"`) reads what the group is: never the staff's own
 * record of it (how, when and by whom it was found, when it was recorded); its stage is on
 * their page in their words.
 */
export async function CboFacts({
  cbo,
  province,
  locale,
  className,
  full = false,
  foundBy,
  reader = 'staff',
}: {
  cbo: Cbo;
  province: Province | undefined;
  locale: string;
  className?: string;
  full?: boolean;
  /** Who found it, as the reader may know them (their name, or "you"). */
  foundBy?: string;
  /** Who reads: staff (everything), or a member of the CBO (no staff-only facts). */
  reader?: 'staff' | 'member';
}) {
  const t = await getTranslations();
  const format = await getLocalFormat();
  const stage = cbo.stage ?? 'starting';
  const place = full
    ? [cbo.village, cbo.commune, cbo.district, provinceName(province, locale)].filter(Boolean).join(', ')
    : provinceName(province, locale);
  const numberingSystem = numberingSystemOf(locale);
  const date = (value: string) => format.dateTime(new Date(value), { dateStyle: 'medium', numberingSystem });
  const staff = reader === 'staff';
  return (
    <dl className={className}>
      <dt>{t(full ? 'cbo.location' : 'cbos.province')}</dt>
      <dd>{place}</dd>
      <dt>{t('cbos.focusIssues')}</dt>
      <dd data-focus-issues>{cbo.focusIssues.map((issue) => t(`focusIssues.${issue}`)).join(', ')}</dd>
      {full && (
        <>
          <dt>{t('cbo.purpose')}</dt>
          <dd>{t(`form.purposes.${cbo.purpose}`)}</dd>
          <dt>{t('cbo.members')}</dt>
          <dd>
            {cbo.membersCount === null
              ? t('cbo.unknown')
              : format.number(cbo.membersCount, { numberingSystem })}
          </dd>
          <dt>{t('cbo.contacts')}</dt>
          <dd>
            {cbo.contacts.length === 0 ? (
              t('cbo.noContacts')
            ) : (
              <ul className={styles.contacts} data-contacts>
                {cbo.contacts.map((contact, index) => (
                  <li key={index}>
                    {contact.name}
                    {contact.role && <span className="muted"> ({contact.role})</span>}
                    {contact.phone && (
                      <>
                        {' · '}
                        <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <span className="muted">
              {t(cbo.publishContacts ? 'cbo.contactsPublished' : 'cbo.contactsPrivate')}
            </span>
          </dd>
          {cbo.about && (
            <>
              <dt>{t('cbo.about')}</dt>
              <dd>{cbo.about}</dd>
            </>
          )}
        </>
      )}
      {staff && (
        <>
          <dt>{t('cbos.foundVia')}</dt>
          <dd data-found-via>
            {t(`foundVia.${cbo.foundVia}`)}
            {full &&
              ` · ${t('cbo.foundOn', { date: date(cbo.foundOn) })}${foundBy ? ` · ${t('cbo.foundBy', { name: foundBy })}` : ''}`}
          </dd>
          <dt>{t('cbos.stage')}</dt>
          <dd>
            <span className="stage" data-stage={stage}>
              {t(`stages.${stage}`)}
            </span>
          </dd>
          <dt>{t('cbos.recordedOn')}</dt>
          <dd>{date(cbo.createdAt)}</dd>
        </>
      )}
    </dl>
  );
}
