import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from './logger.module';

function logged(value: object): string {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink).info(value, 'event');
  return out;
}

describe('log redaction', () => {
  it('never writes credentials, wherever they sit in the first levels of a log line', () => {
    const line = logged({
      req: {
        headers: { authorization: 'Bearer s3ss10n', cookie: 'bandanh_session=abc', 'x-csrf-token': 'csrf1' },
      },
      password: 'hunter2-top',
      body: { email: 'a@example.org', password: 'hunter2-body', code: '123456', challenge: 'ch4ll' },
      result: { session: { token: 'tok3n', csrfToken: 'csrf2' }, recoveryCodes: ['abcde-fghij'] },
      mfa: { secret: 'JBSWY3DP', otpauthUrl: 'otpauth://totp/x?secret=JBSWY3DP' },
      change: { current: 'old-pass', next: 'new-pass' },
    });
    for (const secret of [
      's3ss10n',
      'bandanh_session=abc',
      'csrf1',
      'hunter2',
      '123456',
      'ch4ll',
      'tok3n',
      'csrf2',
      'abcde-fghij',
      'JBSWY3DP',
      'old-pass',
      'new-pass',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('a@example.org');
    expect(line).toContain('[redacted]');
  });
});
