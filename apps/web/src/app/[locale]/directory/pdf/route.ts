import {
  FOCUS_ISSUES,
  findProvince,
  isProvinceCode,
  type DirectoryEntry,
  type FocusIssue,
} from '@bandanh/contracts';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { ZodError } from 'zod';
import { routing } from '@/i18n/routing';
import { renderDirectoryPdf } from '@/lib/directory-pdf';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { provinceName } from '@/lib/provinces';

/** The PDF is written with Node's file system, zlib and WebAssembly. */
export const runtime = 'nodejs';

const PAGE_SIZE = 100;
/** A bound on the pages asked for, should the gateway's total never be reached. */
const MAX_PAGES = 2_000;

/** Every directory entry, or every entry of one province, page by page from the public directory API. */
async function fetchDirectory(province: string | undefined): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, total, totalIsLowerBound } = await api(ROUTES.searchDirectory, {
      query: { province, limit: PAGE_SIZE, offset: entries.length },
    });
    entries.push(...items);
    // The count stops at a cap on a large directory: then the short page is the end.
    if (items.length < PAGE_SIZE || (!totalIsLowerBound && entries.length >= total)) break;
  }
  return entries;
}

/**
 * A rendered PDF is kept for a minute per language and province, and requests that come
 * while it renders wait for the same rendering: the route is public, and a whole directory is
 * seconds of CPU, so many requests at once cost one rendering, not one each.
 */
const KEEP_MS = 60_000;
const rendered = new Map<string, { at: number; pdf: Promise<Buffer> }>();

function once(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const now = Date.now();
  for (const [old, entry] of rendered) if (now - entry.at > KEEP_MS) rendered.delete(old);
  const kept = rendered.get(key);
  if (kept) return kept.pdf;
  const pdf = render();
  rendered.set(key, { at: now, pdf });
  // A failure is not kept: the next request tries again.
  pdf.catch(() => rendered.delete(key));
  return pdf;
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The Network Directory as a printable PDF: `?province=KH-2` for one province, else all of them. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: 'directoryPdf' });

  const province = request.nextUrl.searchParams.get('province')?.trim() || undefined;
  if (province !== undefined && !isProvinceCode(province)) return plain(400, t('badProvince'));

  let pdf: Buffer;
  try {
    pdf = await once(`${locale}:${province ?? 'all'}`, async () =>
      renderDirectoryPdf({
        locale,
        entries: await fetchDirectory(province),
        title: t('title'),
        subtitle: province
          ? t('subtitleProvince', { province: provinceName(findProvince(province), locale) })
          : t('subtitleAll'),
        generatedOn: t('generatedOn', { date: new Date() }),
        labels: {
          issues: t('issues'),
          members: t('members'),
          location: t('location'),
          contacts: t('contacts'),
          activities: t('activities'),
          participantSince: t('participantSince'),
          // Raw: the renderer puts in the page numbers once it knows how many pages there are.
          page: String(t.raw('page')),
          empty: t('empty'),
          issueNames: Object.fromEntries(
            FOCUS_ISSUES.map((issue) => [issue, t(`issueNames.${issue}`)]),
          ) as Record<FocusIssue, string>,
        },
      }),
    );
  } catch (error) {
    // Not answering, refusing, or answering pages of another shape (a ZodError from api()).
    if (error instanceof GatewayError || error instanceof ZodError) return plain(502, t('unavailable'));
    throw error;
  }

  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="bandanh-directory-${province ?? 'all'}-${locale}.pdf"`,
      'cache-control': 'no-store',
    },
  });
}
