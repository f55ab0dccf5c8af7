import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { localePath } from '@/i18n/paths';
import { routing } from '@/i18n/routing';
import { sessionToken } from '@/lib/session';

export const runtime = 'nodejs';

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The types an attachment may be (checked by content at upload); anything else goes as bytes. */
const TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * An application's attachment, streamed from the gateway as the reader (their session's token):
 * the gateway decides who may read it. Always a download, never shown inline, with the type the
 * content was checked to be.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; id: string; attachmentId: string }> },
) {
  const { locale, id, attachmentId } = await params;
  if (!hasLocale(routing.locales, locale) || !UUID.test(id) || !UUID.test(attachmentId))
    return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: 'grants.files' });
  const token = await sessionToken();
  const back = `/grants/applications/${id}`;
  const toSignIn = () =>
    new Response(null, {
      status: 303,
      headers: { location: localePath(locale, `/sign-in?next=${encodeURIComponent(back)}`) },
    });
  if (!token) return toSignIn();

  let answer: Response;
  try {
    answer = await fetch(
      `${GATEWAY_URL}/api/grants/applications/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}/file`,
      {
        headers: { authorization: `Bearer ${token}` },
        cache: 'no-store',
        signal: AbortSignal.timeout(60_000),
      },
    );
  } catch {
    return plain(502, t('unavailable'));
  }
  if (answer.status === 401) return toSignIn();
  if (answer.status === 403) return plain(403, t('notAllowed'));
  if (answer.status === 404) return plain(404, t('notFound'));
  if (!answer.ok || !answer.body) return plain(502, t('unavailable'));

  const type = answer.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  const headers = new Headers({
    'content-type': TYPES.has(type) ? type : 'application/octet-stream',
    'content-disposition':
      answer.headers.get('content-disposition')?.replace(/^\s*inline/i, 'attachment') ??
      `attachment; filename="${attachmentId}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
  const length = answer.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(answer.body, { headers });
}
