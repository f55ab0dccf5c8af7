import { getTranslations } from 'next-intl/server';
import type { GrantApplication } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { Link } from '@/i18n/navigation';
import { RemoveFile } from './remove-file';
import { Uploader } from './uploader';
import { UPLOAD_ERROR_KEYS, type UploadErrorKey } from './upload-errors';
import styles from './grants-member.module.css';

/** The attachments step: the files attached, each with a remove button, and the upload form. */
export async function FilesStep({
  application,
  locale,
  uploaded,
  removed,
  fileError,
}: {
  application: GrantApplication;
  locale: string;
  uploaded: boolean;
  removed: boolean;
  fileError?: string;
}) {
  const t = await getTranslations('grantsMember');
  const format = await getLocalFormat();
  const error = UPLOAD_ERROR_KEYS.includes(fileError as UploadErrorKey)
    ? (fileError as UploadErrorKey)
    : undefined;
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('files.mb', { n: format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) })
      : t('files.kb', { n: format.number(Math.max(1, Math.round(bytes / 1024))) });
  return (
    <>
      {uploaded && (
        <p className="notice ok" role="status" data-uploaded>
          {t('files.uploaded')}
        </p>
      )}
      {removed && (
        <p className="notice ok" role="status">
          {t('files.removed')}
        </p>
      )}
      <section className="card" aria-labelledby="files-title">
        <h2 id="files-title">{t('files.title')}</h2>
        <p className="hint">{t('files.intro')}</p>
        {application.attachments.length === 0 ? (
          <p className="muted">{t('files.none')}</p>
        ) : (
          <ul className={styles.files} data-attachments>
            {application.attachments.map((file) => (
              <li key={file.id} data-attachment={file.id}>
                <span className={styles.fileName}>
                  <strong>{t(`files.kinds.${file.kind}`)}</strong> · {file.fileName}{' '}
                  <span className="muted" data-attachment-size={file.size}>
                    ({size(file.size)})
                  </span>
                </span>
                <RemoveFile
                  locale={locale}
                  applicationId={application.id}
                  attachmentId={file.id}
                  label={t('files.remove')}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Uploader locale={locale} applicationId={application.id} initialError={error} />
      <div className="actions">
        <Link
          className={styles.linkButton}
          href={`/my-cbo/grants/${application.id}?step=review`}
          data-files-next
        >
          {t('files.next')}
        </Link>
        <Link href={`/my-cbo/grants/${application.id}?step=budget`}>{t('files.back')}</Link>
      </div>
    </>
  );
}
