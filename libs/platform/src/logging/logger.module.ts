import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** Keys whose values are credentials or protected: never written, at any of the first three levels. */
const SECRET_KEYS = [
  'password',
  'current',
  'next',
  'token',
  'csrfToken',
  'challenge',
  'code',
  'secret',
  'totpSecret',
  'recoveryCodes',
  'otpauthUrl',
  'sensitive',
];

/** Paths that never reach a log line: credentials, and anything marked sensitive. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** Structured JSON logs with pino, one name per service. */
export function loggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: level === 'debug' || level === 'trace',
      quietReqLogger: true,
    },
  });
}
