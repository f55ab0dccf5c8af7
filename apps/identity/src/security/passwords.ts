import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '@bandanh/platform';

/** Argon2id (the const enum cannot be imported under isolatedModules). */
const ARGON2ID = 2;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Refuses a password that is on the list of common passwords, or that is the account's email. */
export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  const lowered = password.toLowerCase();
  if (
    commonPasswords().has(lowered) ||
    lowered === email.toLowerCase() ||
    lowered === email.split('@')[0]?.toLowerCase()
  ) {
    throw DomainError.invalid(
      [{ path: field, code: 'common_password', message: 'This password is too common; choose another' }],
      'The password is too easy to guess',
    );
  }
}

/** argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane) unless configured higher. */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly memoryCost: number) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, memoryCost: this.memoryCost, timeCost: 2, parallelism: 1 });
  }

  /** The hash of a password a person chooses, once it passes `assertAcceptablePassword`. */
  hashNew(password: string, email: string, field = 'password'): Promise<string> {
    assertAcceptablePassword(password, email, field);
    return this.hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same effort as a real check, for an email with no account. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('no account has this password');
    await this.verify(await this.dummy, password);
    return false;
  }
}
