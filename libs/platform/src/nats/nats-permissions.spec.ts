import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_REQUEST_BYTES, SERVICES, type ServiceName } from '@bandanh/contracts';
import {
  DEFAULT_NATS_PREFIX,
  SERVER_MAX_PAYLOAD,
  allContracts,
  mayPublish,
  natsUsers,
  ownerOf,
  renderNatsServerConfig,
  subjectMatches,
} from './nats-permissions';
import { subjectFor } from './subjects';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CONFIG_FILE = join(ROOT, 'infra', 'nats', 'nats-server.conf');
const users = natsUsers();
const userOf = (service: string) => users.find((user) => user.service === service);
const contracts = [...allContracts()];

/** The source files of an app, without its tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The values (not types) a file imports from @bandanh/contracts. */
function contractImports(source: string): string[] {
  const names: string[] = [];
  for (const [, specifiers] of source.matchAll(
    /import\s+\{([^}]*)\}\s+from\s+['"]@bandanh\/contracts['"]/g,
  )) {
    for (const specifier of specifiers.split(',')) {
      const trimmed = specifier.trim();
      if (!trimmed || trimmed.startsWith('type ')) continue;
      names.push(trimmed.split(/\s+as\s+/)[0]);
    }
  }
  return names;
}

describe('the NATS server configuration of a deployment', () => {
  it('is what infra/scripts/nats-config.ts writes (when this fails, run it and commit the file)', () => {
    expect(existsSync(CONFIG_FILE)).toBe(true);
    expect(readFileSync(CONFIG_FILE, 'utf8')).toBe(renderNatsServerConfig());
  });

  it('has one user per service, each with its password from the environment, and no anonymous access', () => {
    const file = readFileSync(CONFIG_FILE, 'utf8');
    expect(users.map((user) => user.service)).toEqual([...SERVICES]);
    for (const service of SERVICES) {
      expect(file).toContain(`user: ${service}\n`);
      expect(file).toContain(`password: $NATS_PASSWORD_${service.toUpperCase()}\n`);
    }
    expect(file).not.toMatch(/^\s*no_auth_user/m);
    expect(file).not.toMatch(/^\s*(accounts|default_permissions)\s*[:{]/m);
  });

  it('lets messages up to 1 MiB through, above what a service accepts in a request', () => {
    expect(SERVER_MAX_PAYLOAD).toBe(1024 * 1024);
    expect(SERVER_MAX_PAYLOAD).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(readFileSync(CONFIG_FILE, 'utf8')).toMatch(
      new RegExp(`^max_payload: ${SERVER_MAX_PAYLOAD}$`, 'm'),
    );
  });

  it.each(contracts.map(([contract, name]) => [contract.subject, name, contract] as const))(
    '%s (%s) belongs to a service whose user alone subscribes to it, in its queue group',
    (subject, _name, contract) => {
      const owner = ownerOf(contract);
      expect(SERVICES).toContain(owner);
      const full = subjectFor(DEFAULT_NATS_PREFIX, subject);
      const subscribers = users.filter((user) =>
        user.subscribe.some((grant) => subjectMatches(grant.subject, full)),
      );
      expect(subscribers.map((user) => user.service)).toEqual([owner]);
      const grant = userOf(owner)!.subscribe.find((g) => subjectMatches(g.subject, full));
      expect(grant?.queue).toBe(owner);
    },
  );

  it.each(SERVICES.filter((service) => existsSync(join(ROOT, 'apps', service, 'src'))))(
    "the %s user may publish every other service's contract that its code imports",
    (service) => {
      const user = userOf(service)!;
      const byName = new Map(contracts.map(([contract, name]) => [name, contract]));
      const missing: string[] = [];
      for (const file of sources(join(ROOT, 'apps', service, 'src'))) {
        const source = readFileSync(file, 'utf8');
        // A namespace import hides which contracts a service calls from this check.
        expect(source).not.toMatch(/import\s+\*\s+as\s+\w+\s+from\s+['"]@bandanh\/contracts['"]/);
        for (const name of contractImports(source)) {
          const contract = byName.get(name);
          if (!contract || ownerOf(contract) === service) continue;
          if (!mayPublish(user, subjectFor(DEFAULT_NATS_PREFIX, contract.subject))) {
            missing.push(`${name} (${contract.subject}) in ${file.slice(ROOT.length + 1)}`);
          }
        }
      }
      // When this fails, add the contract to NATS_ACCESS.<service>.calls and regenerate the file.
      expect(missing).toEqual([]);
    },
  );

  it('gives no user a blanket publish right: replies go out through allow_responses', () => {
    for (const user of users) {
      for (const grant of user.publish) {
        expect(grant.subject).not.toMatch(/^(>|\*|_INBOX\.|\$JS\.API\.>|\$KV\.>)/);
      }
    }
    expect(readFileSync(CONFIG_FILE, 'utf8').match(/allow_responses: true/g)).toHaveLength(SERVICES.length);
  });

  it('lets the network service call only what it calls, and identity only the notification channel', () => {
    const network = userOf('network')!;
    expect(mayPublish(network, 'bandanh.orchestrator.pipeline.start')).toBe(true);
    expect(mayPublish(network, 'bandanh.identity.audit.append')).toBe(true);
    expect(mayPublish(network, 'bandanh.identity.session.resolve')).toBe(false);
    expect(mayPublish(network, 'bandanh.orchestrator.pipeline.decide')).toBe(false);
    expect(mayPublish(network, '$JS.API.INFO')).toBe(false);
    expect(userOf('identity')!.publish.map((grant) => grant.subject)).toEqual([
      'bandanh.orchestrator.notification.send',
    ]);
  });

  it('gives only the gateway JetStream, and only on its own buckets', () => {
    const gateway = userOf('gateway')!;
    expect(mayPublish(gateway, '$KV.bandanh_idempotency.abc')).toBe(true);
    expect(mayPublish(gateway, '$JS.API.STREAM.INFO.KV_bandanh_ratelimit')).toBe(true);
    expect(mayPublish(gateway, '$JS.API.STREAM.INFO.KV_other')).toBe(false);
    expect(mayPublish(gateway, '$JS.API.STREAM.DELETE.KV_bandanh_idempotency')).toBe(false);
    expect(mayPublish(gateway, '$KV.other.abc')).toBe(false);
    const others = users.filter((user) => user.service !== ('gateway' satisfies ServiceName));
    for (const user of others) {
      expect(user.publish.filter((grant) => grant.subject.startsWith('$'))).toEqual([]);
    }
  });

  it('is written for another prefix on demand', () => {
    const config = renderNatsServerConfig('staging');
    expect(config).toContain('"staging.network.> network"');
    expect(config).toContain('"$KV.staging_idempotency.>"');
    expect(config).not.toContain('bandanh.');
  });
});

describe('subjectMatches', () => {
  it.each([
    ['a.b.c', 'a.b.c', true],
    ['a.b.c', 'a.b', false],
    ['a.*.c', 'a.x.c', true],
    ['a.*', 'a.x.c', false],
    ['a.>', 'a.x.c', true],
    ['a.>', 'a', false],
    ['a.b.>', 'a.bc.d', false],
  ])('%s against %s is %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});
