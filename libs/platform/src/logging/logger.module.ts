import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type StreamEntry } from 'pino';
import pretty from 'pino-pretty';

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
  'req.headers["x-bandanh-web-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogOutput {
  /** `json` (the default): one JSON object a line on stdout; `pretty`: lines for people to read. */
  format: LogFormat;
  /** When set, every line is also appended as JSON to `<dir>/<service>.log`, whatever the format. */
  dir?: string;
}

/** Reads LOG_FORMAT and LOG_DIR; a wrong LOG_FORMAT stops the service with a sentence naming it. */
export function logOutputFromEnv(env: Record<string, string | undefined> = process.env): LogOutput {
  const format = env.LOG_FORMAT?.trim() || 'json';
  if (!(LOG_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}`);
  }
  const dir = env.LOG_DIR?.trim();
  return { format: format as LogFormat, ...(dir ? { dir } : {}) };
}

/**
 * Where the lines go. Plain JSON on stdout is pino's own default destination (nothing is
 * built: the tests start many apps in one process). Otherwise one multistream in the main
 * thread, no transport worker: pino-pretty and/or a JSON file, both synchronous, so the
 * last lines before a crash are written.
 */
export function logDestination(service: string, output: LogOutput): DestinationStream | undefined {
  if (output.format === 'json' && !output.dir) return undefined;
  const streams: StreamEntry[] = [
    {
      level: 'trace',
      stream:
        output.format === 'pretty'
          ? pretty({
              sync: true,
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname,name,context',
              messageFormat: '{if context}{context}: {end}{msg}',
              errorLikeObjectKeys: ['err', 'error'],
            })
          : pino.destination({ dest: 1, sync: true }),
    },
  ];
  if (output.dir) {
    streams.push({
      level: 'trace',
      stream: pino.destination({ dest: join(output.dir, `${service}.log`), mkdir: true, sync: true }),
    });
  }
  return pino.multistream(streams);
}

/**
 * Structured logs with pino, one name per service: JSON on stdout by default, pretty with
 * LOG_FORMAT=pretty, and a JSON copy in LOG_DIR/<service>.log when LOG_DIR is set.
 */
export function loggerModule(
  service: string,
  level: string,
  output: LogOutput = logOutputFromEnv(),
): DynamicModule {
  const autoLogging = level === 'debug' || level === 'trace';
  const options = {
    name: service,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    autoLogging,
    // Lines logged while a request runs carry its reqId only (quietReqLogger); the request itself
    // is written only on the line that auto-logging writes when the request ends. pino-http binds
    // it to a logger of its own on every request all the same, serialised, redacted and turned
    // into JSON at once: without auto-logging, nothing ever writes that logger's lines, so the
    // request is left out of it.
    quietReqLogger: true,
    ...(autoLogging ? {} : { serializers: { req: () => undefined } }),
  };
  const destination = logDestination(service, output);
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
