import { Injectable } from '@nestjs/common';
import type { Caller, GrantRound, GrantRoundDraft, RoundState } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { requireGrantsReader } from '../access/access';
import type { RoundRow } from '../db/schema';
import { GrantsDirectory, type CboFacts } from '../directory/directory';
import { cboFailures, roundState } from '../rules/rounds';
import { budgetBelowCommitted, roundInUse, roundNotFound } from './rounds.errors';
import { RoundsRepository, toRound } from './rounds.repository';

/** The settings applications were made under: they stay once a round has applications. */
const LOCKED_FIELDS = ['currency', 'rubric', 'reviewersPerApplication', 'approvalChain'] as const;

/** A value with every object's keys in order: jsonb gives a stored rubric back in its own key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, canonical(item)]),
    );
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Whether a CBO may apply to the round now: open, and the CBO passes its eligibility rules. */
export function openTo(round: RoundRow, cbo: CboFacts | null, now: Date): boolean {
  if (!cbo) return false;
  const state = roundState(
    { opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() },
    now,
  );
  return state === 'open' && cboFailures(cbo, round).length === 0;
}

/**
 * Grant rounds: admins open and change them; grant staff and reviewers read them all; a CBO
 * member only the open rounds their CBO may apply to and the rounds it applied to.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly repository: RoundsRepository,
    private readonly directory: GrantsDirectory,
  ) {}

  async create(
    caller: Caller,
    idempotencyKey: string,
    draft: GrantRoundDraft,
  ): Promise<{ round: GrantRound; created: boolean }> {
    const admin = requireGroup(caller, 'roundKeepers');
    const { result, replayed } = await this.repository.once(
      { name: 'grants.round.create', key: idempotencyKey, request: draft },
      async (tx) => {
        const row = await tx.insert(draft, admin.userId);
        await tx.audit({
          action: 'grants.round.create',
          target: { type: 'grant_round', id: row.id },
          actor: admin.userId,
          eventId: `grants.round.create:${row.id}`,
          details: { after: draft },
        });
        return { id: row.id };
      },
    );
    const row = await this.repository.find(result.id);
    if (!row) throw roundNotFound(result.id);
    return { round: toRound(row), created: !replayed };
  }

  /**
   * Changes a round. Once it has applications its currency, rubric, reviewers per application
   * and chain stay (`round_in_use`), and its budget never falls below what is committed.
   */
  async update(caller: Caller, id: string, draft: GrantRoundDraft): Promise<GrantRound> {
    const admin = requireGroup(caller, 'roundKeepers');
    const row = await this.repository.transaction(async (tx) => {
      const before = await tx.lockRound(id);
      if (!before) throw roundNotFound(id);
      if ((await tx.applicationCount(id)) > 0) {
        const changed = LOCKED_FIELDS.filter((field) => !same(before[field], draft[field]));
        if (changed.length > 0) throw roundInUse([...changed]);
      }
      if (draft.budget < before.committed) throw budgetBelowCommitted(before.committed);
      const after = await tx.update(id, draft);
      await tx.audit({
        action: 'grants.round.update',
        target: { type: 'grant_round', id },
        actor: admin.userId,
        eventId: `grants.round.update:${id}:${after.updatedAt.toISOString()}`,
        details: { before: toDraft(before), after: draft },
      });
      return after;
    });
    return toRound(row);
  }

  async get(caller: Caller, id: string, now = new Date()): Promise<GrantRound> {
    const person = requireGrantsReader(caller);
    const row = await this.repository.find(id);
    if (!row) throw roundNotFound(id);
    if (person.kind === 'applicant') {
      if (!person.cboId) throw roundNotFound(id);
      const applied = (await this.repository.appliedBy(person.cboId)).some((round) => round.id === id);
      if (!applied && !openTo(row, await this.directory.cbo(person.cboId), now)) throw roundNotFound(id);
    }
    return toRound(row, now);
  }

  async list(caller: Caller, state: RoundState | undefined, now = new Date()): Promise<GrantRound[]> {
    const person = requireGrantsReader(caller);
    if (person.kind === 'staff')
      return (await this.repository.list(state, now)).map((row) => toRound(row, now));
    if (!person.cboId) return [];
    const cbo = await this.directory.cbo(person.cboId);
    const open = (await this.repository.list('open', now)).filter((row) => openTo(row, cbo, now));
    const applied = await this.repository.appliedBy(person.cboId);
    const byId = new Map([...open, ...applied].map((row) => [row.id, row]));
    return [...byId.values()]
      .sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => toRound(row, now))
      .filter((round) => state === undefined || round.state === state);
  }
}

/** A stored round as the admin wrote it, for the audit's `before`. */
function toDraft(row: RoundRow): GrantRoundDraft {
  const {
    id: _id,
    state: _state,
    committed: _c,
    remaining: _r,
    createdBy: _b,
    createdAt: _ca,
    updatedAt: _u,
    ...draft
  } = toRound(row);
  return draft;
}
