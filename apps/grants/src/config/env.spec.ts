import { loadGrantsConfig } from './env';

describe("the grants service's configuration", () => {
  it('uses the local database and NATS by default', () => {
    expect(loadGrantsConfig({})).toMatchObject({
      DATABASE_URL: expect.stringMatching(/^postgres:\/\//),
      NATS_PREFIX: 'bandanh',
    });
  });

  it('stops at boot on a database URL that is not one', () => {
    expect(() => loadGrantsConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});

describe("an application's files limit", () => {
  it('is 30 MiB unless set, and a number of bytes', () => {
    expect(loadGrantsConfig({}).GRANT_APPLICATION_FILES_MAX_BYTES).toBe(30 * 1024 * 1024);
    expect(
      loadGrantsConfig({ GRANT_APPLICATION_FILES_MAX_BYTES: '1000' }).GRANT_APPLICATION_FILES_MAX_BYTES,
    ).toBe(1000);
    expect(() => loadGrantsConfig({ GRANT_APPLICATION_FILES_MAX_BYTES: 'big' })).toThrow(
      /GRANT_APPLICATION_FILES_MAX_BYTES/,
    );
  });
});
