import { forwardUpload } from '@/lib/upload-proxy';

type Context = { params: Promise<{ path?: string[] }> };

export const dynamic = 'force-dynamic';

/** The upload's id (one path segment), as the gateway named it, or nothing for the collection. */
async function pathOf(context: Context): Promise<string | null> {
  const parts = (await context.params).path ?? [];
  if (parts.length === 0) return '';
  if (parts.length > 1 || !/^[\w-]{1,200}$/.test(parts[0])) return null;
  return `/${parts[0]}`;
}

/**
 * The tus protocol, for the application's attachments: the browser's resumable uploads go
 * through the web to the gateway's `/api/uploads`, with the member's session.
 */
async function handle(request: Request, context: Context): Promise<Response> {
  const path = await pathOf(context);
  if (path === null) return new Response(null, { status: 404 });
  return forwardUpload(request, path);
}

export const POST = handle;
export const PATCH = handle;
export const HEAD = handle;
export const DELETE = handle;
export const OPTIONS = handle;
