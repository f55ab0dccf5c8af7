'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Upload, type DetailedError } from 'tus-js-client';
import { ATTACHMENT_KINDS, ATTACHMENT_TYPES } from '@bandanh/contracts/constants';
import { useLocalFormat } from '@/i18n/use-local-format';
import { uploadErrorOf, type UploadErrorKey } from './upload-errors';
import styles from './grants-member.module.css';

interface Props {
  locale: string;
  applicationId: string;
  /** An error the page came back with, after an upload without JavaScript. */
  initialError?: UploadErrorKey;
}

/** Tries again after a dropped connection: at once, then after 1, 3, 5… seconds (about 3 minutes in all). */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000];
/** Sent in pieces, so a cut costs at most one piece on a slow line. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Adds a file to the application. Without JavaScript it is a plain form that posts the file in
 * one request; with it, the file goes up resumably (tus) with a progress bar, takes up again
 * after a dropped connection, and even after a reload: the phone remembers where it was.
 */
export function Uploader({ locale, applicationId, initialError }: Props) {
  const t = useTranslations('grantsMember.files');
  const format = useLocalFormat();
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<UploadErrorKey | undefined>(initialError);
  const [state, setState] = useState<'idle' | 'uploading' | 'waiting' | 'done'>('idle');
  const upload = useRef<Upload | null>(null);
  // Only a page with JavaScript resumes an upload: without it the hint does not promise it.
  const [resumable, setResumable] = useState(false);
  useEffect(() => setResumable(true), []);

  // A connection that comes back after the retries gave up starts the upload again where it stopped.
  useEffect(() => {
    const online = () => {
      if (upload.current && state === 'waiting') {
        setState('uploading');
        upload.current.start();
      }
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [state]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (state === 'uploading') return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const kind = String(data.get('kind') ?? '');
    const file = data.get('file');
    if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind)) return setError('kindRequired');
    if (!(file instanceof File) || file.size === 0) return setError('fileRequired');
    setError(undefined);
    setState('uploading');
    setProgress({ sent: 0, total: file.size });
    const started = new Upload(file, {
      endpoint: `${window.location.origin}/api/uploads`,
      retryDelays: RETRY_DELAYS,
      chunkSize: CHUNK_BYTES,
      metadata: {
        applicationId,
        kind,
        filename: file.name,
        filetype: file.type || 'application/octet-stream',
      },
      fingerprint: async (source) => {
        const f = source as File;
        return ['bandanh-grant', applicationId, kind, f.name, f.type, f.size, f.lastModified].join('/');
      },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => setProgress({ sent, total }),
      onShouldRetry: (err) => {
        const status = (err as DetailedError).originalResponse?.getStatus() ?? 0;
        // Refusals are final; a dropped connection, a busy or restarting server is not.
        return (
          status === 0 ||
          status >= 500 ||
          status === 423 ||
          (status === 409 &&
            !/not_editable|attachments_too_large/.test(
              (err as DetailedError).originalResponse?.getBody() ?? '',
            ))
        );
      },
      onError: (err) => {
        const response = (err as DetailedError).originalResponse;
        const status = response?.getStatus() ?? 0;
        if (status === 0 || status >= 500) {
          // Out of retries with no network: wait for it to come back.
          setState('waiting');
          return;
        }
        setState('idle');
        setError(uploadErrorOf(status, response?.getBody() ?? ''));
      },
      onSuccess: () => {
        setState('done');
        window.location.assign(`/${locale}/my-cbo/grants/${applicationId}?step=files&uploaded=1`);
      },
    });
    upload.current = started;
    const previous = await started.findPreviousUploads().catch(() => []);
    if (previous[0]) started.resumeFromPreviousUpload(previous[0]);
    started.start();
  };

  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.sent) / progress.total) : 0;
  const size = (bytes: number) => format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 });

  return (
    <form
      method="post"
      action="/api/grant-files"
      encType="multipart/form-data"
      onSubmit={onSubmit}
      className="card"
      noValidate
      data-upload-form
    >
      <h2>{t('addTitle')}</h2>
      {error && (
        <p className="notice error" role="alert" data-upload-error={error}>
          {t(`errors.${error}`)}
        </p>
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="field">
        <label htmlFor="upload-kind">{t('kind')}</label>
        <select id="upload-kind" name="kind" defaultValue="" aria-invalid={error === 'kindRequired'}>
          <option value="">{t('chooseKind')}</option>
          {ATTACHMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="upload-file">{t('file')}</label>
        <input
          id="upload-file"
          type="file"
          name="file"
          accept={ATTACHMENT_TYPES.join(',')}
          aria-describedby="upload-file-hint"
          aria-invalid={error === 'fileRequired' || error === 'fileType' || error === 'fileTooLarge'}
        />
        <span className="hint" id="upload-file-hint">
          {t('fileHint')}
          {resumable && ` ${t('resumeHint')}`}
        </span>
      </div>
      {progress && state !== 'idle' && (
        <div role="status" aria-live="polite" data-upload-progress={percent} data-upload-state={state}>
          <progress className={styles.progress} max={100} value={percent}>
            {percent}%
          </progress>
          <p>
            {state === 'waiting'
              ? t('waiting')
              : t('progress', {
                  percent: format.number(percent),
                  sent: size(progress.sent),
                  total: size(progress.total),
                })}
          </p>
        </div>
      )}
      <button type="submit" className="primary" disabled={state === 'uploading'} data-upload-submit>
        {state === 'uploading' ? t('uploading') : t('upload')}
      </button>
    </form>
  );
}
