import 'server-only';
import { z } from 'zod';
import { CboPage, CreatedCbo, ErrorBody, Province, type CboDraft } from '@bandanh/contracts';

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';

/** An answer from the gateway that is not a success, in the one error shape. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'GatewayError';
  }
}

async function call<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(`${GATEWAY_URL}${path}`, {
      ...init,
      cache: 'no-store',
      headers: { accept: 'application/json', ...init.headers },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new GatewayError(503, { code: 'UNAVAILABLE', message: 'The API is not answering' });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    throw new GatewayError(
      response.status,
      body.success ? body.data : { code: 'INTERNAL', message: `The API answered ${response.status}` },
    );
  }
  return schema.parse(json);
}

/** The server-only client of the gateway's HTTP API. */
export const gateway = {
  listProvinces: () => call(z.object({ items: z.array(Province) }), '/api/provinces'),
  listCbos: (limit: number, offset: number) => call(CboPage, `/api/cbos?limit=${limit}&offset=${offset}`),
  createCbo: (idempotencyKey: string, draft: CboDraft) =>
    call(CreatedCbo, '/api/cbos', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(draft),
    }),
};
