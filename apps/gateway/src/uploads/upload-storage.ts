import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS, Upload, type DataStore } from '@tus/server';
import { repositoryRoot } from '@bandanh/platform';
import type { GatewayConfig } from '../config/env';

/** The Nest token of the gateway's `UploadStorage`. */
export const UPLOAD_STORAGE = Symbol('UPLOAD_STORAGE');

/** What the store knows of one upload: its declared size, how much of it arrived, its metadata. */
export interface StoredUpload {
  id: string;
  size: number | undefined;
  offset: number;
  metadata: Record<string, string | null>;
}

/**
 * Where uploaded files are kept, by upload id: local disk by default, an S3-compatible bucket in
 * production. The tus server writes through `tusStore` (resumably, chunk by chunk); the rest of
 * the gateway reads, measures and deletes through this interface only. Only the gateway touches
 * the bytes — the grants service keeps the upload id of each attachment — so it lives here and
 * not in libs/platform.
 */
export interface UploadStorage {
  /** The tus data store the upload server writes through. */
  readonly tusStore: DataStore;
  /** Stores a whole file under `id` at once (demo data, tests). */
  put(id: string, content: Buffer, metadata?: Record<string, string>): Promise<void>;
  /** The file's bytes, from the start. */
  read(id: string): Promise<Readable>;
  /** Its first `count` bytes (fewer if it is shorter), for telling its type. */
  head(id: string, count: number): Promise<Buffer>;
  /** The upload's state, or undefined when there is none. */
  stat(id: string): Promise<StoredUpload | undefined>;
  /** Deletes the file and what the store keeps about it; one that is not there is no error. */
  delete(id: string): Promise<void>;
  /**
   * Deletes the uploads begun before `before` and never finished (a member who gave up): how
   * many. Finished files stay, whatever their age (their attachment keeps them). A store that
   * cannot list its uploads sweeps none (S3: a bucket lifecycle rule ends multipart uploads).
   */
  sweep(before: Date): Promise<number>;
}

const isMissing = (error: unknown) =>
  error === ERRORS.FILE_NOT_FOUND ||
  error === ERRORS.FILE_NO_LONGER_EXISTS ||
  (error as { code?: string } | null)?.code === 'ENOENT';

/** The interface over any tus data store that can read its files back. */
export class TusUploadStorage implements UploadStorage {
  constructor(
    readonly tusStore: DataStore & { read(id: string): Readable | Promise<Readable> },
    /** Removes what `tusStore.remove` leaves behind (S3: a completed upload's objects). */
    private readonly removeLeftovers: (id: string) => Promise<void> = async () => undefined,
    /** The ids of every upload, where the store can tell them. */
    private readonly list?: () => Promise<string[]>,
  ) {}

  async put(id: string, content: Buffer, metadata: Record<string, string> = {}): Promise<void> {
    await this.tusStore.create(new Upload({ id, size: content.length, offset: 0, metadata }));
    await this.tusStore.write(Readable.from([content]), id, 0);
  }

  async read(id: string): Promise<Readable> {
    return await this.tusStore.read(id);
  }

  async head(id: string, count: number): Promise<Buffer> {
    const stream = await this.read(id);
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of stream) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        chunks.push(bytes);
        length += bytes.length;
        if (length >= count) break;
      }
    } finally {
      stream.destroy();
    }
    return Buffer.concat(chunks).subarray(0, count);
  }

  async stat(id: string): Promise<StoredUpload | undefined> {
    try {
      const upload = await this.tusStore.getUpload(id);
      return { id, size: upload.size, offset: upload.offset, metadata: upload.metadata ?? {} };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await this.tusStore.remove(id);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await this.removeLeftovers(id);
  }

  async sweep(before: Date): Promise<number> {
    if (!this.list) return 0;
    let swept = 0;
    for (const id of await this.list()) {
      // The store's own record of the upload (FileStore: its size on disk is the offset).
      const upload = await this.tusStore.getUpload(id).catch(() => undefined);
      const begun = upload?.creation_date ? Date.parse(upload.creation_date) : NaN;
      if (!upload || upload.offset === upload.size || !(begun < before.getTime())) continue;
      await this.delete(id);
      swept += 1;
    }
    return swept;
  }
}

/** The local folder of the file store: UPLOAD_DIR, else `.data/uploads` at the repository's root. */
export function uploadDirectory(config: Pick<GatewayConfig, 'UPLOAD_DIR'>): string {
  if (config.UPLOAD_DIR) return config.UPLOAD_DIR;
  const root = repositoryRoot();
  if (!root) throw new Error('UPLOAD_DIR is not set and no repository is around to keep .data/uploads in');
  return join(root, '.data', 'uploads');
}

/** The storage the configuration names (UPLOAD_STORE). */
export async function createUploadStorage(config: GatewayConfig): Promise<UploadStorage> {
  if (config.UPLOAD_STORE === 's3') return await bucketStorage(config);
  // Made here, at start: the file store makes it in the background and throws, uncaught, if it cannot.
  const directory = uploadDirectory(config);
  mkdirSync(directory, { recursive: true });
  // No tus expiration: FileStore's would delete finished files too (its records keep offset 0).
  const store = new FileStore({ directory });
  return new TusUploadStorage(store, undefined, async () => (await store.configstore.list?.()) ?? []);
}

/**
 * The S3-compatible store, loaded only when configured (the AWS SDK is large). Its `remove`
 * aborts the multipart upload first, and gives up (FILE_NOT_FOUND) on a completed one, whose
 * multipart upload is gone: the objects are then deleted here.
 */
async function bucketStorage(config: GatewayConfig): Promise<UploadStorage> {
  const { S3Store } = await import('@tus/s3-store');
  class BucketStore extends S3Store {
    async removeObjects(id: string): Promise<void> {
      await this.client.deleteObjects({
        Bucket: this.bucket,
        Delete: { Objects: [{ Key: id }, { Key: this.infoKey(id) }], Quiet: true },
      });
      await this.clearCache(id);
    }
  }
  const store = new BucketStore({
    s3ClientConfig: {
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      // An S3-compatible service (not AWS) often takes no checksums streamed after the body,
      // which the SDK now sends by default: a part would be refused as MissingContentLength.
      ...(config.S3_ENDPOINT
        ? {
            endpoint: config.S3_ENDPOINT,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? {
            credentials: {
              accessKeyId: config.S3_ACCESS_KEY_ID,
              secretAccessKey: config.S3_SECRET_ACCESS_KEY,
            },
          }
        : {}),
    },
  });
  return new TusUploadStorage(store, (id) => store.removeObjects(id));
}
