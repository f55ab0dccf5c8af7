import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

const LEVELS: Record<string, LogLevel> = {
  fatal: 'ERROR',
  error: 'ERROR',
  warn: 'WARN',
  info: 'INFO',
  debug: 'DEBUG',
  trace: 'TRACE',
  silent: 'ERROR',
};

let installed = false;

/** Sends the Temporal SDK's own logs through the service's logger, at the service's level. */
export function installTemporalRuntime(level: string): void {
  if (installed) return;
  installed = true;
  const logger = new Logger('Temporal');
  Runtime.install({
    logger: new DefaultLogger(LEVELS[level] ?? 'INFO', ({ level: entryLevel, message, meta }) => {
      const line = meta ? { ...meta, msg: message } : message;
      if (entryLevel === 'ERROR') logger.error(line);
      else if (entryLevel === 'WARN') logger.warn(line);
      else if (entryLevel === 'INFO') logger.log(line);
      else logger.debug(line);
    }),
  });
}
