import { z } from 'zod';
import { ATTACHMENT_KINDS } from '@bandanh/contracts/constants';
import { uploadErrorOf } from '@/components/grants-member/upload-errors';
import { localeOf } from '@/lib/locale';
import { forwardUpload } from '@/lib/upload-proxy';

export const dynamic = 'force-dynamic';

/** A tus metadata pair: the key and its value in base64. */
const pair = (key: string, value: string) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`;

/**
 * The attachments form without JavaScript: the file posted whole, sent on to the gateway in one
 * tus request (creation with upload), and the member taken back to the attachments step with
 * what happened.
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response('A form with a file was expected', { status: 400 });
  }
  const locale = localeOf(form.get('locale'));
  const applicationId = z.uuid().safeParse(form.get('applicationId'));
  if (!applicationId.success) return new Response('No application', { status: 400 });
  const back = (query: Record<string, string>) =>
    new Response(null, {
      status: 303,
      headers: {
        location: `/${locale}/my-cbo/grants/${applicationId.data}?${new URLSearchParams({ step: 'files', ...query })}`,
      },
    });
  const kind = String(form.get('kind') ?? '');
  const file = form.get('file');
  if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind)) return back({ fileError: 'kindRequired' });
  if (!(file instanceof File) || file.size === 0) return back({ fileError: 'fileRequired' });

  const answer = await forwardUpload(request, '', {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(file.size),
      'upload-metadata': [
        pair('applicationId', applicationId.data),
        pair('kind', kind),
        pair('filename', file.name || 'file'),
        pair('filetype', file.type || 'application/octet-stream'),
      ].join(','),
      'content-type': 'application/offset+octet-stream',
      'content-length': String(file.size),
    },
    body: file.stream(),
  });
  if (answer.status === 401) {
    return new Response(null, { status: 303, headers: { location: `/${locale}/sign-in` } });
  }
  const offset = answer.headers.get('upload-offset');
  const complete = answer.ok && (offset === null || offset === String(file.size));
  if (complete) return back({ uploaded: '1' });
  return back({ fileError: answer.ok ? 'uploadFailed' : uploadErrorOf(answer.status, await answer.text()) });
}
