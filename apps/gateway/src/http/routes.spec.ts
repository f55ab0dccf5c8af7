import 'reflect-metadata';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { FEATURES } from '../app.module';
import { DirectoryController } from '../directory/directory.controller';
import { buildOpenApiDocument } from '../openapi/openapi';
import { RATE_LIMIT_CONFIG, parseInput } from './route';
import { ROUTES } from './routes';

/** The controllers of every feature module the app mounts. */
const CONTROLLERS: Array<{ prototype: object }> = FEATURES.flatMap(
  (feature) => Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, feature) ?? [],
);

/** Every route that a controller mounts, read from Nest's own metadata. */
function mountedRoutes(): string[] {
  return CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => (controller.prototype as unknown as Record<string, object>)[name])
      .filter((handler) => typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler))
      .map(
        (handler) =>
          `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${Reflect.getMetadata(PATH_METADATA, handler)}`,
      ),
  );
}

describe('the route table', () => {
  it('describes every route a controller mounts, and nothing else', () => {
    const table = Object.values(ROUTES).map((r) => `${r.method} ${r.path}`);
    expect(mountedRoutes().sort()).toEqual(table.sort());
  });

  it('leaves only health, provinces, sign-in, sign-up, password reset, invitations, the directory, applications, certificate verification and calendar feeds public', () => {
    const open = Object.values(ROUTES)
      .filter((r) => r.access === 'public')
      .map((r) => r.path);
    expect(open.sort()).toEqual([
      '/api/applications',
      '/api/applications/:reference',
      '/api/auth/password-reset',
      '/api/auth/password-reset/check',
      '/api/auth/password-reset/completion',
      '/api/auth/sign-in',
      '/api/auth/sign-up',
      '/api/directory',
      '/api/expansion/open-provinces',
      '/api/invitations/:token',
      '/api/invitations/acceptance',
      '/api/provinces',
      '/api/training/calendar/:token.ics',
      '/api/training/certificates/:code',
      '/health',
    ]);
  });

  it('limits every public route that writes per client address, and says so in its answers', () => {
    const writes = Object.values(ROUTES).filter((r) => r.access === 'public' && r.method !== 'GET');
    expect(writes.map((r) => r.path).sort()).toEqual([
      '/api/applications',
      '/api/auth/password-reset',
      '/api/auth/password-reset/check',
      '/api/auth/password-reset/completion',
      '/api/auth/sign-in',
      '/api/auth/sign-up',
      '/api/invitations/acceptance',
    ]);
    for (const route of writes) {
      expect({ route: route.operationId, rateLimit: route.rateLimit }).toEqual({
        route: route.operationId,
        rateLimit: 'publicWrite',
      });
      expect((route.responses as Record<number, unknown>)[429]).toBeDefined();
    }
  });

  it('is declared in files that load nothing but zod and the contracts, so the web can import it', () => {
    const src = join(__dirname, '..');
    const files = [
      'http/routes.ts',
      'http/route-def.ts',
      ...readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.routes.ts'),
      ),
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const imports = [...readFileSync(join(src, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        ([, from]) => from,
      );
      const allowed = (from: string) =>
        ['zod', '@bandanh/contracts', './route-def', '../http/route-def'].includes(from) ||
        (file === 'http/routes.ts' && /^\.\.\/[\w-]+\/[\w-]+\.routes$/.test(from));
      expect({ file, imports: imports.filter((from) => !allowed(from)) }).toEqual({ file, imports: [] });
    }
  });

  it('mounts a rate-limited route with the Fastify config the limiter reads', () => {
    const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, DirectoryController.prototype.apply);
    expect(config).toEqual({ [RATE_LIMIT_CONFIG]: 'publicWrite' });
  });
});

describe('request parsing', () => {
  it('reports every wrong part of a request at once, saying where each field is', () => {
    const attempt = () =>
      parseInput(ROUTES.createCbo, {
        params: {},
        query: {},
        headers: {},
        body: { name: '', provinceCode: 'KH-2', focusIssues: ['land'], foundVia: 'referral' },
      });
    expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    try {
      attempt();
    } catch (error) {
      expect((error as { details: { issues: unknown[] } }).details.issues).toEqual([
        expect.objectContaining({ in: 'header', path: 'idempotency-key' }),
        expect.objectContaining({ in: 'body', path: 'name' }),
      ]);
    }
  });

  it('applies defaults and coerces query strings', () => {
    expect(
      parseInput(ROUTES.listCbos, { params: {}, query: { limit: '5' }, headers: {}, body: undefined }).query,
    ).toEqual({
      limit: 5,
      offset: 0,
    });
  });
});

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument(ROUTES);

  it('has one operation per route, with its schemas', () => {
    const operations = Object.values(document.paths).flatMap((p) => Object.values(p as object));
    expect(operations).toHaveLength(Object.keys(ROUTES).length);
    const create = document.paths['/api/cbos'].post as any;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'provinceCode', 'focusIssues', 'foundVia']),
    );
    expect(create.parameters).toEqual([
      expect.objectContaining({ name: 'idempotency-key', in: 'header', required: true }),
    ]);
    expect((document.paths['/api/cbos/{id}'].get as any).parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
    });
  });

  it('lists the province codes a client may send', () => {
    const schema = (document.paths['/api/cbos'].post as any).requestBody.content['application/json'].schema;
    expect(schema.properties.provinceCode.enum).toHaveLength(25);
  });
});
