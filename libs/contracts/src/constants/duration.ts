/**
 * The units of a duration, as `ms` (the parser Temporal reads durations with) names them, so a
 * duration that one service accepts reads the same in a Temporal timer.
 */
const DURATION_UNITS: ReadonlyArray<[RegExp, number]> = [
  [/^(milliseconds?|msecs?|ms)$/, 1],
  [/^(seconds?|secs?|s)$/, 1_000],
  [/^(minutes?|mins?|m)$/, 60_000],
  [/^(hours?|hrs?|h)$/, 3_600_000],
  [/^(days?|d)$/, 86_400_000],
  [/^(weeks?|w)$/, 604_800_000],
  [/^(years?|yrs?|y)$/, 31_557_600_000],
];

/**
 * The milliseconds of a duration such as `1 minute`, `90s`, `36h`, `1.5 hours` or `500ms`;
 * `undefined` for anything else, a bare number (which unit?) or nothing at all (`0s`). Plain
 * code, so that a workflow (which loads neither zod nor the platform) reads durations with it too.
 */
export function durationMs(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) *([a-z]+)$/i.exec(value.trim());
  const unit = match ? DURATION_UNITS.find(([name]) => name.test(match[2].toLowerCase())) : undefined;
  const ms = match && unit ? Math.round(Number(match[1]) * unit[1]) : 0;
  return ms > 0 ? ms : undefined;
}
