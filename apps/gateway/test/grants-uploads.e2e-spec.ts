import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';
import { GrantsWorld } from './grants-world';

const MiB = 1024 * 1024;

/** tus's Upload-Metadata: `key base64(value)` pairs. */
const metadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');

const jpeg = (size: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), randomBytes(size - 6)]);
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const exe = (size: number) =>
  Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(size - 8)]);

/**
 * Attachments by resumable upload (tus) on the real stack: a photo cut off at 80% and finished
 * from where it stopped, the type told by the content, the limits per file and per application,
 * nobody but the member's own CBO, the file read back by who may read the application, and gone
 * with its attachment.
 */
describe('attachments by resumable upload', () => {
  let world: GrantsWorld;
  let sql: postgres.Sql;
  let roundId: string;
  let mine: { token: string; id: string };
  let theirs: { token: string; id: string };
  let application: any;
  let otherApplication: any;

  const tus = (
    token: string | undefined,
    path: string,
    method: string,
    headers: Record<string, string>,
    body?: Buffer,
  ) =>
    fetch(`${world.url}${path}`, {
      method,
      headers: {
        'tus-resumable': '1.0.0',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body ? { body } : {}),
    });

  /** Creates an upload for `applicationId`; the answer as it came. */
  const create = (
    token: string | undefined,
    applicationId: string,
    size: number,
    filename = 'photo.jpg',
    kind = 'photo',
  ) =>
    tus(token, '/api/uploads', 'POST', {
      'upload-length': String(size),
      'upload-metadata': metadata({ applicationId, kind, filename, filetype: 'image/jpeg' }),
    });

  const patch = (token: string, location: string, offset: number, bytes: Buffer) =>
    tus(
      token,
      location,
      'PATCH',
      { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      bytes,
    );

  const offsetOf = async (token: string, location: string) => {
    const head = await tus(token, location, 'HEAD', {});
    return { status: head.status, offset: Number(head.headers.get('upload-offset')) };
  };

  /** Sends `bytes` as a PATCH that announces `total` bytes, and drops the connection after them. */
  const cutPatch = (token: string, location: string, offset: number, bytes: Buffer, total: number) =>
    new Promise<void>((resolve) => {
      const url = new URL(location, world.url);
      const req = httpRequest(url, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${token}`,
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
          'content-length': String(total),
        },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(bytes, () => {
        // The network goes: after what was sent has had time to arrive, the connection is cut.
        setTimeout(() => req.destroy(), 500);
      });
    });

  /** The offset once the server has settled what arrived before the cut. */
  const settledOffset = async (token: string, location: string) => {
    let last = -1;
    for (let attempt = 0; attempt < 50; attempt++) {
      const { offset } = await offsetOf(token, location);
      if (offset === last) return offset;
      last = offset;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The offset never settled');
  };

  const storedFiles = () => readdirSync(world.uploadDir).filter((name) => !name.endsWith('.json'));

  beforeAll(async () => {
    world = await GrantsWorld.start('grants-uploads', { GRANT_APPLICATION_FILES_MAX_BYTES: String(2 * MiB) });
    sql = postgres(world.stack.database.url, { max: 1, onnotice: () => {} });
    const [ours, other] = await Promise.all([
      world.eligibleCbo('Svay Por Women'),
      world.eligibleCbo('Ek Phnom Fishers'),
    ]);
    mine = await world.member(ours, 'mine');
    theirs = await world.member(other, 'theirs');
    roundId = (await world.openRound()).id;
    application = await world.startApplication(mine.token, roundId);
    otherApplication = await world.startApplication(theirs.token, roundId);
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await world?.stop();
  });

  it('continues a photo cut off at 80% from where it stopped, and attaches it whole', async () => {
    const photo = jpeg(400_000);
    const created = await create(mine.token, application.id, photo.length, 'ផ្ទះសហគមន៍.jpg');
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]+$/);

    const cut = Math.floor(photo.length * 0.8);
    await cutPatch(mine.token, location, 0, photo.subarray(0, cut), photo.length);
    const offset = await settledOffset(mine.token, location);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(cut);
    // Not attached yet: the file is not whole.
    expect(
      (await world.call(mine.token, `/api/grants/applications/${application.id}`)).body.application
        .attachments,
    ).toEqual([]);

    const rest = await patch(mine.token, location, offset, photo.subarray(offset));
    expect(rest.status).toBe(200);
    const answer = (await rest.json()) as any;
    expect(answer.attachment).toMatchObject({
      kind: 'photo',
      fileName: 'ផ្ទះសហគមន៍.jpg',
      contentType: 'image/jpeg',
      size: photo.length,
    });
    const read = await world.call(mine.token, `/api/grants/applications/${application.id}`);
    expect(read.body.application.attachments).toEqual([answer.attachment]);

    const file = await fetch(
      `${world.url}/api/grants/applications/${application.id}/attachments/${answer.attachment.id}/file`,
      { headers: { authorization: `Bearer ${mine.token}` } },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]+"; filename\*=UTF-8''%E1/,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);

    // Programme staff read it too; a member of another CBO does not even learn it is there.
    const staff = await world.as(
      'coordinator',
      `/api/grants/applications/${application.id}/attachments/${answer.attachment.id}/file`,
    );
    expect(staff.status).toBe(200);
    const stranger = await world.call(
      theirs.token,
      `/api/grants/applications/${application.id}/attachments/${answer.attachment.id}/file`,
    );
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ code: 'NOT_FOUND' });

    // Finished and attached, the upload can no longer be ended through tus.
    expect((await tus(mine.token, location, 'DELETE', {})).status).toBe(400);
  }, 60_000);

  it('tells the type by the content: a .jpg that is a PDF is a PDF, a program is refused and deleted', async () => {
    const quote = pdf(20_000);
    // The whole file in the creating request, as the web without JavaScript sends it.
    const inOne = await tus(
      mine.token,
      '/api/uploads',
      'POST',
      {
        'upload-length': String(quote.length),
        'upload-metadata': metadata({ applicationId: application.id, kind: 'quote', filename: 'quote.jpg' }),
        'content-type': 'application/offset+octet-stream',
      },
      quote,
    );
    expect(inOne.status).toBe(201);
    expect(((await inOne.json()) as any).attachment).toMatchObject({
      fileName: 'quote.jpg',
      contentType: 'application/pdf',
      size: quote.length,
    });

    const before = storedFiles().length;
    const program = exe(30_000);
    const created = await create(mine.token, application.id, program.length, 'setup.exe', 'other');
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const refused = await patch(mine.token, location, 0, program);
    expect(refused.status).toBe(415);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await refused.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'unsupported_type', issues: [{ path: 'file', code: 'unsupported_type' }] },
    });
    expect((await offsetOf(mine.token, location)).status).toBe(404);
    expect(storedFiles()).toHaveLength(before);
    const read = await world.call(mine.token, `/api/grants/applications/${application.id}`);
    expect(read.body.application.attachments.map((a: any) => a.fileName)).not.toContain('setup.exe');
  }, 60_000);

  it('refuses at creation a file over the limit, and one the application has no room left for', async () => {
    const before = storedFiles().length;
    const tooLarge = await create(mine.token, application.id, 10 * MiB + 1);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'A file may be at most 10 MiB',
      details: { reason: 'file_too_large', limit: 10 * MiB },
    });
    // This stack allows 2 MiB per application; 400 kB + 20 kB are taken.
    const noRoom = await create(mine.token, application.id, 2 * MiB - 100_000);
    expect(noRoom.status).toBe(409);
    expect(await noRoom.json()).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'attachments_too_large' },
    });
    const noLength = await tus(mine.token, '/api/uploads', 'POST', {
      'upload-defer-length': '1',
      'upload-metadata': metadata({ applicationId: application.id, kind: 'photo', filename: 'a.jpg' }),
    });
    expect(noLength.status).toBe(400);
    const badMetadata = await tus(mine.token, '/api/uploads', 'POST', {
      'upload-length': '100',
      'upload-metadata': metadata({ applicationId: 'nope', kind: 'video' }),
    });
    expect(badMetadata.status).toBe(400);
    expect(((await badMetadata.json()) as any).details.issues.map((issue: any) => issue.path)).toEqual([
      'upload-metadata.applicationId',
      'upload-metadata.kind',
      'upload-metadata.filename',
    ]);
    expect(storedFiles()).toHaveLength(before);
  });

  it('takes uploads only from a member of the application’s own CBO, and lets only its creator go on', async () => {
    const elsewhere = await create(theirs.token, application.id, 1000);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await create(undefined, application.id, 1000)).status).toBe(401);
    expect((await create(await world.token('coordinator'), application.id, 1000)).status).toBe(403);

    // Someone else's upload in progress: neither its offset nor a PATCH.
    const created = await create(mine.token, application.id, 1000);
    const location = created.headers.get('location')!;
    expect((await offsetOf(theirs.token, location)).status).toBe(404);
    expect((await patch(theirs.token, location, 0, jpeg(1000))).status).toBe(404);
    expect((await offsetOf(mine.token, location)).offset).toBe(0);
    // The owner may end an unfinished upload.
    expect((await tus(mine.token, location, 'DELETE', {})).status).toBe(204);
    expect((await offsetOf(mine.token, location)).status).toBe(404);
    // Their own application takes their upload.
    expect((await create(theirs.token, otherApplication.id, 1000)).status).toBe(201);
  });

  it('says where to go on through a proxy that names its prefix', async () => {
    const created = await tus(mine.token, '/api/uploads', 'POST', {
      'upload-length': '100',
      'upload-metadata': metadata({ applicationId: application.id, kind: 'photo', filename: 'a.jpg' }),
      'x-forwarded-prefix': '/uploads',
      origin: 'https://elsewhere.example',
    });
    expect(created.status).toBe(201);
    // And no other site's page may use it from a browser.
    expect(created.headers.get('access-control-allow-origin')).toBeNull();
    expect(created.headers.get('location')).toMatch(/^\/uploads\/[0-9a-f]+$/);
    await tus(mine.token, `/api/uploads/${created.headers.get('location')!.split('/').pop()}`, 'DELETE', {});
  });

  it('deletes the stored file with its attachment', async () => {
    const photo = jpeg(5_000);
    const created = await create(mine.token, application.id, photo.length, 'gone.jpg');
    const done = await patch(mine.token, created.headers.get('location')!, 0, photo);
    expect(done.status).toBe(200);
    const { attachment } = (await done.json()) as any;
    const uploadId = created.headers.get('location')!.split('/').pop()!;
    expect(storedFiles()).toContain(uploadId);

    const detached = await world.call(
      mine.token,
      `/api/grants/applications/${application.id}/attachments/${attachment.id}`,
      {
        method: 'DELETE',
      },
    );
    expect(detached.status).toBe(200);
    expect(detached.body.application.attachments.map((a: any) => a.id)).not.toContain(attachment.id);
    expect(storedFiles()).not.toContain(uploadId);
    const file = await world.call(
      mine.token,
      `/api/grants/applications/${application.id}/attachments/${attachment.id}/file`,
    );
    expect(file.status).toBe(404);
  });

  // Last: it stops and restarts the stack's processes.
  it('attaches a file whose last byte came while the grants service was away, when the client asks where to go on', async () => {
    const fresh = await world.startApplication(mine.token, (await world.openRound()).id);
    const letter = pdf(30_000);
    const created = await create(mine.token, fresh.id, letter.length, 'letter.pdf', 'letter');
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    await world.stack.stopService('grants');
    // Every byte arrives; the attachment cannot be recorded: a failure that a retry mends.
    const last = await patch(mine.token, location, 0, letter);
    expect(last.status).toBeGreaterThanOrEqual(500);
    // Asked where to go on, the gateway does not say "complete" while the file is not attached.
    expect((await offsetOf(mine.token, location)).status).toBeGreaterThanOrEqual(500);

    await world.stack.restart();
    // The client's retry: a HEAD, which finds every byte there and attaches the file, once.
    const again = await offsetOf(mine.token, location);
    expect(again).toEqual({ status: 200, offset: letter.length });
    expect((await offsetOf(mine.token, location)).status).toBe(200);
    const read = await world.call(mine.token, `/api/grants/applications/${fresh.id}`);
    expect(read.body.application.attachments).toEqual([
      expect.objectContaining({ kind: 'letter', fileName: 'letter.pdf', contentType: 'application/pdf' }),
    ]);
    const [{ count }] = await sql`
      select count(*)::int as count from grants.attachments where application_id = ${fresh.id}`;
    expect(count).toBe(1);
  }, 120_000);
});
