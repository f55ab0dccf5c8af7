// The demo's training programme, loaded by seed.ts after the network: three trainers with their
// availability, past sessions with their attendance and certificates, and sessions to come.
//
// The scheduling rules refuse a start in the past, so the past sessions, their invitations and
// confirmed seats are written straight into the training schema, with the outbox commands the
// real path would have sent in the same transaction (the session's workflow start, each CBO's
// "training started"). From there everything takes the real path: the workflow holds each
// session at once and opens its attendance task, the trainer records the attendance through the
// API, and the workflow completes the session, issues the certificates and tells the pipelines.
// The sessions to come are scheduled through the API. Running it again adds nothing.
import { createHash } from 'node:crypto';
import {
  appendAudit,
  signalTrainingStarted,
  startTrainingSession,
  type AttendanceMark,
  type ModuleId,
  type SessionDraft,
  type SessionVenue,
  type TrainerDraft,
} from '../../libs/contracts/src';
import { createDatabase, enqueue } from '../../libs/platform/src';
import { ensureAccounts, type AccountSeed } from '../../apps/identity/src/app';
import type { IdentityConfig } from '../../apps/identity/src/config/env';
import { loadTrainingConfig } from '../../apps/training/src/config/env';
import * as schema from '../../apps/training/src/db/schema';
import { auditAppend } from '../../apps/training/src/outbox/training-audit';
import { toSession } from '../../apps/training/src/sessions/sessions.repository';
import { sessionLabel } from '../../apps/training/src/sessions/sessions.service';
import { DEMO_APPLICANT, DEMO_MEMBERS, DEMO_STAFF, DEMO_TRAINERS } from './demo-accounts';
import { DEMO_CBOS } from './demo-network';

/** What seed.ts lends the training part: its API call, its sign-in and its error. */
export interface SeedTools {
  api(
    token: string | undefined,
    method: string,
    path: string,
    options?: { json?: unknown; key?: string; ok?: number[] },
  ): Promise<{ status: number; body: any }>;
  signIn(account: AccountSeed): Promise<string>;
  fail(message: string): Error;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Phnom Penh is UTC+7 all year. */
const PHNOM_PENH_MS = 7 * 60 * MINUTE_MS;
/** How long the seed waits for a workflow step or a pipeline before it gives up. */
const WAIT_MS = 90_000;

const MODULES: readonly ModuleId[] = [
  'human_rights',
  'monitoring_documentation',
  'advocacy',
  'organisational_development',
];

/**
 * Days of the demo, counted in weeks from the Monday of the current week in Phnom Penh (week 0),
 * so that past sessions stay past and sessions to come stay ahead whatever the day.
 */
export class DemoCalendar {
  private readonly monday: number;

  constructor(now: Date) {
    const local = new Date(now.getTime() + PHNOM_PENH_MS);
    const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    const weekday = local.getUTCDay() || 7;
    this.monday = day - (weekday - 1) * DAY_MS;
  }

  /** The date (YYYY-MM-DD) of `weekday` (1 Monday … 7 Sunday) in week `week`. */
  date(week: number, weekday: number): string {
    return new Date(this.monday + (week * 7 + weekday - 1) * DAY_MS).toISOString().slice(0, 10);
  }

