import stringify from 'safe-stable-stringify';
import { Caller } from '@bandanh/contracts';
import { payloadDigest, type CallerSigner, type CallerVerifier } from '../auth/caller-token';

/*
 * An Ed25519 signature costs about 0.1 ms to make and 0.2 ms to check, on every message. Most
 * messages repeat: every request of a session resolves the same session token, a directory page
 * is asked for again and again. A token binds its caller, its subject (audience) and a digest of
 * its payload, so the same message may carry the same token again, and a token whose signature
 * held once holds again: these two caches spend the cost once per message, not once per send.
 */

/** How many tokens each cache keeps; the oldest goes first. */
const MAX_ENTRIES = 4096;
/**
 * A payload up to this long (as canonical JSON) is remembered as it is, so that a repeat is
 * recognised without hashing it; a longer one by its digest.
 */
const MAX_KEPT_PAYLOAD = 1024;

interface Claims {
  aud?: unknown;
  dig?: unknown;
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
}

/** The claims of a token that was signed or verified just now (nothing here checks them). */
function claimsOf(token: string): Claims {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * What tells one payload from another: its canonical JSON (the text the digest is taken of)
 * when short, else the digest itself. Two payloads with the same identity have the same digest.
 */
function payloadIdentity(data: unknown): string {
  const canonical = stringify(data ?? null) ?? 'null';
  return canonical.length <= MAX_KEPT_PAYLOAD ? `=${canonical}` : `#${payloadDigest(data)}`;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

/**
 * The tokens one service sends: the same caller, subject and payload get the same token again
 * while more than half of its lifetime is left, so a receiver never gets one about to expire.
 * Another payload, subject or caller always gets a token of its own.
 */
export class ReusedCallerTokens {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(private readonly signer: CallerSigner) {}

  get issuer() {
    return this.signer.issuer;
  }

  async sign(caller: Caller, subject: string, data: unknown): Promise<string> {
    const key = `${subject}\n${JSON.stringify(caller)}\n${payloadIdentity(data)}`;
    const kept = this.tokens.get(key);
    if (kept && nowSeconds() < kept.until) return kept.token;
    const token = await this.signer.sign(caller, subject, data);
    const { iat, exp } = claimsOf(token);
    if (typeof iat === 'number' && typeof exp === 'number') {
      remember(this.tokens, key, { token, until: iat + Math.floor((exp - iat) / 2) });
    }
    return token;
  }
}

interface Verified {
  caller: unknown;
  subject: string;
  payload: string;
  exp: number;
}

/**
 * The verifier with a memory of the tokens that verified. A token seen before skips the
 * signature (the same bytes under the same keys verify alike), never the rest: it must come on
 * the subject it was verified for, with the payload it was verified with, and not have expired
 * (the check is stricter than the verifier's, which forgives some clock skew). Anything else goes
 * through the full verification, which gives the reason when it is refused.
 */
export class VerifiedCallerTokens {
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly verifier: CallerVerifier) {}

  async verify(token: string | undefined, subject: string, data: unknown): Promise<Caller> {
    const seen = token === undefined ? undefined : this.verified.get(token);
    const payload = seen ? payloadIdentity(data) : undefined;
    if (seen && seen.subject === subject && seen.payload === payload && nowSeconds() < seen.exp) {
      // A caller of its own for every message, as the verifier gives.
      return Caller.parse(seen.caller);
    }
    const caller = await this.verifier.verify(token, subject, data);
    const { aud, exp, nbf } = claimsOf(token!);
    // Only the plain shape our signers make: one audience, an expiry, no not-before.
    if (aud === subject && typeof exp === 'number' && nbf === undefined) {
      remember(this.verified, token!, {
        caller: Caller.parse(caller),
        subject,
        payload: payload ?? payloadIdentity(data),
        exp,
      });
    }
    return caller;
  }
}
