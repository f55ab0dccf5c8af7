import * as contracts from '@bandanh/contracts';
import {
  SERVICES,
  appendAudit,
  cancelTrainingSessionRun,
  checkAssessment,
  completeTrainingSession,
  getCbo,
  getCboApplicant,
  holdTrainingSession,
  inviteToTrainingSession,
  listCboMembers,
  listStaffByRole,
  openDuePhase,
  recordAssessment,
  recordCboStage,
  recordReferralOutcome,
  recordTrainingAttendance,
  remindTrainingSession,
  rescheduleTrainingSession,
  screenCbo,
  sendNotification,
  startPipeline,
  startReferralFollowUp,
  type Contract,
  type ServiceName,
} from '@bandanh/contracts';
import { baseEnv } from '../config/load-config';
import { subjectFor } from './subjects';

/** What a service may ask of the others: all of one service's subjects, or one contract. */
export type Callee = ServiceName | Contract;

interface ServiceAccess {
  /** One line on what the service is, for the comment above its user. */
  readonly about: string;
  /** The requests it makes (its own subjects are never among them). */
  readonly calls: readonly Callee[];
  /** Its JetStream key-value buckets, without the prefix: `<prefix>_<bucket>`. */
  readonly buckets?: readonly string[];
}

/**
 * Who calls whom over NATS, the source of each service's NATS user in deployment
 * (infra/nats/nats-server.conf, written by infra/scripts/nats-config.ts). A service that
 * starts calling another contract is refused by the server until it is listed here; the unit
 * test fails first when the service's code imports a contract its user may not publish.
 */
export const NATS_ACCESS: Readonly<Record<ServiceName, ServiceAccess>> = {
  gateway: {
    about: 'the HTTP API: it calls every service for the people and visitors it speaks for',
    calls: SERVICES.filter((service) => service !== 'gateway'),
    // The Idempotency-Key answers (apps/gateway/src/http/idempotency.interceptor.ts) and rate limits.
    buckets: ['idempotency', 'ratelimit'],
  },
  identity: {
    about:
      'accounts, sessions, roles, invitations and the audit log: its outbox mails password reset links and second-factor resets',
    calls: [sendNotification],
  },
  network: {
    about: 'CBOs, assessments, directory, hotline: its outbox starts pipelines and referral follow-ups',
    calls: [startPipeline, startReferralFollowUp, appendAudit, contracts.appendAuditEntries],
  },
  training: {
    about:
      'the training catalogue, trainers, sessions, attendance and certificates: its outbox writes its changes to the audit log, sends its notifications and starts and signals workflows; it asks identity and the network for the CBOs and people it writes to',
    calls: [
      appendAudit,
      contracts.appendAuditEntries,
      contracts.sendNotification,
      contracts.startTrainingSession,
      contracts.signalTrainingStarted,
      contracts.getCbo,
      contracts.listCbos,
      contracts.listCboMembers,
      contracts.listStaffByRole,
    ],
  },
  grants: {
    about:
      'grant rounds, applications, reviews and decisions: its outbox writes its changes to the audit log, sends its notifications and starts and signals application workflows; it asks the network, training and identity about the CBOs, their trainers and the reviewers',
    calls: [
      appendAudit,
      contracts.appendAuditEntries,
      contracts.sendNotification,
      contracts.startGrantApplicationRun,
      contracts.signalGrantResubmitted,
      contracts.getCbo,
      contracts.listAssessments,
      contracts.listCboMembers,
      contracts.listStaffByRole,
      contracts.listCboTrainers,
    ],
  },
  orchestrator: {
    about:
      'the Temporal worker: its activities write to the network and training services, its steps to the audit log, its notifications ask identity for CBO members and the staff holding a role',
    calls: [
      getCbo,
      getCboApplicant,
      listCboMembers,
      listStaffByRole,
      recordCboStage,
      screenCbo,
      checkAssessment,
      recordAssessment,
      recordReferralOutcome,
      openDuePhase,
      appendAudit,
      // The training session workflow's activities (libs/contracts/src/training/session-run.ts).
      inviteToTrainingSession,
      remindTrainingSession,
      rescheduleTrainingSession,
      cancelTrainingSessionRun,
      holdTrainingSession,
      recordTrainingAttendance,
      completeTrainingSession,
      // The grant application workflow's activities (libs/contracts/src/grants/application-run.ts).
      contracts.beginGrantApplicationRun,
      contracts.recordGrantApplicationStage,
      contracts.assignGrantReviewers,
      contracts.recordGrantReviewDeclaration,
      contracts.recordGrantReview,
      contracts.recordGrantDecision,
    ],
  },
};

