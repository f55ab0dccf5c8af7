import { Controller, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { addMonths, formatISO } from 'date-fns';
import { and, asc, count, eq, isNull, lte, sql } from 'drizzle-orm';
import {
  PARTICIPANT_STAGES,
  PIPELINE_STAGES,
  PROVINCES,
  getExpansion,
  listOpenProvinces,
  openDuePhase,
  saveExpansionPlan,
  saveTargets,
  type Caller,
  type ExpansionDashboard,
  type ExpansionPhase,
  type ParsedRequestOf,
  type PipelineStage,
  type TargetDraft,
} from '@bandanh/contracts';
import { DomainError, Handles, requireRole, requireSystem } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { cbos, expansionPhases, targets } from '../db/schema';

/** The pilot provinces: Battambang and Siem Reap. */
export const PILOT_PROVINCES = ['KH-2', 'KH-17'];
const PHASE_MONTHS = 6;

const dateOnly = (date: Date) => formatISO(date, { representation: 'date' });

/** The plan in force until an admin edits it: the pilot now, then two provinces every six months. */
export function defaultPlan(start: Date): Array<{ provinces: string[]; opensOn: string }> {
  const rest = PROVINCES.map((p) => p.code).filter((code) => !PILOT_PROVINCES.includes(code));
  const phases = [{ provinces: PILOT_PROVINCES, opensOn: dateOnly(start) }];
  for (let i = 0; i < rest.length; i += 2) {
    phases.push({
      provinces: rest.slice(i, i + 2),
      opensOn: dateOnly(addMonths(start, PHASE_MONTHS * (i / 2 + 1))),
    });
  }
  return phases;
}

export function defaultTargets(start: Date): TargetDraft[] {
  return [
    {
      labelEn: '30 Network Participants by the end of the pilot',
      labelKm: 'អ្នកចូលរួមបណ្ដាញ ៣០ នៅចុងបញ្ចប់គម្រោងសាកល្បង',
      metric: 'participants',
      count: 30,
      provinces: [],
      dueOn: dateOnly(addMonths(start, PHASE_MONTHS)),
    },
    {
      labelEn: '10 Network Participants from the pilot provinces in the first year',
      labelKm: 'អ្នកចូលរួមបណ្ដាញ ១០ ពីខេត្តសាកល្បង ក្នុងឆ្នាំដំបូង',
      metric: 'participants',
      count: 10,
      provinces: PILOT_PROVINCES,
      dueOn: dateOnly(addMonths(start, 12)),
    },
  ];
}

const METRIC_STAGES: Record<TargetDraft['metric'], readonly PipelineStage[]> = {
  participants: PARTICIPANT_STAGES,
  selected: PARTICIPANT_STAGES,
  identified: PIPELINE_STAGES.filter((stage) => stage !== 'withdrawn'),
};

function emptyCounts(): Record<PipelineStage, number> {
  return Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 0])) as Record<PipelineStage, number>;
}

