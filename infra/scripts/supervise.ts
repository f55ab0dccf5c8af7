/**
 * The process supervisor of `npm start` (infra/start.sh calls it with the app list):
 *
 *   node -r @swc-node/register infra/scripts/supervise.ts [options] NAME=COMMAND...
 *
 * concurrently runs the commands side by side, each line of their output prefixed with
 * [NAME] in its colour, and forwards signals to each command's whole process tree. This
 * script adds what concurrently's own `--restart-tries -1 --restart-after exponential` lacks
 * for long-running services: it says which app exited, with what code, and when it restarts;
 * the backoff doubles up to a ceiling and starts again after a run that lasted; a clean exit
 * is restarted too; and a stop signal cancels the restarts that are waiting (concurrently's
 * CLI restarts an app after SIGTERM, and one whose backoff was running when SIGINT came).
 *
 * Options (milliseconds):
 *   --backoff-ms=1000       the first restart delay, doubled for each exit in a row
 *   --max-backoff-ms=30000  the ceiling of the delay
 *   --stable-ms=60000       a run that lasted this long resets the delay (and counts as up)
 *   --start-tries=0         give up (stop everything, exit 1) when an app exits this many
 *                           times before it was ever up for stable-ms; 0: never give up
 *   --stop-timeout-ms=8000  after a stop signal, what is still running then is killed
 *
 * SIGINT, SIGTERM or SIGHUP: no more restarts, the same signal to every command's process
 * tree, exit 0 once all stopped; a second signal kills what is left at once.
 */
import { createConcurrently, LogError, LogOutput, Logger } from 'concurrently';
import type { CloseEvent, Command, FlowController } from 'concurrently';

export interface SuperviseOptions {
  backoffMs: number;
  maxBackoffMs: number;
  stableMs: number;
  startTries: number;
  stopTimeoutMs: number;
}

export interface App {
  name: string;
  command: string;
}

const DEFAULTS: SuperviseOptions = {
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  stableMs: 60_000,
  startTries: 0,
  stopTimeoutMs: 8_000,
};

const FLAGS: Record<string, keyof SuperviseOptions> = {
  '--backoff-ms': 'backoffMs',
  '--max-backoff-ms': 'maxBackoffMs',
  '--stable-ms': 'stableMs',
  '--start-tries': 'startTries',
  '--stop-timeout-ms': 'stopTimeoutMs',
};

const COLORS = ['blue', 'magenta', 'cyan', 'green', 'yellow', 'red'];
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function usage(problem: string): never {
  process.stderr.write(
    `[supervise] ${problem}\n` +
      'usage: supervise.ts [--backoff-ms=N] [--max-backoff-ms=N] [--stable-ms=N] [--start-tries=N] ' +
      '[--stop-timeout-ms=N] NAME=COMMAND...\n',
  );
  process.exit(2);
}

