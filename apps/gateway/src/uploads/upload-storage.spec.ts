import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadGatewayConfig } from '../config/env';
import { createUploadStorage, uploadDirectory, type UploadStorage } from './upload-storage';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the local upload storage', () => {
  let dir: string;
  let storage: UploadStorage;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandanh-uploads-'));
    storage = await createUploadStorage(loadGatewayConfig({ UPLOAD_DIR: dir }));
  });

  afterEach(async () => {
    // The file store checks its folder in the background when made: let it finish first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a file by its upload id, reads it back whole or its head, and says its size', async () => {
    const content = Buffer.from('%PDF-1.7 and the rest of a quote');
    await storage.put('u1', content, { filename: 'quote.pdf' });
    expect(await bytesOf(await storage.read('u1'))).toEqual(content);
    expect(await storage.head('u1', 5)).toEqual(Buffer.from('%PDF-'));
    expect(await storage.head('u1', 1000)).toEqual(content);
    expect(await storage.stat('u1')).toEqual({
      id: 'u1',
      size: content.length,
      offset: content.length,
      metadata: { filename: 'quote.pdf' },
    });
  });

  it('writes through tus resumably: a first part, then the rest from the offset', async () => {
    await storage.put('u2', Buffer.alloc(0));
    const store = storage.tusStore;
    await store.remove('u2');
    const { Upload } = await import('@tus/server');
    await store.create(new Upload({ id: 'u2', size: 10, offset: 0 }));
    await store.write(Readable.from([Buffer.from('01234')]), 'u2', 0);
    expect(await storage.stat('u2')).toMatchObject({ size: 10, offset: 5 });
    await store.write(Readable.from([Buffer.from('56789')]), 'u2', 5);
    expect(await bytesOf(await storage.read('u2'))).toEqual(Buffer.from('0123456789'));
  });

  it('deletes a file and what it knows of it; deleting what is not there is no error', async () => {
    await storage.put('u3', Buffer.from('x'));
    await storage.delete('u3');
    expect(await storage.stat('u3')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    await expect(storage.delete('u3')).resolves.toBeUndefined();
    await expect(storage.delete('never')).resolves.toBeUndefined();
  });

  it('keeps ids inside its folder', async () => {
    expect(await storage.stat('../../etc/passwd')).toBeUndefined();
  });
});

describe('where the local storage is', () => {
  it('is UPLOAD_DIR, else .data/uploads at the repository root', () => {
    expect(uploadDirectory({ UPLOAD_DIR: '/srv/uploads' })).toBe('/srv/uploads');
    expect(uploadDirectory({ UPLOAD_DIR: undefined })).toMatch(/\/\.data\/uploads$/);
  });

  it('is S3 when configured so, which needs a bucket', async () => {
    expect(() => loadGatewayConfig({ UPLOAD_STORE: 's3' })).toThrow(/S3_BUCKET/);
    const config = loadGatewayConfig({
      UPLOAD_STORE: 's3',
      S3_BUCKET: 'bandanh-uploads',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect((await createUploadStorage(config)).tusStore.constructor.name).toBe('BucketStore');
  });
});

describe('sweeping abandoned uploads', () => {
  let dir: string;
  let storage: UploadStorage;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandanh-sweep-'));
    storage = await createUploadStorage(loadGatewayConfig({ UPLOAD_DIR: dir }));
  });

  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes the uploads begun before the cut-off and never finished, and keeps finished files', async () => {
    const { Upload } = await import('@tus/server');
    const store = storage.tusStore;
    const old = new Date(Date.now() - 8 * 24 * 3600_000).toISOString();
    await store.create(new Upload({ id: 'abandoned', size: 10, offset: 0, creation_date: old }));
    await store.write(Readable.from([Buffer.from('01234')]), 'abandoned', 0);
    await store.create(new Upload({ id: 'finished', size: 5, offset: 0, creation_date: old }));
    await store.write(Readable.from([Buffer.from('01234')]), 'finished', 0);
    await store.create(new Upload({ id: 'recent', size: 10, offset: 0 }));

    expect(await storage.sweep(new Date(Date.now() - 7 * 24 * 3600_000))).toBe(1);
    expect(await storage.stat('abandoned')).toBeUndefined();
    expect(await storage.stat('finished')).toMatchObject({ offset: 5, size: 5 });
    expect(await storage.stat('recent')).toMatchObject({ offset: 0, size: 10 });
    expect(await storage.sweep(new Date(Date.now() - 7 * 24 * 3600_000))).toBe(0);
  });
});
