import { findProvince, type TrainingAttendanceView } from '@bandanh/contracts';
import { createFormatter, hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ZodError } from 'zod';
import { localFormat } from '@/i18n/local-format';
import { localePath } from '@/i18n/paths';
import { routing } from '@/i18n/routing';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { renderSignInSheetPdf } from '@/lib/pdf/sign-in-sheet';
import { provinceName } from '@/lib/provinces';

/** The PDF is written with Node's file system, zlib and WebAssembly. */
export const runtime = 'nodejs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * A session's printable sign-in sheet, for venues without a connection: in the session's own
 * language (its words and digits), Khmer in the embedded font, the expected members listed and
 * blank rows for walk-ins. Its trainers, coordinators and admins (the attendance view's readers).
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale) || !UUID.test(id)) return new Response(null, { status: 404 });
  const page = await getTranslations({ locale, namespace: 'training.sheet' });

  let sheet: TrainingAttendanceView;
  try {
    sheet = await api(ROUTES.getTrainingAttendance, { params: { id } });
  } catch (error) {
    if (error instanceof GatewayError) {
      if (error.status === 401) {
        const next = `/training/sessions/${id}`;
        return new Response(null, {
          status: 303,
          headers: { location: localePath(locale, `/sign-in?next=${encodeURIComponent(next)}`) },
        });
      }
      if (error.status === 403) return plain(403, page('notAllowed'));
      if (error.status === 404) return plain(404, page('notFound'));
      return plain(502, page('unavailable'));
    }
    if (error instanceof ZodError) return plain(502, page('unavailable'));
    throw error;
  }

  const { session, module } = sheet;
  const language = session.language;
  const t = await getTranslations({ locale: language, namespace: 'trainingPdf.signInSheet' });
  const words = await getTranslations({ locale: language, namespace: 'training' });
  const format = localFormat(createFormatter({ locale: language, timeZone: 'Asia/Phnom_Penh' }), language);
  const venue =
    session.venue.kind === 'online'
      ? words('venueOnline')
      : [
          session.venue.place,
          session.venue.commune,
          session.venue.district,
          provinceName(findProvince(session.venue.provinceCode), language),
        ]
          .filter(Boolean)
          .join(', ');
  const pdf = await renderSignInSheetPdf({
    locale: language,
    moduleTitle: language === 'km' ? module.titleKm : module.titleEn,
    moduleTitleOther: language === 'km' ? module.titleEn : module.titleKm,
    when: format.dateTimeRange(new Date(session.startsAt), new Date(session.endsAt), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    venue,
    trainer: sheet.trainerNames.join(', '),
    participants: sheet.expected.map((attendee) => ({
      name: attendee.memberName,
      cbo: language === 'km' && attendee.cboNameKm ? attendee.cboNameKm : attendee.cboName,
    })),
    labels: {
      title: t('title'),
      when: t('when'),
      venue: t('venue'),
      trainer: t('trainer'),
      number: t('number'),
      member: t('member'),
      cbo: t('cbo'),
      signature: t('signature'),
      present: t('present'),
      late: t('late'),
      absent: t('absent'),
      excused: t('excused'),
      walkIns: t('walkIns'),
      // Raw: the renderer puts in the page numbers once it knows how many pages there are.
      page: String(t.raw('page')),
    },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="sign-in-sheet-${id.slice(0, 8)}-${language}.pdf"`,
      'cache-control': 'no-store',
    },
  });
}