@Injectable()
export class ExpansionService implements OnApplicationBootstrap {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  /** A new installation starts with the default plan and targets, the pilot open. */
  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    await this.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('network.expansion.defaults'))`);
      const [{ phases }] = await tx.select({ phases: count() }).from(expansionPhases);
      if (phases > 0) return;
      await tx
        .insert(expansionPhases)
        .values(
          defaultPlan(now).map((phase, i) => ({ seq: i + 1, ...phase, openedAt: i === 0 ? now : null })),
        );
      await tx.insert(targets).values(defaultTargets(now).map((target, i) => ({ ...target, position: i })));
    });
  }

  async phases(): Promise<ExpansionPhase[]> {
    const rows = await this.database.db.select().from(expansionPhases).orderBy(asc(expansionPhases.seq));
    return rows.map((row) => ({
      seq: row.seq,
      provinces: row.provinces,
      opensOn: row.opensOn,
      openedAt: row.openedAt?.toISOString() ?? null,
    }));
  }

  async openProvinces(): Promise<string[]> {
    return (await this.phases()).filter((phase) => phase.openedAt).flatMap((phase) => phase.provinces);
  }

  async dashboard(): Promise<ExpansionDashboard> {
    const [phases, targetRows, counts] = await Promise.all([
      this.phases(),
      this.database.db.select().from(targets).orderBy(asc(targets.position)),
      this.database.db
        .select({ provinceCode: cbos.provinceCode, stage: cbos.stage, n: count() })
        .from(cbos)
        .groupBy(cbos.provinceCode, cbos.stage),
    ]);
    const openedAt = new Map(
      phases.flatMap((phase) => phase.provinces.map((code) => [code, phase.openedAt] as const)),
    );
    const overall = { counts: emptyCounts(), total: 0 };
    const provinces = PROVINCES.map((province) => {
      const perStage = emptyCounts();
      let total = 0;
      for (const row of counts) {
        if (row.provinceCode !== province.code || !row.stage) continue;
        perStage[row.stage] += row.n;
        overall.counts[row.stage] += row.n;
        total += row.n;
      }
      overall.total += total;
      const opened = openedAt.get(province.code) ?? null;
      return {
        provinceCode: province.code,
        open: opened !== null,
        openedAt: opened,
        counts: perStage,
        total,
      };
    });
    const actual = (target: (typeof targetRows)[number]) =>
      counts
        .filter(
          (row) =>
            row.stage !== null &&
            METRIC_STAGES[target.metric].includes(row.stage) &&
            (target.provinces.length === 0 || target.provinces.includes(row.provinceCode)),
        )
        .reduce((sum, row) => sum + row.n, 0);
    return {
      phases,
      provinces,
      overall,
      targets: targetRows.map((row) => ({
        id: row.id,
        labelEn: row.labelEn,
        labelKm: row.labelKm,
        metric: row.metric,
        count: row.count,
        provinces: row.provinces,
        dueOn: row.dueOn,
        actual: actual(row),
      })),
    };
  }

  /** Replaces the plan; a phase already opened keeps its provinces and its opening. */
  async savePlan(plan: Array<{ provinces: string[]; opensOn: string }>): Promise<ExpansionPhase[]> {
    await this.database.db.transaction(async (tx) => {
      const existing = await tx.select().from(expansionPhases).orderBy(asc(expansionPhases.seq));
      const opened = existing.filter((phase) => phase.openedAt);
      opened.forEach((phase, i) => {
        const next = plan[i];
        const same =
          next &&
          next.provinces.length === phase.provinces.length &&
          next.provinces.every((code) => phase.provinces.includes(code));
        if (!same) {
          throw new DomainError(
            'CONFLICT',
            `Phase ${phase.seq} is already open; its provinces cannot change`,
            {
              reason: 'phase_already_open',
              seq: phase.seq,
            },
          );
        }
      });
      await tx.delete(expansionPhases);
      await tx.insert(expansionPhases).values(
        plan.map((phase, i) => ({
          seq: i + 1,
          provinces: phase.provinces,
          opensOn: opened[i] ? opened[i].opensOn : phase.opensOn,
          openedAt: opened[i]?.openedAt ?? null,
        })),
      );
    });
    return this.phases();
  }

  async saveTargets(drafts: TargetDraft[]) {
    await this.database.db.transaction(async (tx) => {
      await tx.delete(targets);
      if (drafts.length > 0) {
        await tx.insert(targets).values(drafts.map((target, i) => ({ ...target, position: i })));
      }
    });
    return (await this.dashboard()).targets;
  }

  /** Opens the next phase in the plan if its date has come; at most one per call. */
  async openDue(asOf: Date): Promise<ExpansionPhase | null> {
    const [next] = await this.database.db
      .select()
      .from(expansionPhases)
      .where(isNull(expansionPhases.openedAt))
      .orderBy(asc(expansionPhases.seq))
      .limit(1);
    if (!next || next.opensOn > dateOnly(asOf)) return null;
    const [opened] = await this.database.db
      .update(expansionPhases)
      .set({ openedAt: asOf })
      .where(
        and(
          eq(expansionPhases.seq, next.seq),
          isNull(expansionPhases.openedAt),
          lte(expansionPhases.opensOn, dateOnly(asOf)),
        ),
      )
      .returning();
    if (!opened) return null;
    return {
      seq: opened.seq,
      provinces: opened.provinces,
      opensOn: opened.opensOn,
      openedAt: asOf.toISOString(),
    };
  }
}

@Controller()
export class ExpansionHandlers {
  constructor(private readonly service: ExpansionService) {}

  @Handles(getExpansion)
  get(_input: ParsedRequestOf<typeof getExpansion>, caller: Caller) {
    requireRole(caller, 'admin', 'coordinator', 'assessor', 'approver');
    return this.service.dashboard();
  }

  @Handles(saveExpansionPlan)
  async savePlan({ phases }: ParsedRequestOf<typeof saveExpansionPlan>, caller: Caller) {
    requireRole(caller, 'admin');
    return { phases: await this.service.savePlan(phases) };
  }

  @Handles(saveTargets)
  async saveTargets({ targets: drafts }: ParsedRequestOf<typeof saveTargets>, caller: Caller) {
    requireRole(caller, 'admin');
    return { targets: await this.service.saveTargets(drafts) };
  }

  @Handles(openDuePhase)
  async openDue({ asOf }: ParsedRequestOf<typeof openDuePhase>, caller: Caller) {
    requireSystem(caller, 'orchestrator');
    return { opened: await this.service.openDue(new Date(asOf)) };
  }

  /** Public: the application form offers only open provinces. */
  @Handles(listOpenProvinces)
  async open() {
    return { provinces: await this.service.openProvinces() };
  }
}

@Module({ controllers: [ExpansionHandlers], providers: [ExpansionService], exports: [ExpansionService] })
export class ExpansionModule {}
