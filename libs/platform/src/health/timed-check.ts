import type { Check } from '@bandanh/contracts';

/** Runs one health probe with a deadline, and reports how long it took or why it failed. */
export async function timedCheck(probe: () => Promise<unknown>, timeoutMs = 2_000): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function overallStatus(checks: Record<string, Check>): 'up' | 'down' {
  return Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
}
