import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { recordCboStage, type StaffRole } from '@bandanh/contracts';
import { NatsRpc, systemCaller } from '@bandanh/platform';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * The grants specs' world on the real stack: its own upload folder, staff signed in by role,
 * grant-eligible CBOs with linked members, open rounds, and a valid draft.
 */
export class GrantsWorld {
  readonly tokens: Partial<Record<StaffRole, string>> = {};
  readonly ids: Partial<Record<StaffRole, string>> = {};
  private readonly signingIn: Partial<Record<StaffRole, Promise<string>>> = {};
  private nats?: NatsConnection;

  private constructor(
    readonly stack: TestStack,
    /** Where this stack's gateway keeps uploaded files. */
    readonly uploadDir: string,
  ) {}

  static async start(label: string, env: Record<string, string> = {}): Promise<GrantsWorld> {
    const uploadDir = mkdtempSync(join(tmpdir(), `bandanh-${label}-`));
    const stack = await TestStack.start(label, { UPLOAD_DIR: uploadDir, ...env });
    return new GrantsWorld(stack, uploadDir);
  }

  async stop(): Promise<void> {
    await this.nats?.close();
    await this.stack.stop();
    rmSync(this.uploadDir, { recursive: true, force: true });
  }

  get url(): string {
    return this.stack.gatewayUrl;
  }

  /** The role's session token (one sign-in, shared by steps sent at once), and its account id. */
  async token(role: StaffRole): Promise<string> {
    this.signingIn[role] ??= (async () => {
      const token = await this.stack.tokenFor(STAFF[role]);
      this.ids[role] = (await this.call(token, '/api/auth/me')).body.account.id;
      this.tokens[role] = token;
      return token;
    })();
    return this.signingIn[role];
  }

  /** A JSON request to the gateway (a POST gets an idempotency key of its own unless given one). */
  async call(
    token: string | undefined,
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method: init.method ?? 'GET',
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.method === 'POST' ? { 'idempotency-key': uniqueName('key') } : {}),
        ...init.headers,
      },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body };
  }

  async as(role: StaffRole, path: string, init: Parameters<GrantsWorld['call']>[2] = {}): Promise<Answer> {
    return this.call(await this.token(role), path, init);
  }

  /**
   * A CBO recorded through the API and moved to `grant_eligible` as its pipeline would record
   * it (the training that leads there is training's specs' business), after the pipeline's own
   * first stage so that it cannot come after.
   */
  async eligibleCbo(
    name: string,
    provinceCode = 'KH-2',
    stage: 'grant_eligible' | 'training' = 'grant_eligible',
  ) {
    const { id } = await this.stack.recordCbo({
      name,
      provinceCode,
      focusIssues: ['land'],
      foundVia: 'referral',
    });
    await waitFor(
      async () => {
        const { body } = await this.as('coordinator', `/api/cbos/${id}`);
        return body?.cbo?.stage === 'assessment' || body?.stage === 'assessment' ? true : undefined;
      },
      { what: `${name}'s pipeline at assessment` },
    );
    this.nats ??= await connect({ servers: 'nats://127.0.0.1:4222' });
    const rpc = new NatsRpc(
      this.nats,
      this.stack.env.NATS_PREFIX,
      10_000,
      await this.stack.keys.signer('orchestrator'),
    );
    await rpc.send(recordCboStage, { id, stage }, systemCaller('orchestrator'));
    return id;
  }

  /** A member signed up and linked by a code to `cboId`: their token and account id. */
  async member(cboId: string, key: string): Promise<{ token: string; id: string }> {
    const signedUp = await this.call(undefined, '/api/auth/sign-up', {
      method: 'POST',
      json: {
        email: `${uniqueName(`member-${key}`)}@example.org`,
        displayName: `Member ${key}`,
        password: 'a long member passphrase',
      },
    });
    const token = signedUp.body.session.token as string;
    const issued = await this.as('coordinator', `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      json: {},
    });
    const linked = await this.call(token, '/api/me/cbo-link', {
      method: 'POST',
      json: { code: issued.body.code },
    });
    if (linked.body?.account?.cboId !== cboId)
      throw new Error(`Could not link: ${JSON.stringify(linked.body)}`);
    return { token, id: linked.body.account.id as string };
  }

  /** An open round (opened yesterday, closing in a month) as the admin, with `overrides`. */
  async openRound(overrides: Record<string, unknown> = {}): Promise<any> {
    const created = await this.as('admin', '/api/grants/rounds', {
      method: 'POST',
      json: roundDraft(overrides),
    });
    if (created.status !== 201)
      throw new Error(`POST /api/grants/rounds: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.round;
  }

  /** The member's draft of `roundId` (started, or the same one again). */
  async startApplication(token: string, roundId: string): Promise<any> {
    const started = await this.call(token, `/api/grants/rounds/${roundId}/applications`, { method: 'POST' });
    if (started.status !== 201 && started.status !== 200) {
      throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
    }
    return started.body.application;
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** A valid round: $5,000 in all, $100 to $2,000 a grant, one criterion, the programme manager approves. */
export function roundDraft(overrides: Record<string, unknown> = {}) {
  return {
    nameKm: 'ជំនួយតូចៗ ២០២៧',
    nameEn: 'Small grants 2027',
    currency: 'USD',
    budget: 500_000,
    minAmount: 10_000,
    maxAmount: 200_000,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    eligibility: { provinceCodes: [], focusIssues: [] },
    rubric: [{ key: 'relevance', labelKm: 'ភាពពាក់ព័ន្ធ', labelEn: 'Relevance', weight: 1, maxScore: 5 }],
    reviewersPerApplication: 1,
    blindReview: false,
    approvalChain: [{ role: 'programme_manager', aboveAmount: 0 }],
    ...overrides,
  };
}

/** A day `days` from today, YYYY-MM-DD: activities are planned ahead of the day the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A complete draft asking for $450 (two lines of $300, the CBO paying $150). */
export function completeDraft() {
  return {
    plan: {
      title: 'Land rights forum',
      objectives: 'Families know their land rights',
      description: 'A day of talks with a lawyer and the commune council',
      provinceCode: 'KH-2',
      place: 'Pagoda hall, Svay Por',
      startsOn: inDays(60),
      endsOn: inDays(61),
      beneficiariesWomen: 40,
      beneficiariesMen: 30,
      expectedResults: 'Thirty land titles applied for',
    },
    budget: [
      {
        id: randomUUID(),
        category: 'venue',
        description: 'Hall and chairs',
        unitCost: 15_000,
        quantity: 2,
        contribution: 15_000,
      },
      {
        id: randomUUID(),
        category: 'fees',
        description: 'Lawyer',
        unitCost: 30_000,
        quantity: 1,
        contribution: 0,
      },
    ],
  };
}
