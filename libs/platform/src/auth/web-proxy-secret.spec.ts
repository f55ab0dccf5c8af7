import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCallerKeys, readWebProxySecret, webProxySecretFile } from './caller-token';

describe("the web's proxy secret", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bandanh-web-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made with the caller keys (32 random bytes, readable by its owner only) and then kept', async () => {
    await ensureCallerKeys(dir, ['gateway']);
    const path = webProxySecretFile(dir);
    const secret = readFileSync(path, 'utf8').trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await ensureCallerKeys(dir, ['gateway']);
    expect(readWebProxySecret({ CALLER_KEYS_DIR: dir })).toBe(secret);
  });

  it('is WEB_PROXY_SECRET when set, and nothing when there is neither it nor the file', () => {
    expect(readWebProxySecret({ WEB_PROXY_SECRET: ' from-the-environment ', CALLER_KEYS_DIR: dir })).toBe(
      'from-the-environment',
    );
    expect(readWebProxySecret({ CALLER_KEYS_DIR: dir })).toBeUndefined();
  });
});
