import { Logger } from '@nestjs/common';
import { Server, type ServerOptions } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NodeRequest } from 'srvx/node';
import {
  ROLE_GROUPS,
  appendAudit,
  attachGrantFile,
  getGrantApplication,
  resolveSession,
  type Caller,
  type ErrorBody,
} from '@bandanh/contracts';
import { ANONYMOUS, DomainError, NatsRpc, httpStatusFor, safeEqual } from '@bandanh/platform';
import type { GatewayConfig } from '../config/env';
import { allows } from '../http/auth.guard';
import { CSRF_HEADER, sessionTokenOf } from '../http/session-cookie';
import { SNIFF_BYTES, sniffContentType } from './content-type';
import type { UploadStorage } from './upload-storage';
import {
  OWNER_KEY,
  checkApplicationTakes,
  checkUploadLength,
  parseUploadMetadata,
  toUploadErrorBody,
  uploadLocation,
  unsupportedType,
  uploadStatusFor,
} from './upload-rules';

/** Where the gateway takes uploads (the tus protocol, https://tus.io/protocols/resumable-upload). */
export const UPLOADS_PATH = '/api/uploads';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** The content type of a tus PATCH (and of a POST that carries the first bytes). */
const TUS_BODY = 'application/offset+octet-stream';

export interface UploadServerDeps {
  rpc: NatsRpc;
  storage: UploadStorage;
  config: Pick<
    GatewayConfig,
    | 'GRANT_FILE_MAX_BYTES'
    | 'GRANT_APPLICATION_FILES_MAX_BYTES'
    | 'UPLOAD_PUBLIC_PATH'
    | 'UPLOAD_ABANDONED_AFTER'
  >;
}

type ApplicantCaller = Extract<Caller, { kind: 'applicant' }>;
type TusRequest = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[0];

/**
 * The tus server of attachments. A CBO member creates an upload naming the application, the
 * kind and the file name (Upload-Metadata), within the per-file limit, for an editable
 * application of their own CBO (asked of the grants service as them); sends the bytes in as many
 * PATCHes as the network allows, learning with HEAD where to go on; and on the last byte the
 * content is told by its magic bytes and the file attached (grants `attachGrantFile`, as them).
 * A refusal deletes the file. Only the member who created an upload may continue, read or end it.
 */
export function createUploadServer(
  deps: UploadServerDeps,
  callerOf: (request: TusRequest) => ApplicantCaller,
): Server {
  const { rpc, storage, config } = deps;
  const logger = new Logger('Uploads');

  /**
   * Attaches a complete upload to its application, as the member: the content told by its
   * magic bytes first. A refusal deletes the file; a grants service away keeps it, and the
   * client's next HEAD (or the same last PATCH again) attaches it.
   */
  async function attach(
    request: TusRequest,
    uploadId: string,
    size: number,
    stored: Record<string, string | null> | undefined,
  ) {
    const caller = callerOf(request);
    const metadata = parseUploadMetadata(stored);
    const contentType = sniffContentType(await storage.head(uploadId, SNIFF_BYTES));
    if (!contentType) {
      await storage.delete(uploadId);
      throw unsupportedType();
    }
    try {
      return await rpc.send(
        attachGrantFile,
        {
          id: metadata.applicationId,
          uploadId,
          kind: metadata.kind,
          fileName: metadata.filename,
          contentType,
          size,
        },
        caller,
      );
    } catch (error) {
      if (error instanceof DomainError && httpStatusFor(error.code) < 500) await storage.delete(uploadId);
      throw error;
    }
  }

  return new Server({
    path: UPLOADS_PATH,
    datastore: storage.tusStore,
    generateUrl: (request, { id }) =>
      uploadLocation(request.headers.get('x-forwarded-prefix'), config.UPLOAD_PUBLIC_PATH, id),
    // A finished, attached file leaves only through its application (detach).
    disableTerminationForFinishedUploads: true,
    // No cross-origin access (tus answers `*` by default): the web reaches it from its own server.
    allowedOrigins: [],
    onIncomingRequest: async (request, id) => {
      if (request.method === 'POST') return;
      const upload = await storage.stat(id);
      if (!upload || upload.metadata[OWNER_KEY] !== callerOf(request).userId) {
        throw new DomainError('NOT_FOUND', 'No such upload', { resource: 'upload' });
      }
      // A client asks where to go on after its last PATCH failed. When every byte had arrived
      // but the grants service was away, it is attached now (once: the attachment is keyed by
      // the upload): the HEAD answers only when the file is attached, so a client told it is
      // complete finds the file on the application.
      if (request.method === 'HEAD' && upload.size !== undefined && upload.offset === upload.size) {
        await attach(request, upload.id, upload.size, upload.metadata);
      }
    },
    onUploadCreate: async (request, upload) => {
      const caller = callerOf(request);
      checkUploadLength(upload.sizeIsDeferred ? undefined : upload.size, config.GRANT_FILE_MAX_BYTES);
      const metadata = parseUploadMetadata(upload.metadata);
      const { application } = await rpc.send(getGrantApplication, { id: metadata.applicationId }, caller);
      checkApplicationTakes(
        application,
        caller.cboId,
        upload.size!,
        config.GRANT_APPLICATION_FILES_MAX_BYTES,
      );
      // What the client declared, checked; and who owns it, never from the client.
      return {
        metadata: {
          applicationId: metadata.applicationId,
          kind: metadata.kind,
          filename: metadata.filename,
          [OWNER_KEY]: caller.userId,
        },
      };
    },
    onUploadFinish: async (request, upload) => {
      const answer = await attach(request, upload.id, upload.size!, upload.metadata);
      // A PATCH answers 200 with the attachment; a POST that carried the whole file keeps its
      // 201 (and Location), with the attachment too.
      return {
        ...(request.method === 'PATCH' ? { status_code: 200 } : {}),
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(answer),
      };
    },
    onResponseError: (_request, error) => {
      if (error instanceof DomainError) {
        return { status_code: uploadStatusFor(error), body: JSON.stringify(error.toBody()) };
      }
      if ('status_code' in error) return undefined;
      logger.error({ err: error }, 'An upload failed');
      const body: ErrorBody = { code: 'INTERNAL', message: 'Something went wrong on our side' };
      return { status_code: 500, body: JSON.stringify(body) };
    },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The member behind an upload request, as the auth guard resolves every route's caller: the
 * session (Bearer token or the session cookie, whose changes need the CSRF token) resolved by
 * the identity service, and the route rule: CBO members only. A refusal is audited like the
 * guard's.
 */
async function uploaderOf(rpc: NatsRpc, request: FastifyRequest): Promise<ApplicantCaller> {
  const presented = sessionTokenOf(request);
  const deny = async (caller: Caller, reason: string) => {
    await rpc
      .send(
        appendAudit,
        {
          action: 'http.denied',
          outcome: 'denied',
          targetType: 'route',
          targetId: `${request.method} ${UPLOADS_PATH}`,
          details: { reason, roles: caller.kind === 'staff' ? caller.roles : [], kind: caller.kind },
        },
        caller,
      )
      .catch(() => undefined);
  };
  if (!presented) {
    await deny(ANONYMOUS, 'no_session');
    throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  }
  const session = await rpc
    .send(resolveSession, { token: presented.token }, ANONYMOUS)
    .catch(async (error) => {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') await deny(ANONYMOUS, 'session');
      throw error;
    });
  const caller = session.caller;
  if (session.mfaEnrolmentRequired) {
    await deny(caller, 'mfa_enrolment_required');
    throw new DomainError('FORBIDDEN', 'Set up two-factor authentication first', {
      mfaEnrolmentRequired: true,
    });
  }
  if (presented.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
      await deny(caller, 'csrf');
      throw new DomainError(
        'FORBIDDEN',
        `A cookie session must send its CSRF token in the ${CSRF_HEADER} header`,
      );
    }
  }
  if (!allows(ROLE_GROUPS.grantApplicants, caller) || caller.kind !== 'applicant') {
    await deny(caller, 'role');
    throw new DomainError('FORBIDDEN', 'Your role does not allow this');
  }
  request.caller = caller;
  return caller;
}

/** Sends tus's answer through Fastify (so every answer's headers apply), errors in the one shape. */
async function answer(reply: FastifyReply, response: Response): Promise<void> {
  void reply.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-type') void reply.header(name, value);
  });
  const text = response.body ? await response.text() : '';
  if (response.status >= 400) {
    await reply.send(toUploadErrorBody(response.status, text));
    return;
  }
  if (text)
    void reply.header('content-type', response.headers.get('content-type') ?? 'text/plain; charset=utf-8');
  await reply.send(text || undefined);
}