export function parseArgs(argv: string[]): { options: SuperviseOptions; apps: App[] } {
  const options = { ...DEFAULTS };
  const apps: App[] = [];
  for (const arg of argv) {
    if (arg.startsWith('--')) {
      const [flag, value = ''] = arg.split('=', 2);
      const key = FLAGS[flag];
      if (!key) usage(`unknown option ${flag}`);
      if (!/^\d+$/.test(value)) usage(`${flag} needs a whole number of milliseconds, like ${flag}=1000`);
      options[key] = Number(value);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(0, equals);
    const command = arg.slice(equals + 1).trim();
    if (equals <= 0 || !/^[\w.-]+$/.test(name) || !command) usage(`"${arg}" is not NAME=COMMAND`);
    if (apps.some((app) => app.name === name)) usage(`two apps are named ${name}`);
    apps.push({ name, command });
  }
  if (apps.length === 0) usage('no app to run');
  return { options, apps };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

function describeExit(event: CloseEvent): string {
  const code = event.exitCode;
  const how =
    typeof code === 'string' && code.startsWith('SIG') ? `was killed by ${code}` : `exited with code ${code}`;
  return `${how} after ${seconds(event.timings.durationSeconds * 1000)}`;
}

/** Restarts what exits, with a capped exponential backoff, until a stop signal. */
class Supervise implements FlowController {
  private stopping: string | undefined;
  private exitStatus = 0;
  private readonly pending = new Map<Command, NodeJS.Timeout>();
  /** Exits in a row, per command, since its last run that lasted stableMs. */
  private readonly inARow = new Map<Command, number>();
  /** Commands that have once run for stableMs: they are never given up on. */
  private readonly wasUp = new Set<Command>();

  constructor(
    private readonly logger: Logger,
    private readonly options: SuperviseOptions,
  ) {}

  handle(commands: Command[]) {
    for (const command of commands) {
      // A stop signal that arrived with the exit is handled first: no restart is announced.
      command.close.subscribe((event) => setImmediate(() => this.closed(commands, command, event)));
    }
    for (const signal of STOP_SIGNALS) process.on(signal, () => this.stop(commands, signal));
    return { commands };
  }

  private closed(commands: Command[], command: Command, event: CloseEvent): void {
    if (this.stopping) {
      this.logger.logCommandEvent(`stopped (${describeExit(event)})`, command);
      this.finishIfStopped(commands);
      return;
    }
    const { backoffMs, maxBackoffMs, stableMs, startTries } = this.options;
    if (event.timings.durationSeconds * 1000 >= stableMs) {
      this.wasUp.add(command);
      this.inARow.set(command, 0);
    }
    const count = (this.inARow.get(command) ?? 0) + 1;
    this.inARow.set(command, count);
    if (startTries > 0 && !this.wasUp.has(command) && count >= startTries) {
      this.logger.logCommandEvent(
        `${describeExit(event)}: ${count} exits in a row and never up for ${seconds(stableMs)}; giving up`,
        command,
      );
      this.exitStatus = 1;
      this.stop(commands, `${command.name} never came up`);
      return;
    }
    const delay = Math.min(backoffMs * 2 ** (count - 1), maxBackoffMs);
    this.logger.logCommandEvent(`${describeExit(event)}; restarting in ${seconds(delay)}`, command);
    this.pending.set(
      command,
      setTimeout(() => {
        this.pending.delete(command);
        if (this.stopping) return;
        this.logger.logCommandEvent(`restarting: ${command.command}`, command);
        command.start();
      }, delay),
    );
  }

  private stop(commands: Command[], reason: string): void {
    const running = commands.filter((command) => command.state === 'started');
    if (this.stopping) {
      this.logger.logGlobalEvent(
        `${reason} again: killing ${running.map((c) => c.name).join(', ') || 'nothing'}`,
      );
      for (const command of running) command.kill('SIGKILL');
      return;
    }
    this.stopping = reason;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    const signal = reason.startsWith('SIG') ? reason : 'SIGTERM';
    this.logger.logGlobalEvent(
      `${reason}: stopping ${running.map((c) => c.name).join(', ') || 'nothing'} (${signal})`,
    );
    for (const command of running) command.kill(signal);
    setTimeout(() => {
      const left = commands.filter((command) => command.state === 'started');
      this.logger.logGlobalEvent(
        `still running after ${seconds(this.options.stopTimeoutMs)}: killing ${left.map((c) => c.name).join(', ')}`,
      );
      for (const command of left) command.kill('SIGKILL');
    }, this.options.stopTimeoutMs).unref();
    this.finishIfStopped(commands);
  }

  private finishIfStopped(commands: Command[]): void {
    if (!this.stopping || commands.some((command) => command.state === 'started')) return;
    this.logger.logGlobalEvent('everything stopped');
    process.stdout.write('', () => process.exit(this.exitStatus));
  }
}

export function supervise(apps: App[], options: SuperviseOptions): void {
  const logger = new Logger({ prefixFormat: 'name' });
  logger.setPrefixLength(Math.max(...apps.map((app) => app.name.length)));
  const { result } = createConcurrently(
    apps.map((app, index) => ({ ...app, prefixColor: COLORS[index % COLORS.length] })),
    {
      logger,
      outputStream: process.stdout,
      controllers: [new LogError({ logger }), new LogOutput({ logger }), new Supervise(logger, options)],
    },
  );
  // Settles when every app is down at one moment (all waiting to restart): the supervisor
  // itself decides when it is done, in finishIfStopped.
  result.catch(() => undefined);
}

if (require.main === module) {
  const { options, apps } = parseArgs(process.argv.slice(2));
  supervise(apps, options);
}