/** The prefix the committed configuration is written for: the services' default NATS_PREFIX. */
export const DEFAULT_NATS_PREFIX: string = baseEnv.NATS_PREFIX.parse(undefined);

/**
 * The largest message the server lets through. Requests are refused by the services above
 * MAX_REQUEST_BYTES (256 KiB); the server's limit stays at NATS' default of 1 MiB so that a
 * reply (a page of the directory, a list of tasks) fits.
 */
export const SERVER_MAX_PAYLOAD = 1024 * 1024;

/** The service that owns a contract: the first token of its subject. */
export function ownerOf(contract: Contract): string {
  return contract.subject.split('.')[0];
}

/** The environment variable that holds a service's NATS password on the server. */
export function passwordVariable(service: ServiceName): string {
  return `NATS_PASSWORD_${service.toUpperCase()}`;
}

/** Every contract that @bandanh/contracts exports, by its exported name. */
export function allContracts(): Map<Contract, string> {
  const found = new Map<Contract, string>();
  for (const [name, value] of Object.entries(contracts)) {
    if (isContract(value) && !found.has(value)) found.set(value, name);
  }
  return found;
}

export function isContract(value: unknown): value is Contract {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { subject?: unknown }).subject === 'string' &&
    typeof (value as { request?: { safeParse?: unknown } }).request?.safeParse === 'function'
  );
}

/** A subject (or pattern) a user may use, with why, for the comment beside it. */
export interface Grant {
  subject: string;
  /** The queue group a subscription must use. */
  queue?: string;
  why?: string;
}

export interface NatsUser {
  service: ServiceName;
  about: string;
  passwordVariable: string;
  publish: Grant[];
  subscribe: Grant[];
}

/** The NATS user of each service: what it may publish and what it may subscribe to. */
export function natsUsers(prefix: string = DEFAULT_NATS_PREFIX): NatsUser[] {
  const names = allContracts();
  return SERVICES.map((service) => {
    const access = NATS_ACCESS[service];
    const publish: Grant[] = access.calls.map((callee) => {
      if (typeof callee === 'string') {
        return { subject: `${prefix}.${callee}.>`, why: `every subject of ${callee}` };
      }
      if (ownerOf(callee) === service) {
        throw new Error(`${service} lists its own ${callee.subject} among its calls`);
      }
      return { subject: subjectFor(prefix, callee.subject), why: names.get(callee) };
    });
    if (access.buckets?.length) {
      publish.push({ subject: '$JS.API.INFO', why: 'JetStream: account info, the client checks it is on' });
      for (const bucket of access.buckets) publish.push(...keyValueGrants(prefix, bucket));
    }
    return {
      service,
      about: access.about,
      passwordVariable: passwordVariable(service),
      publish,
      subscribe: [
        { subject: `${prefix}.${service}.>`, queue: service, why: 'its own subjects, in its queue group' },
        { subject: '_INBOX.>', why: 'the replies to its requests' },
      ],
    };
  });
}

/**
 * What the nats.js 2.x client needs for one key-value bucket (`views.kv`, get, create,
 * update, delete, purge): its stream `KV_<prefix>_<bucket>` and the bucket's own subjects,
 * nothing more. Not granted: deleting or reconfiguring the stream, and consumers (so
 * `keys()`, `watch()` and `history()` are refused: add `$JS.API.CONSUMER.*` grants for the
 * stream when a service needs them).
 */
function keyValueGrants(prefix: string, bucket: string): Grant[] {
  const name = `${prefix}_${bucket}`;
  const stream = `KV_${name}`;
  return [
    { subject: `$JS.API.STREAM.INFO.${stream}`, why: `bucket ${name}: find it` },
    { subject: `$JS.API.STREAM.CREATE.${stream}`, why: 'create it on first use' },
    { subject: `$JS.API.DIRECT.GET.${stream}.>`, why: 'get a key (direct get, the default)' },
    { subject: `$JS.API.DIRECT.GET.${stream}`, why: 'get a revision' },
    { subject: `$JS.API.STREAM.MSG.GET.${stream}`, why: 'get, on a stream without direct get' },
    { subject: `$KV.${name}.>`, why: 'put, create, update, delete, purge' },
  ];
}