/**
 * Mounts the tus server at `/api/uploads` (and `/api/uploads/:id`) on the gateway's Fastify,
 * in a scope of its own where a PATCH's `application/offset+octet-stream` body is left unread
 * for tus to stream to the store (every other route keeps its 1 MiB JSON limit).
 */
export async function mountUploads(fastify: FastifyInstance, deps: UploadServerDeps): Promise<void> {
  const callers = new WeakMap<object, ApplicantCaller>();
  const server = createUploadServer(deps, (request) => {
    const caller = callers.get(request);
    if (!caller) throw new Error('An upload request reached tus without its caller');
    return caller;
  });
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const web = new NodeRequest({ req: request.raw, res: reply.raw });
      // OPTIONS tells what the server supports, to anyone; every other method needs the member.
      if (request.method !== 'OPTIONS') callers.set(web, await uploaderOf(deps.rpc, request));
      await answer(reply, await server.handleWeb(web));
    } catch (error) {
      const refusal = error instanceof DomainError ? error : undefined;
      if (!refusal) new Logger('Uploads').error({ err: error }, 'An upload request failed');
      await reply
        .status(refusal ? httpStatusFor(refusal.code) : 500)
        .header('tus-resumable', '1.0.0')
        .send(refusal?.toBody() ?? { code: 'INTERNAL', message: 'Something went wrong on our side' });
    }
  };
  // Uploads never finished go after a while; hourly, on every replica (deleting is idempotent).
  const sweeper = setInterval(() => {
    deps.storage
      .sweep(new Date(Date.now() - deps.config.UPLOAD_ABANDONED_AFTER))
      .then((swept) => swept > 0 && new Logger('Uploads').log({ swept }, 'Abandoned uploads deleted'))
      .catch((error: unknown) =>
        new Logger('Uploads').warn({ err: error }, 'Could not sweep abandoned uploads'),
      );
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(sweeper);
    done();
  });
  await fastify.register(async (scope) => {
    scope.addContentTypeParser(TUS_BODY, (_request, _payload, done) => done(null, undefined));
    for (const url of [UPLOADS_PATH, `${UPLOADS_PATH}/:id`]) {
      scope.route({ method: ['POST', 'PATCH', 'HEAD', 'DELETE', 'OPTIONS'], url, handler });
    }
  });
}
