import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  SignJWT,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JWK,
} from 'jose';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { Caller, SERVICES, type ServiceName } from '@bandanh/contracts';
import { DomainError } from '../errors/domain-error';

/**
 * Signed caller identity on NATS messages.
 *
 * Whoever sends a message signs the caller it speaks for as a short-lived JWT (EdDSA over
 * Ed25519), bound to the subject it is sent on and to a digest of the payload. Only the
 * gateway may assert people (staff, applicants) and anonymous callers; a service asserts
 * only itself. Each key has an id (`kid`) so keys can be rotated: add the new public key to
 * the trusted set, switch the signer, then drop the old key.
 */

const ALGORITHM = 'EdDSA';
/** The clock difference between two hosts that a token's expiry forgives. */
const CLOCK_TOLERANCE_S = 5;
/** The issuer that speaks for people and for anonymous visitors. */
export const PERSON_ISSUER: ServiceName = 'gateway';

/** A private signing key in configuration: an Ed25519 JWK with its key id. */
const PrivateJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
  d: z.string().min(1),
  kid: z.string().min(1),
});

/** One trusted public key: whose it is and its key id. */
const TrustedKey = z.object({
  iss: z.enum(SERVICES),
  kid: z.string().min(1),
  jwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(1) }),
});
export const TrustedKeys = z.object({ keys: z.array(TrustedKey).min(1) });
export type TrustedKeys = z.infer<typeof TrustedKeys>;

/** The digest a token carries of the payload it travels with. */
export function payloadDigest(data: unknown): string {
  return createHash('sha256')
    .update(stringify(data ?? null) ?? 'null')
    .digest('base64url');
}

/** Signs the callers one service speaks for. */
export class CallerSigner {
  private constructor(
    readonly issuer: ServiceName,
    private readonly kid: string,
    private readonly key: CryptoKey,
    private readonly ttlSeconds: number,
  ) {}

  static async fromJwk(issuer: ServiceName, jwk: unknown, ttlSeconds: number): Promise<CallerSigner> {
    const parsed = PrivateJwk.safeParse(jwk);
    if (!parsed.success)
      throw new Error(`The signing key of ${issuer} is not an Ed25519 private JWK with a kid`);
    const key = (await importJWK(parsed.data, ALGORITHM)) as CryptoKey;
    return new CallerSigner(issuer, parsed.data.kid, key, ttlSeconds);
  }

  /** A token asserting `caller` for one message on `subject` carrying `data`. */
  sign(caller: Caller, subject: string, data: unknown): Promise<string> {
    return new SignJWT({ caller, dig: payloadDigest(data) })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.kid, typ: 'bandanh-caller+jwt' })
      .setIssuer(this.issuer)
      .setAudience(subject)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }
}

/** Why a token was refused; logged, never sent back in detail. */
export class CallerRefused extends DomainError {
  constructor(readonly reason: string) {
    super('UNAUTHENTICATED', 'The caller identity on the message is missing or not valid', { reason });
  }
}

/** Verifies caller tokens against the trusted keys. */
export class CallerVerifier {
  private constructor(private readonly keys: Map<string, { iss: ServiceName; key: CryptoKey }>) {}

  static async fromTrusted(trusted: unknown): Promise<CallerVerifier> {
    const parsed = TrustedKeys.safeParse(trusted);
    if (!parsed.success)
      throw new Error('The trusted caller keys are not a { keys: [{ iss, kid, jwk }] } set');
    const keys = new Map<string, { iss: ServiceName; key: CryptoKey }>();
    for (const entry of parsed.data.keys) {
      if (keys.has(entry.kid)) throw new Error(`The trusted caller keys name the key id ${entry.kid} twice`);
      keys.set(entry.kid, { iss: entry.iss, key: (await importJWK(entry.jwk, ALGORITHM)) as CryptoKey });
    }
    return new CallerVerifier(keys);
  }

  /**
   * The caller a token asserts for a message on `subject` carrying `data`, once its
   * signature, expiry, subject, payload digest and issuer's right to assert that caller hold.
   */
  async verify(token: string | undefined, subject: string, data: unknown): Promise<Caller> {
    if (!token) throw new CallerRefused('unsigned');
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new CallerRefused('malformed');
    }
    const trusted = kid === undefined ? undefined : this.keys.get(kid);
    if (!trusted) throw new CallerRefused('unknown_key');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, trusted.key, {
        algorithms: [ALGORITHM],
        issuer: trusted.iss,
        audience: subject,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new CallerRefused(
        code === 'ERR_JWT_EXPIRED'
          ? 'expired'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? 'claims'
            : 'signature',
      );
    }
    const caller = Caller.safeParse(payload.caller);
    if (!caller.success) throw new CallerRefused('caller_shape');
    if (payload.dig !== payloadDigest(data)) throw new CallerRefused('payload_digest');
    if (!mayAssert(trusted.iss, caller.data)) throw new CallerRefused('issuer_not_allowed');
    return caller.data;
  }
}

/** Only the gateway speaks for people and anonymous visitors; a service speaks only for itself. */
export function mayAssert(issuer: ServiceName, caller: Caller): boolean {
  if (caller.kind === 'system') return caller.service === issuer;
  return issuer === PERSON_ISSUER;
}

