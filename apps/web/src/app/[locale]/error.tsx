'use client';

import { useErrorText } from '@/i18n/error-text';

/** When a page cannot be shown (most often: the system is not answering), say so and offer to try again. */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useErrorText();
  return (
    <>
      <h1>{t.title}</h1>
      <p className="notice error" role="alert">
        {t.message}
      </p>
      <button type="button" className="primary" onClick={() => retry()}>
        {t.retry}
      </button>
    </>
  );
}
