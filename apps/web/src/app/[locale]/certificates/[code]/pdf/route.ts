import { CertificateCode, type TrainingCertificate } from '@bandanh/contracts';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { ZodError } from 'zod';
import { getLocalFormat } from '@/i18n/local-format-server';
import { localePath } from '@/i18n/paths';
import { routing, type Locale } from '@/i18n/routing';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { renderCertificatePdf, type CertificateWords } from '@/lib/pdf/certificate';
import { certificateUrl } from '@/lib/pdf/verification-code';
import { webUrlFrom } from '@/lib/web-url';

/** The PDF is written with Node's file system, zlib and WebAssembly. */
export const runtime = 'nodejs';

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The web's address as people reach it, for the QR code (see `webUrlFrom`). */
function webUrl(request: NextRequest): string {
  return webUrlFrom(request.headers.get('host'), request.nextUrl.protocol, request.nextUrl.origin);
}

/** The certificate's words in one language, from the catalog and the certificate's snapshot. */
async function wordsIn(locale: Locale, certificate: TrainingCertificate): Promise<CertificateWords> {
  const t = await getTranslations({ locale, namespace: 'trainingPdf.certificate' });
  const format = await getLocalFormat(locale);
  const date = format.dateTime(new Date(certificate.sessionDate), {
    dateStyle: 'long',
    timeZone: 'Asia/Phnom_Penh',
  });
  return {
    title: t('title'),
    certifies: t('certifies'),
    memberName: certificate.memberName,
    memberOf: t('memberOf'),
    cboName: locale === 'km' ? (certificate.cboNameKm ?? certificate.cboName) : certificate.cboName,
    completed: t('completed'),
    moduleTitle: locale === 'km' ? certificate.moduleTitleKm : certificate.moduleTitleEn,
    dates: t('dates', { dates: date }),
    trainerLabel: t('trainerLabel'),
    trainerName: certificate.trainerNames.join(', '),
    issuer: t('issuer'),
    codeLabel: t('codeLabel'),
    verifyHint: t('verifyHint'),
  };
}

/**
 * A training certificate as a PDF, in the page's language first and the other below, with a QR
 * code of its public verification page: for its holder, their group's members and staff. A
 * reader without a session goes to sign in and comes back.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string; code: string }> },
) {
  const { locale, code: typed } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: 'certificates.pdf' });
  const code = CertificateCode.safeParse(decodeURIComponent(typed));
  if (!code.success) return plain(404, t('notFound'));

  let certificate: TrainingCertificate;
  try {
    ({ certificate } = await api(ROUTES.getTrainingCertificate, { params: { code: code.data } }));
  } catch (error) {
    if (error instanceof GatewayError && error.status === 401) {
      const back = `/certificates/${encodeURIComponent(code.data)}/pdf`;
      const signIn = new URL(
        `${localePath(locale, '/sign-in')}?next=${encodeURIComponent(back)}`,
        request.url,
      );
      return Response.redirect(signIn, 303);
    }
    if (error instanceof GatewayError && [400, 403, 404].includes(error.status))
      return plain(404, t('notFound'));
    if (error instanceof GatewayError || error instanceof ZodError) return plain(502, t('unavailable'));
    throw error;
  }

  const pdf = await renderCertificatePdf({
    locale,
    km: await wordsIn('km', certificate),
    en: await wordsIn('en', certificate),
    code: certificate.code,
    verificationUrl: certificateUrl(webUrl(request), locale, certificate.code),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="bandanh-certificate-${certificate.code}-${locale}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