/** Whether a NATS subject matches a pattern (`*` one token, `>` one or more at the end). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const want = pattern.split('.');
  const have = subject.split('.');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '>') return have.length > i;
    if (i >= have.length) return false;
    if (want[i] !== '*' && want[i] !== have[i]) return false;
  }
  return want.length === have.length;
}

/** Whether `user` may publish on `subject` (a request; replies are allowed by allow_responses). */
export function mayPublish(user: NatsUser, subject: string): boolean {
  return user.publish.some((grant) => subjectMatches(grant.subject, subject));
}

const quote = (value: string) => JSON.stringify(value);

function grantLines(grants: Grant[], indent: string): string[] {
  // Not `allow: []`: without allow_responses the server would read that as no limit at all.
  if (grants.length === 0) return [`${indent}deny: [">"]  # nothing but its answers (allow_responses)`];
  const width = Math.max(...grants.map((g) => quote(g.queue ? `${g.subject} ${g.queue}` : g.subject).length));
  return [
    `${indent}allow: [`,
    ...grants.map((grant) => {
      const value = quote(grant.queue ? `${grant.subject} ${grant.queue}` : grant.subject);
      return grant.why ? `${indent}  ${value.padEnd(width)}  # ${grant.why}` : `${indent}  ${value}`;
    }),
    `${indent}]`,
  ];
}

/** The nats-server configuration of a deployment, as infra/nats/nats-server.conf holds it. */
export function renderNatsServerConfig(prefix: string = DEFAULT_NATS_PREFIX): string {
  const users = natsUsers(prefix);
  const width = Math.max(...users.map((u) => u.passwordVariable.length), 'NATS_STORE_DIR'.length);
  const lines = [
    '# The NATS server of a Bandanh deployment: one user per service, each allowed to publish',
    '# only the requests it makes and to subscribe only to its own subjects. infra/nats/README.md',
    '# tells how to run it.',
    '#',
    `# GENERATED for the prefix "${prefix}" from the contracts (libs/contracts) and who calls whom`,
    '# (NATS_ACCESS in libs/platform/src/nats/nats-permissions.ts) by',
    '#   node -r @swc-node/register infra/scripts/nats-config.ts',
    '# Do not edit it by hand: a unit test fails when it differs from what the script writes.',
    '#',
    '# Read from the environment when the server starts (it refuses to start without one):',
    ...users.map(
      (u) =>
        `#   ${u.passwordVariable.padEnd(width)}  password of the user "${u.service}" (its NATS_USER and NATS_PASSWORD)`,
    ),
    `#   ${'NATS_STORE_DIR'.padEnd(width)}  the folder where JetStream keeps its data`,
    '# A password must start with a letter and hold only letters and digits, such as',
    '# p$(openssl rand -hex 32): the server reads a bare $VARIABLE as a value of its own syntax,',
    '# so 12345 would be a number, true a boolean and 3g2A... a size.',
    '',
    'port: 4222',
    '',
    `# The services refuse a request over ${contracts.MAX_REQUEST_BYTES / 1024} KiB (MAX_REQUEST_BYTES) before reading it; the`,
    `# server lets messages up to ${SERVER_MAX_PAYLOAD / 1024 / 1024} MiB through, so that a reply (a page of the directory) fits.`,
    `max_payload: ${SERVER_MAX_PAYLOAD}`,
    '',
    'jetstream {',
    '  store_dir: $NATS_STORE_DIR',
    '}',
    '',
    '# All users are in the one global account, and nobody gets in without one: there is no',
    '# no_auth_user. Each user may',
    "# - publish its requests: exactly the subjects it calls (the gateway: every service's);",
    '# - answer the requests it receives, once each (allow_responses), with no right to publish',
    "#   on _INBOX.> otherwise: Nest's transport answers with msg.respond(), one message;",
    '# - subscribe to its own subjects only in the queue group named after it (replicas share',
    '#   the load; nobody listens in outside the group), and to _INBOX.> for its replies.',
    'authorization {',
    '  users: [',
  ];
  users.forEach((user, index) => {
    if (index > 0) lines.push('');
    lines.push(
      `    # ${user.service}: ${user.about}`,
      '    {',
      `      user: ${user.service}`,
      `      password: $${user.passwordVariable}`,
      '      permissions: {',
      '        publish: {',
      ...grantLines(user.publish, '          '),
      '        }',
      '        subscribe: {',
      ...grantLines(user.subscribe, '          '),
      '        }',
      '        allow_responses: true',
      '      }',
      '    }',
    );
  });
  lines.push('  ]', '}', '');
  return lines.join('\n');
}
