// The bench's HTTP client: node:http on one kept-alive connection, the answer whole.
import http from 'node:http';

/** One connection, reused: the calls are sequential, as the bench makes them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Answered {
  status: number;
  body: Buffer;
}

/**
 * GET `url` and read the whole body. node:http rather than fetch: fetch (undici's WHATWG
 * streams) costs the client about 0.5 ms a call on this machine, which the bench would count
 * as the API's (`--fetch` measures with fetch all the same).
 */
export function get(url: string): Promise<Answered> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The same with fetch (undici, keep-alive), as the bench measured before. */
export async function fetchGet(url: string): Promise<Answered> {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** Closes the kept-alive connection, so that the process can end. */
export function closeClient(): void {
  agent.destroy();
}
