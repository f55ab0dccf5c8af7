import { visitorHeaders } from '@/lib/web-proxy';

const GATEWAY_URL = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

/** A feed's file name: its secret token and `.ics`, as the gateway's route takes it. */
const FEED_FILE = /^([A-Za-z0-9_-]{16,128})\.ics$/;

/**
 * A trainer's calendar feed at the web's own address (`/calendar/<token>.ics`), the one people
 * reach: a calendar app subscribes to it and asks again now and then. The gateway answers it;
 * this passes the answer on as it is (the feed, 404 for an unknown token, 429 when asked too often).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = FEED_FILE.exec(file)?.[1];
  if (!token) return new Response('Not a calendar feed\n', { status: 404, headers: plain });
  let answer: Response;
  try {
    answer = await fetch(`${GATEWAY_URL}/api/training/calendar/${token}.ics`, {
      headers: await visitorHeaders(),
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return new Response('The calendar is not reachable right now; try again later\n', {
      status: 503,
      headers: { ...plain, 'retry-after': '300' },
    });
  }
  const type = answer.ok ? 'text/calendar; charset=utf-8' : plain['content-type'];
  const body = answer.ok
    ? await answer.text()
    : `${(await answer.json().catch(() => null))?.message ?? 'Not found'}\n`;
  return new Response(body, {
    status: answer.status,
    headers: { 'content-type': type, 'cache-control': 'private, no-store', ...retryAfter(answer) },
  });
}

const plain = { 'content-type': 'text/plain; charset=utf-8' } as const;

function retryAfter(answer: Response): Record<string, string> {
  const value = answer.headers.get('retry-after');
  return value ? { 'retry-after': value } : {};
}
