import { randomBytes } from 'node:crypto';
import { GrantsWorld } from './grants-world';
import { startS3Server } from './s3-server';

const tusMetadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');

/**
 * The S3 upload store (UPLOAD_STORE=s3) against a real S3-protocol server of the test's own: a
 * photo sent in two PATCHes with a pause between, as after a dropped connection, goes on from
 * where it stopped, is told by its content, attached, read back byte for byte and deleted with
 * its attachment; a program is refused and leaves nothing in the bucket.
 */
describe('attachments in an S3-compatible bucket', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let world: GrantsWorld;
  let member: { token: string; id: string };
  let applicationId: string;

  const tus = (path: string, method: string, headers: Record<string, string>, body?: Buffer) =>
    fetch(`${world.url}${path}`, {
      method,
      headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${member.token}`, ...headers },
      ...(body ? { body } : {}),
    });
  const create = (size: number, filename: string) =>
    tus('/api/uploads', 'POST', {
      'upload-length': String(size),
      'upload-metadata': tusMetadata({ applicationId, kind: 'photo', filename, filetype: 'image/jpeg' }),
    });
  const patch = (location: string, offset: number, bytes: Buffer) =>
    tus(
      location,
      'PATCH',
      { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      bytes,
    );
  /** The keys in the bucket (a path-style listing, parsed for its keys). */
  const keys = async () => {
    const listing = await (await fetch(`${s3.endpoint}/${s3.bucket}?list-type=2`)).text();
    return [...listing.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]!);
  };

  beforeAll(async () => {
    s3 = await startS3Server('bandanh-uploads');
    world = await GrantsWorld.start('grants-uploads-s3', {
      UPLOAD_STORE: 's3',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    });
    member = await world.member(await world.eligibleCbo('Kampong Chhnang Fishers'), 's3');
    applicationId = (await world.startApplication(member.token, (await world.openRound()).id)).id;
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
    await s3?.stop();
  });

  it('takes a photo in two pieces, attaches it, gives it back whole and deletes it with its attachment', async () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), randomBytes(700_000)]);
    const created = await create(photo.length, 'ទូក.jpg');
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;

    const first = await patch(location, 0, photo.subarray(0, 300_000));
    expect(first.status).toBe(204);
    // Where to go on, as a client asks after a cut: from the bytes the bucket holds.
    const head = await tus(location, 'HEAD', {});
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(300_000);

    const rest = await patch(location, 300_000, photo.subarray(300_000));
    expect(rest.status).toBe(200);
    const { attachment } = (await rest.json()) as any;
    expect(attachment).toMatchObject({ kind: 'photo', contentType: 'image/jpeg', size: photo.length });
    expect((await keys()).some((key) => location.endsWith(key))).toBe(true);

    const file = await fetch(
      `${world.url}/api/grants/applications/${applicationId}/attachments/${attachment.id}/file`,
      { headers: { authorization: `Bearer ${member.token}` } },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);

    const removed = await world.call(
      member.token,
      `/api/grants/applications/${applicationId}/attachments/${attachment.id}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(200);
    await expect(keys()).resolves.toEqual([]);
  }, 60_000);

  it('refuses a program by its content and leaves nothing in the bucket', async () => {
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(10_000)]);
    const created = await create(program.length, 'photo.jpg');
    const answer = await patch(created.headers.get('location')!, 0, program);
    expect(answer.status).toBe(415);
    await expect(keys()).resolves.toEqual([]);
  });
});