/** The variables that configure caller signing; every service reads them. */
export const callerKeysEnv = {
  /** Folder of the local default keys (`pnpm keys:generate` writes them). */
  CALLER_KEYS_DIR: z.string().min(1).optional(),
  /** This service's private Ed25519 JWK (with kid), as JSON; overrides the folder. */
  CALLER_SIGNING_KEY: z.string().min(1).optional(),
  /** The trusted public keys `{ keys: [{ iss, kid, jwk }] }`, as JSON; overrides the folder. */
  CALLER_TRUSTED_KEYS: z.string().min(1).optional(),
  /** How long a signed caller stays valid. */
  CALLER_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
};
export type CallerKeysConfig = {
  CALLER_KEYS_DIR?: string;
  CALLER_SIGNING_KEY?: string;
  CALLER_TRUSTED_KEYS?: string;
  CALLER_TOKEN_TTL_SECONDS: number;
};

/** The repository's root (where pnpm-workspace.yaml is), from the working folder up. */
export function repositoryRoot(from = process.cwd()): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function keysDir(config: CallerKeysConfig): string {
  if (config.CALLER_KEYS_DIR) return config.CALLER_KEYS_DIR;
  const root = repositoryRoot();
  if (!root) throw new Error('CALLER_KEYS_DIR is not set and no repository is around to find .data/keys in');
  return join(root, '.data', 'keys');
}

function readJson(variable: string, inline: string | undefined, file: () => string): unknown {
  if (inline) {
    try {
      return JSON.parse(inline);
    } catch {
      throw new Error(`${variable} is not JSON`);
    }
  }
  const path = file();
  if (!existsSync(path)) {
    throw new Error(
      `${variable} is not set and ${path} is missing: run \`pnpm keys:generate\` (npm start and npm test do)`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

export const signingKeyFile = (dir: string, service: ServiceName) => join(dir, `${service}.private.jwk.json`);
export const trustedKeysFile = (dir: string) => join(dir, 'trusted.json');
/** The secret the web sends the gateway to be trusted with the visitor's address (WEB_PROXY_SECRET). */
export const webProxySecretFile = (dir: string) => join(dir, 'web-proxy.secret');

/**
 * The web's proxy secret: `WEB_PROXY_SECRET` when set, else the file in the keys folder
 * (CALLER_KEYS_DIR, else <repo>/.data/keys); undefined when there is neither.
 */
export function readWebProxySecret(config: {
  WEB_PROXY_SECRET?: string;
  CALLER_KEYS_DIR?: string;
}): string | undefined {
  const inline = config.WEB_PROXY_SECRET?.trim();
  if (inline) return inline;
  const root = config.CALLER_KEYS_DIR ? undefined : repositoryRoot();
  const dir = config.CALLER_KEYS_DIR ?? (root && join(root, '.data', 'keys'));
  const path = dir && webProxySecretFile(dir);
  return (path && existsSync(path) && readFileSync(path, 'utf8').trim()) || undefined;
}

/** The signer of one service, from configuration. */
export function signerFor(service: ServiceName, config: CallerKeysConfig): Promise<CallerSigner> {
  const jwk = readJson('CALLER_SIGNING_KEY', config.CALLER_SIGNING_KEY, () =>
    signingKeyFile(keysDir(config), service),
  );
  return CallerSigner.fromJwk(service, jwk, config.CALLER_TOKEN_TTL_SECONDS);
}

/** The verifier of the trusted keys, from configuration. */
export function verifierFrom(config: CallerKeysConfig): Promise<CallerVerifier> {
  const trusted = readJson('CALLER_TRUSTED_KEYS', config.CALLER_TRUSTED_KEYS, () =>
    trustedKeysFile(keysDir(config)),
  );
  return CallerVerifier.fromTrusted(trusted);
}

/** A new key pair for one service: its private JWK and its trusted public entry. */
export async function generateServiceKey(
  service: ServiceName,
  kid = `${service}-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`,
): Promise<{ privateJwk: JWK; trusted: TrustedKeys['keys'][number] }> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  const priv = await exportJWK(privateKey);
  const pub = await exportJWK(publicKey);
  return {
    privateJwk: { ...priv, kid },
    trusted: { iss: service, kid, jwk: { kty: 'OKP', crv: 'Ed25519', x: pub.x ?? '' } },
  };
}

/**
 * Makes sure `dir` holds a signing key for each service and a trusted set with their public
 * keys (the local default, which `pnpm keys:generate` writes into the git-ignored .data/keys).
 * Existing keys are kept; trusted keys of earlier rotations stay trusted until removed by hand.
 * Answers the services whose key was new.
 */
export async function ensureCallerKeys(
  dir: string,
  services: readonly ServiceName[] = SERVICES,
): Promise<ServiceName[]> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const trustedPath = trustedKeysFile(dir);
  const trusted = existsSync(trustedPath)
    ? TrustedKeys.parse(JSON.parse(readFileSync(trustedPath, 'utf8'))).keys
    : [];
  const created: ServiceName[] = [];
  for (const service of services) {
    const path = signingKeyFile(dir, service);
    let jwk: z.infer<typeof PrivateJwk>;
    if (existsSync(path)) {
      jwk = PrivateJwk.parse(JSON.parse(readFileSync(path, 'utf8')));
    } else {
      const generated = await generateServiceKey(service);
      jwk = PrivateJwk.parse(generated.privateJwk);
      writeFileSync(path, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
      created.push(service);
    }
    if (!trusted.some((entry) => entry.kid === jwk.kid)) {
      trusted.push({ iss: service, kid: jwk.kid, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } });
    }
  }
  writeFileSync(trustedPath, `${JSON.stringify({ keys: trusted }, null, 2)}\n`, { mode: 0o644 });
  // The web's proxy secret (WEB_PROXY_SECRET's local default), kept once made.
  if (!existsSync(webProxySecretFile(dir))) {
    writeFileSync(webProxySecretFile(dir), `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  }
  return created;
}
