import { getTranslations } from 'next-intl/server';
import { findProvince, type DirectoryEntry as Entry } from '@bandanh/contracts';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { provinceName } from '@/lib/provinces';
import styles from './directory.module.css';
import { getLocalFormat } from '@/i18n/local-format-server';

/** A phone number as a `tel:` link: digits and a leading plus only. */
const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/**
 * One Network Participant: its Khmer name first and large (how members and neighbours know it),
 * its Latin name, where it is, its issues, members and activities, and the contacts it agreed
 * to publish (the API leaves out the others).
 */
export async function DirectoryEntry({ entry, locale }: { entry: Entry; locale: string }) {
  const t = await getTranslations();
  const format = await getLocalFormat();
  // One numeral style per locale: Khmer digits in Khmer.
  const numberingSystem = numberingSystemOf(locale);
  const place = [
    entry.village,
    entry.commune,
    entry.district,
    provinceName(findProvince(entry.provinceCode), locale),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className={styles.entry} data-directory-entry={entry.id}>
      <h2 className={styles.name} lang={entry.nameKm ? 'km' : undefined}>
        {entry.nameKm ?? entry.name}
      </h2>
      {entry.nameKm && (
        <p className={styles.latin} lang="en">
          {entry.name}
        </p>
      )}
      <dl className="facts">
        <dt>{t('directory.place')}</dt>
        <dd>{place}</dd>
        <dt>{t('directory.issues')}</dt>
        <dd>{entry.focusIssues.map((issue) => t(`focusIssues.${issue}`)).join(', ')}</dd>
        {entry.membersCount !== null && (
          <>
            <dt>{t('directory.members')}</dt>
            <dd>{format.number(entry.membersCount, { numberingSystem })}</dd>
          </>
        )}
        {entry.activities && (
          <>
            <dt>{t('directory.activities')}</dt>
            <dd className={styles.activities}>{entry.activities}</dd>
          </>
        )}
        {entry.contacts.length > 0 && (
          <>
            <dt>{t('directory.contacts')}</dt>
            <dd>
              <ul className={styles.contacts}>
                {entry.contacts.map((contact, i) => (
                  <li key={i}>
                    {contact.name}
                    {contact.role && <span className="muted"> ({contact.role})</span>}
                    {contact.phone && (
                      <>
                        {' '}
                        <a href={telHref(contact.phone)}>{contact.phone}</a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {entry.participantSince && (
          <>
            <dt>{t('directory.since')}</dt>
            <dd>
              {format.dateTime(new Date(entry.participantSince), { dateStyle: 'medium', numberingSystem })}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
