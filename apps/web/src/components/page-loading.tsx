import { getTranslations } from 'next-intl/server';

/**
 * What a slow staff page shows while it waits for the API: streamed at once, with the header,
 * and replaced by the page when it comes. Only on pages that need no form and are not promised
 * to work without JavaScript: a browser without it never swaps the streamed page in, so the
 * applicant pages and the forms have no loading state. Each such `loading.tsx` re-exports this.
 */
export default async function PageLoading() {
  const t = await getTranslations('app');
  return (
    <p className="muted" role="status" data-loading>
      {t('loading')}
    </p>
  );
}
