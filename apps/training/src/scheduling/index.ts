/**
 * # Scheduling and seat rules of the training programme
 *
 * Pure functions, no I/O: the sessions service loads a consistent snapshot (trainer profiles,
 * sessions, seats, settings), asks these rules, and writes what they decide. Nothing here knows
 * NestJS, drizzle or the clock: `now` is always an argument.
 *
 * **Time.** Instants are ISO strings; dates `YYYY-MM-DD` and times `HH:MM` are Phnom Penh wall
 * clock (UTC+7 all year, no daylight saving, so plain arithmetic — see `time.ts`). Spans are
 * half-open: a session may start exactly when another ends.
 *
 * **Scheduling** (`schedule.ts`). `checkSchedule(proposed, context)` answers `{ ok: true }` or
 * every reason it refuses, each a code of `SCHEDULE_REFUSALS` with the trainer and the
 * conflicting session or exception it concerns:
 * - `ends_before_start`, `in_the_past`, `capacity_below_minimum` — the session's own faults;
 * - `not_qualified` (may not teach the module, or no profile), `outside_provinces` (does not travel
 *   to the venue's province), `outside_availability` (no weekly window of that Phnom Penh weekday
 *   holds the whole session — so a session over midnight never fits), `trainer_on_leave` (a dated
 *   exception overlaps), `double_booked` (another of the trainer's sessions overlaps),
 *   `too_little_travel_time` (a session of the trainer in another province less than
 *   `travelMinutes` before or after; same province or online needs none) — per trainer;
 * - `venue_taken` — another session at the same province, district, commune and place overlaps
 *   (places compared trimmed and case-insensitively; online never conflicts).
 * When moving a session, pass its `id`: it is then no conflict of itself. A trainer's stored dated
 * exceptions (`startDate`/`endDate`, optional times) become spans with `datedException`. Callers
 * validate shapes with zod first; a malformed instant, date or time here throws a `RangeError`.
 *
 * **Find a slot** (`slots.ts`). `findSlots(...)` walks each day of the range, tries each window's
 * start and every `stepMinutes` after it, and keeps the starts where at least one trainer qualified
 * for the module and travelling to the province passes every trainer check above.
 *
 * **Seats** (`seats.ts`). `allocateSeats` decides one confirmation: a seat when one is free and
 * the CBO holds fewer confirmed seats than `perCboLimit`; the waitlist (by request time) when the
 * session is full; `cbo_limit_reached` when the CBO is at its limit; the same answer with
 * `created: false` for a member who already holds a seat or a place. `promoteFromWaitlist` picks,
 * for each free seat, the first waitlisted entry whose CBO is under its limit. The database layer
 * serialises concurrent confirmations (a row lock on the session) and applies each decision before
 * the next, so twenty confirmations for ten seats give ten seats and ten places. `inviteOrder`
 * lists who to invite: not yet done with the module, the session's province first, by CBO name.
 *
 * **Completion** (`completion.ts`). Present and late attend. `moduleCompletedForCbo` holds when at
 * least `minAttendees` distinct members attended; `eligibleForGrants` when every required module is
 * done; `progress` gives "3 of 4 modules done" and what comes next; `expectedAttendees` leaves out
 * members enrolled after the session started, so they are never marked absent for it.
 */
export * from './time';
export * from './schedule';
export * from './slots';
export * from './seats';
export * from './completion';