  /** The instant of `time` (HH:MM, Phnom Penh) on `weekday` of week `week`. */
  at(week: number, weekday: number, time: string): string {
    const [hours, minutes] = time.split(':').map(Number);
    const local = this.monday + (week * 7 + weekday - 1) * DAY_MS + (hours * 60 + minutes) * MINUTE_MS;
    return new Date(local - PHNOM_PENH_MS).toISOString();
  }
}

type TrainerKey = 'bopha' | 'sokha' | 'chenda';

const TRAINER_EMAILS: Record<TrainerKey, string> = {
  bopha: DEMO_STAFF.find((account) => account.roles?.includes('trainer'))!.email,
  sokha: DEMO_TRAINERS[0].email,
  chenda: DEMO_TRAINERS[1].email,
};

const weekdays = (days: number[], start: string, end: string) =>
  days.map((weekday) => ({ weekday, start, end }));

/** Each trainer's profile; the dated exceptions fall in the weeks ahead of the first seed. */
function trainerDrafts(calendar: DemoCalendar): Record<TrainerKey, TrainerDraft> {
  return {
    // Lim Bopha teaches the four modules in both pilot provinces.
    bopha: {
      moduleIds: [...MODULES],
      provinceCodes: ['KH-2', 'KH-17'],
      windows: [...weekdays([1, 2, 3, 4, 5], '08:00', '17:00'), ...weekdays([6], '08:00', '12:00')],
      exceptions: [
        {
          id: '7a1e5e55-0000-4000-8000-0000000000e1',
          startDate: calendar.date(2, 3),
          endDate: calendar.date(2, 5),
          kind: 'leave',
          note: 'Annual leave',
        },
      ],
      active: true,
    },
    // Prak Sokha: monitoring and advocacy, from Siem Reap.
    sokha: {
      moduleIds: ['monitoring_documentation', 'advocacy'],
      provinceCodes: ['KH-17', 'KH-2'],
      windows: weekdays([1, 2, 3, 4], '08:00', '17:00'),
      exceptions: [],
      active: true,
    },
    // Nhem Chenda: human rights and organisational development, Battambang and Banteay Meanchey.
    chenda: {
      moduleIds: ['human_rights', 'organisational_development'],
      provinceCodes: ['KH-2', 'KH-1'],
      windows: [...weekdays([1, 3, 5], '08:00', '17:00'), ...weekdays([6], '08:00', '12:00')],
      exceptions: [
        {
          id: '7a1e5e55-0000-4000-8000-0000000000e2',
          startDate: calendar.date(1, 5),
          endDate: calendar.date(1, 5),
          startTime: '13:00',
          endTime: '17:00',
          kind: 'other_work',
          note: 'Provincial coordination meeting',
        },
      ],
      active: true,
    },
  };
}

const BATTAMBANG: SessionVenue = {
  kind: 'place',
  provinceCode: 'KH-2',
  district: 'Battambang',
  commune: 'Svay Por',
  place: 'Provincial Hall, meeting room 2',
};
const SIEM_REAP: SessionVenue = {
  kind: 'place',
  provinceCode: 'KH-17',
  district: 'Siem Reap',
  commune: 'Sala Kamraeuk',
  place: 'Community Learning Centre',
};

/** A demo member: the demo member (`main`) or one of DEMO_MEMBERS by email name. */
type Who = 'main' | `member-${number}`;

interface PastSession {
  /** Names the session: its id is derived from it (`pastSessionId`). */
  key: string;
  moduleId: ModuleId;
  trainers: TrainerKey[];
  venue: SessionVenue;
  /** Weeks before this one, and the weekday. */
  week: number;
  weekday: number;
  /** Each attendee's mark (all had a confirmed seat). */
  marks: Partial<Record<Who, AttendanceMark>>;
}

/**
 * In Battambang the four modules: the CBOs at DEMO_CBOS 5, 6, 14, 15 and 16 attend them all, the
 * demo member's (4) three of them (its members missed organisational development); in Siem Reap
 * the four modules too, attended by 34 and 35. So seven groups become grant-eligible (they apply
 * for the demo's grants, demo-grants.ts).
 */
const PAST: readonly PastSession[] = [
  {
    key: 'hr-battambang',
    moduleId: 'human_rights',
    trainers: ['bopha'],
    venue: BATTAMBANG,
    week: -8,
    weekday: 2,
    marks: {
      main: 'present',
      'member-2': 'late',
      'member-3': 'present',
      'member-4': 'absent',
      'member-5': 'present',
      'member-8': 'present',
      'member-9': 'present',
      'member-10': 'late',
    },
  },
  {
    key: 'md-battambang',
    moduleId: 'monitoring_documentation',
    trainers: ['sokha'],
    venue: BATTAMBANG,
    week: -6,
    weekday: 3,
    marks: {
      main: 'present',
      'member-2': 'excused',
      'member-3': 'present',
      'member-4': 'late',
      'member-5': 'present',
      'member-8': 'present',
      'member-9': 'late',
      'member-10': 'present',
    },
  },
  {
    key: 'advocacy-battambang',
    moduleId: 'advocacy',
    trainers: ['bopha', 'sokha'],
    venue: BATTAMBANG,
    week: -4,
    weekday: 4,
    marks: {
      main: 'late',
      'member-2': 'absent',
      'member-3': 'excused',
      'member-4': 'present',
      'member-5': 'present',
      'member-8': 'late',
      'member-9': 'present',
      'member-10': 'present',
    },
  },
  {
    key: 'od-battambang',
    moduleId: 'organisational_development',
    trainers: ['chenda'],
    venue: BATTAMBANG,
    week: -3,
    weekday: 1,
    marks: {
      main: 'absent',
      'member-2': 'excused',
      'member-3': 'present',
      'member-4': 'present',
      'member-5': 'late',
      'member-8': 'present',
      'member-9': 'present',
      'member-10': 'present',
    },
  },
  {
    key: 'hr-siem-reap',
    moduleId: 'human_rights',
    trainers: ['bopha'],
    venue: SIEM_REAP,
    week: -5,
    weekday: 2,
    marks: { 'member-6': 'present', 'member-7': 'present' },
  },
  {
    key: 'md-siem-reap',
    moduleId: 'monitoring_documentation',
    trainers: ['sokha'],
    venue: SIEM_REAP,
    week: -2,
    weekday: 2,
    marks: { 'member-6': 'late', 'member-7': 'present' },
  },
  {
    key: 'advocacy-siem-reap',
    moduleId: 'advocacy',
    trainers: ['sokha'],
    venue: SIEM_REAP,
    week: -1,
    weekday: 2,
    marks: { 'member-6': 'present', 'member-7': 'late' },
  },
  {
    key: 'od-siem-reap',
    moduleId: 'organisational_development',
    trainers: ['bopha'],
    venue: SIEM_REAP,
    week: -1,
    weekday: 4,
    marks: { 'member-6': 'present', 'member-7': 'present' },
  },
];

interface UpcomingSession {
  key: string;
  moduleId: ModuleId;
  trainers: TrainerKey[];
  venue: SessionVenue;
  week: number;
  weekday: number;
  start: string;
  end: string;
  /** A member who confirms a seat once their CBO is invited. */
  confirmedBy?: Who;
}

/**
 * Organisational development in Battambang next week (the demo member's CBO is invited and has
 * not answered), monitoring in Siem Reap, advocacy online (CBO 36's member has a seat), human
 * rights in Battambang in three weeks.
 */
const UPCOMING: readonly UpcomingSession[] = [
  {
    key: 'od-battambang',
    moduleId: 'organisational_development',
    trainers: ['bopha'],
    venue: BATTAMBANG,
    week: 1,
    weekday: 2,
    start: '08:30',
    end: '16:30',
  },
  {
    key: 'md-siem-reap',
    moduleId: 'monitoring_documentation',
    trainers: ['sokha'],
    venue: SIEM_REAP,
    week: 1,
    weekday: 4,
    start: '08:30',
    end: '16:30',
  },
  {
    key: 'advocacy-online',
    moduleId: 'advocacy',
    trainers: ['sokha'],
    venue: { kind: 'online' },
    week: 1,
    weekday: 3,
    start: '08:30',
    end: '12:00',
    // CBO 36's member (a participant that has not trained yet): its first seat starts its training.
    confirmedBy: 'member-11',
  },
  {
    key: 'hr-battambang',
    moduleId: 'human_rights',
    trainers: ['chenda'],
    venue: BATTAMBANG,
    week: 3,
    weekday: 3,
    start: '08:30',
    end: '16:30',
  },
];

/** Asks `probe` every half second until it answers something, or fails saying `what` (then). */
async function waitFor<T>(
  tools: SeedTools,
  what: string | (() => string),
  probe: () => Promise<T | undefined>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) {
      throw tools.fail(`${typeof what === 'string' ? what : what()} (waited ${timeoutMs / 1000} s)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * A past session's id: the same for every seed of one database, so a second seed finds it, yet
 * new with each database (it is derived from a demo CBO's id, which the network gave it), since
 * the session's workflow id comes from it and Temporal keeps a finished workflow's id long after
 * a database is dropped.
 */
export function pastSessionId(demoCboId: string, key: string): string {
  const hex = createHash('sha256').update(`bandanh-demo-session:${demoCboId}:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const provinceOf = (venue: SessionVenue) => (venue.kind === 'place' ? venue.provinceCode : null);

export async function seedTraining(
  tools: SeedTools,
  context: { identity: IdentityConfig; coordinator: string; cboIds: readonly string[] },
): Promise<void> {
  const { api } = tools;
  const { identity, coordinator, cboIds } = context;
  const calendar = new DemoCalendar(new Date());

  // The catalogue: the training service adds the four modules when it first starts.
  const { body: catalogue } = await api(coordinator, 'GET', '/api/training/modules');
  const known = new Set((catalogue.items as Array<{ id: string }>).map((module) => module.id));
  const missing = MODULES.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw tools.fail(
      `The training catalogue lacks the modules ${missing.join(', ')}: is the training service running?`,
    );
  }

  // The accounts: the trainers, and the members of the participant CBOs.
  const bopha = DEMO_STAFF.find((account) => account.email === TRAINER_EMAILS.bopha)!;
  const coordinatorAccount = DEMO_STAFF.find((account) => account.roles?.includes('coordinator'))!;
  const accountIds = await ensureAccounts(identity, [
    coordinatorAccount,
    bopha,
    ...DEMO_TRAINERS,
    { ...DEMO_APPLICANT, cboId: cboIds[4] },
    ...DEMO_MEMBERS.map(({ account, cbo }) => ({ ...account, cboId: cboIds[cbo] })),
  ]);
  const idOf = (email: string) => accountIds[email.toLowerCase()];
  const trainerId = (key: TrainerKey) => idOf(TRAINER_EMAILS[key]);
  const members = new Map<Who, { userId: string; cboId: string; account: AccountSeed }>([
    ['main', { userId: idOf(DEMO_APPLICANT.email), cboId: cboIds[4], account: DEMO_APPLICANT }],
    ...DEMO_MEMBERS.map(
      ({ account, cbo }) =>
        [
          account.email.split('@')[0] as Who,
          { userId: idOf(account.email), cboId: cboIds[cbo], account },
        ] as const,
    ),
  ]);
  const trainerTokens = new Map<string, string>();
  for (const account of [bopha, ...DEMO_TRAINERS]) {
    trainerTokens.set(idOf(account.email), await tools.signIn(account));
  }

  // The trainers' profiles, through the API as the coordinator; a profile already there is kept.
  const drafts = trainerDrafts(calendar);
  for (const key of Object.keys(drafts) as TrainerKey[]) {
    const { status } = await api(coordinator, 'GET', `/api/training/trainers/${trainerId(key)}`, {
      ok: [200, 404],
    });
    if (status === 404) {
      await api(coordinator, 'PUT', `/api/training/trainers/${trainerId(key)}`, { json: drafts[key] });
    }
  }

  const pasts = PAST.map((past) => ({ ...past, id: pastSessionId(cboIds[4], past.key) }));
  const { added, untrained } = await insertPastSessions(calendar, pasts, {
    coordinatorId: idOf(coordinatorAccount.email),
    trainerId,
    members,
  });

  /**
   * A session's run, or undefined while its workflow has not started or is too busy to answer
   * (its worker takes each new workflow's first step in turn: the query waits for it).
   */
  const seen = new Map<string, string>();
  const runOf = async (
    sessionId: string,
  ): Promise<{ state: string; attendanceTaskId: string | null } | undefined> => {
    const { status, body } = await api(coordinator, 'GET', `/api/training/sessions/${sessionId}/run`, {
      ok: [200, 404, 503],
    });
    seen.set(sessionId, status === 200 ? `at ${body.state}` : `answering ${status}: ${body?.message}`);
    return status === 200 ? body : undefined;
  };

  // The past sessions' workflows hold them at once; each trainer then records the attendance.
  await Promise.all(
    pasts.map(async (past) => {
      const run = await waitFor(
        tools,
        () =>
          `The workflow of the past session ${past.id} (${past.moduleId}) was not held (its run is ${seen.get(past.id) ?? 'not known'}): is the orchestrator running?`,
        async () => {
          const run = await runOf(past.id);
          // Held, with the trainers' attendance task open (or further on).
          if (!run || run.state === 'scheduled' || run.state === 'invited') return undefined;
          return run.state !== 'held' || run.attendanceTaskId ? run : undefined;
        },
      );
      if (run.state === 'cancelled') return;
      if (run.state === 'held') {
        const marks = (Object.entries(past.marks) as Array<[Who, AttendanceMark]>).map(([who, mark]) => ({
          memberId: members.get(who)!.userId,
          mark,
        }));
        await waitFor(tools, `The attendance of the past session ${past.id} was not recorded`, async () => {
          const { status, body } = await api(
            trainerTokens.get(trainerId(past.trainers[0])),
            'POST',
            `/api/training/sessions/${past.id}/attendance`,
            { json: { marks }, ok: [200, 409] },
          );
          // Recorded already (a seed that stopped half way): nothing to do. Another 409 is the
          // workflow still busy with its previous step: again in a moment.
          return status === 200 || body?.details?.reason === 'attendance_recorded' ? status : undefined;
        });
      }
      await waitFor(
        tools,
        () =>
          `The past session ${past.id} (${past.moduleId}) was not completed after its attendance (its run is ${seen.get(past.id)})`,
        async () => {
          const run = await runOf(past.id);
          return run?.state === 'completed' ? run : undefined;
        },
      );
    }),
  );

  // The sessions to come, through the API; one already ahead for the same module and place is kept.
  const { body: ahead } = await api(
    coordinator,
    'GET',
    `/api/training/sessions?from=${encodeURIComponent(new Date().toISOString())}`,
  );
  let scheduled = 0;
  for (const upcoming of UPCOMING) {
    const existing = (
      ahead.items as Array<{ id: string; moduleId: string; venue: SessionVenue; status: string }>
    ).find(
      (session) =>
        session.status !== 'cancelled' &&
        session.moduleId === upcoming.moduleId &&
        provinceOf(session.venue) === provinceOf(upcoming.venue),
    );
    let sessionId = existing?.id;
    if (!sessionId) {
      const draft: SessionDraft = {
        moduleId: upcoming.moduleId,
        trainerIds: upcoming.trainers.map(trainerId),
        startsAt: calendar.at(upcoming.week, upcoming.weekday, upcoming.start),
        endsAt: calendar.at(upcoming.week, upcoming.weekday, upcoming.end),
        venue: upcoming.venue,
        capacity: 20,
        minimumAttendance: 3,
        language: 'km',
      };
      // The key names the day it was computed for: the same day's run gets the same session.
      const { status, body } = await api(coordinator, 'POST', '/api/training/sessions', {
        json: draft,
        key: `demo-session-${upcoming.key}-${calendar.date(upcoming.week, upcoming.weekday)}`,
      });
      sessionId = body.session.id as string;
      if (status === 201) scheduled += 1;
    }
    if (upcoming.confirmedBy) {
      const member = members.get(upcoming.confirmedBy)!;
      const token = await tools.signIn(member.account);
      // The invitation goes out from the session's workflow a moment after it is scheduled.
      await waitFor(
        tools,
        `The CBO ${member.cboId} was not invited to the session ${sessionId}`,
        async () => {
          const { status, body } = await api(token, 'POST', `/api/training/sessions/${sessionId}/seat`, {
            ok: [200, 201, 409],
          });
          if (status !== 409) return status;
          if (body?.details?.reason === 'not_invited') {
            // A session an older demo scheduled invited the CBOs of that demo: this one is not among them.
            if (existing) {
              untrained.add(member.cboId);
              return 0;
            }
            return undefined;
          }
          throw tools.fail(`The demo seat at the session ${sessionId} was refused: ${body?.message}`);
        },
      );
    }
  }

  // The signals reach the pipelines asynchronously: wait for the stages the demo promises.
  const expected: Array<[number, string]> = [
    [5, 'grant_eligible'],
    [6, 'grant_eligible'],
    [14, 'grant_eligible'],
    [15, 'grant_eligible'],
    [16, 'grant_eligible'],
    [34, 'grant_eligible'],
    [35, 'grant_eligible'],
    [4, 'training'],
    [36, 'training'],
  ];
  for (const [index, stage] of expected) {
    if (untrained.has(cboIds[index]!)) {
      console.log(
        `demo training: ${DEMO_CBOS[index]!.draft.name} is not in the sessions an older demo wrote: drop the database for the whole demo`,
      );
      continue;
    }
    let last = 'unknown';
    await waitFor(
      tools,
      () =>
        `The demo CBO ${cboIds[index]} (${DEMO_CBOS[index].draft.name}) should be at ${stage} after its training, but is at ${last}`,
      async () => {
        const { body } = await api(coordinator, 'GET', `/api/cbos/${cboIds[index]}/pipeline`);
        last = body.stage;
        return body.stage === stage ? stage : undefined;
      },
      30_000,
    );
  }

  console.log(
    `demo training: ${added} past sessions added, ${PAST.length - added} already there; ${scheduled} upcoming sessions scheduled`,
  );
}

/**
 * Writes the past sessions, their invitations and confirmed seats, in one transaction with the
 * outbox commands and audit entries the real path would have written; a session already there
 * (by its id, `pastSessionId`) is left alone and nothing is sent for it again. Answers how many it
 * added, and the CBOs missing from a session an older demo wrote (they cannot complete it now).
 */
async function insertPastSessions(
  calendar: DemoCalendar,
  pasts: ReadonlyArray<PastSession & { id: string }>,
  people: {
    coordinatorId: string;
    trainerId: (key: TrainerKey) => string;
    members: Map<Who, { userId: string; cboId: string }>;
  },
): Promise<{ added: number; untrained: Set<string> }> {
  const config = loadTrainingConfig(process.env);
  const database = createDatabase(config.DATABASE_URL, schema, { max: 1 });
  const { outbox } = schema;
  try {
    return await database.db.transaction(async (tx) => {
      const titles = new Map(
        (await tx.select().from(schema.modules)).map((module) => [module.id, module.titleEn]),
      );
      let added = 0;
      const untrained = new Set<string>();
      const startedCbos = new Set<string>();
      for (const past of pasts) {
        const startsAt = calendar.at(past.week, past.weekday, '08:00');
        const endsAt = calendar.at(past.week, past.weekday, '16:00');
        const trainerIds = past.trainers.map(people.trainerId);
        const [session] = await tx
          .insert(schema.sessions)
          .values({
            id: past.id,
            moduleId: past.moduleId,
            trainerIds,
            startsAt: new Date(startsAt),
            endsAt: new Date(endsAt),
            venue: past.venue,
            provinceCode: provinceOf(past.venue),
            capacity: 20,
            minimumAttendance: 3,
            language: 'km',
            createdBy: people.coordinatorId,
            // Scheduled three weeks before it was held.
            createdAt: new Date(Date.parse(startsAt) - 21 * DAY_MS),
          })
          .onConflictDoNothing()
          .returning();
        if (!session) {
          // Held already, by an older demo that did not have all of today's attendees: their
          // groups cannot complete it now (a fresh database gets the whole demo).
          const seated = new Set(
            (await tx.select().from(schema.seats))
              .filter((seat) => seat.sessionId === past.id)
              .map((seat) => seat.memberId),
          );
          for (const who of Object.keys(past.marks) as Who[]) {
            const attendee = people.members.get(who)!;
            if (!seated.has(attendee.userId)) untrained.add(attendee.cboId);
          }
          continue;
        }
        added += 1;
        const attendees = (Object.keys(past.marks) as Who[]).map((who) => people.members.get(who)!);
        const cbos = [...new Set(attendees.map((attendee) => attendee.cboId))];
        await tx
          .insert(schema.invitations)
          .values(
            cbos.map((cboId, index) => ({
              sessionId: session.id,
              cboId,
              provinceCode: provinceOf(past.venue),
              rank: index + 1,
              invitedAt: new Date(Date.parse(startsAt) - 20 * DAY_MS),
              eventId: `demo-seed:${session.id}`,
            })),
          )
          .onConflictDoNothing();
        await tx
          .insert(schema.seats)
          .values(
            attendees.map((attendee, index) => ({
              sessionId: session.id,
              cboId: attendee.cboId,
              memberId: attendee.userId,
              status: 'confirmed' as const,
              requestedAt: new Date(Date.parse(startsAt) - (14 - index) * DAY_MS),
            })),
          )
          .onConflictDoNothing();
        const audit = (action: string, eventId: string, details: Record<string, unknown>) =>
          enqueue(
            tx,
            outbox,
            appendAudit,
            auditAppend({
              action,
              target: { type: 'training_session', id: session.id },
              actor: people.coordinatorId,
              eventId,
              details: { ...details, demo: true },
            }),
          );
        await audit('training.session.create', `training.session.create:${session.id}`, {
          moduleId: past.moduleId,
          trainerIds,
          startsAt,
          endsAt,
          venue: past.venue,
        });
        await audit('training.session.invite', `training.session.invite:demo-seed:${session.id}`, {
          cboIds: cbos,
        });
        for (const attendee of attendees) {
          await audit(
            'training.seat.confirm',
            `training.seat.confirm:demo-seed:${session.id}:${attendee.userId}`,
            {
              memberId: attendee.userId,
              cboId: attendee.cboId,
              status: 'confirmed',
            },
          );
        }
        await enqueue(tx, outbox, startTrainingSession, {
          sessionId: session.id,
          moduleId: past.moduleId,
          label: sessionLabel(toSession(session), titles.get(past.moduleId) ?? past.moduleId),
          trainerIds,
          startsAt,
          endsAt,
        });
        for (const cboId of cbos) startedCbos.add(cboId);
      }
      // Each CBO's first confirmed seat tells its pipeline that its training has started.
      for (const cboId of startedCbos) await enqueue(tx, outbox, signalTrainingStarted, { cboId });
      return { added, untrained };
    });
  } finally {
    await database.close();
  }
}
