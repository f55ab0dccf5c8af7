import { isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  PARTICIPANT_STAGES,
  PIPELINE_STAGES,
  PROVINCES,
  type Caller,
  type ExpansionDashboard,
  type ExpansionPhase,
  type PipelineStage,
  type TargetDraft,
  type TargetProgress,
} from '@bandanh/contracts';
import { requireGroup, requireSystem } from '@bandanh/platform';
import { dateOnly, defaultPlan, defaultTargets } from './expansion.defaults';
import { phaseAlreadyOpen } from './expansion.errors';
import {
  ExpansionRepository,
  type PhaseRecord,
  type StageCount,
  type TargetRecord,
} from './expansion.repository';

const METRIC_STAGES: Record<TargetDraft['metric'], readonly PipelineStage[]> = {
  participants: PARTICIPANT_STAGES,
  selected: PARTICIPANT_STAGES,
  identified: PIPELINE_STAGES.filter((stage) => stage !== 'withdrawn'),
};

function emptyCounts(): Record<PipelineStage, number> {
  return Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 0])) as Record<PipelineStage, number>;
}

function toPhase(row: PhaseRecord): ExpansionPhase {
  return {
    seq: row.seq,
    provinces: row.provinces,
    opensOn: row.opensOn,
    openedAt: row.openedAt?.toISOString() ?? null,
  };
}

/** A target with how many CBOs count towards it now. */
function progress(target: TargetRecord, counts: StageCount[]): TargetProgress {
  const actual = counts
    .filter(
      (row) =>
        row.stage !== null &&
        METRIC_STAGES[target.metric].includes(row.stage) &&
        (target.provinces.length === 0 || target.provinces.includes(row.provinceCode)),
    )
    .reduce((sum, row) => sum + row.n, 0);
  return {
    id: target.id,
    labelEn: target.labelEn,
    labelKm: target.labelKm,
    metric: target.metric,
    count: target.count,
    provinces: target.provinces,
    dueOn: target.dueOn,
    actual,
  };
}

/** A target's facts, in the order they are kept: what its audit entry compares. */
function targetFacts(target: TargetDraft): TargetDraft {
  const { labelEn, labelKm, metric, count, provinces, dueOn } = target;
  return { labelEn, labelKm, metric, count, provinces, dueOn };
}

@Injectable()
export class ExpansionService implements OnApplicationBootstrap {
  constructor(private readonly repository: ExpansionRepository) {}

  /** A new installation starts with the default plan and targets, the pilot open. */
  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    await this.repository.transaction(async (tx) => {
      await tx.lock('network.expansion.defaults');
      if ((await tx.countPhases()) > 0) return;
      await tx.insertPhases(
        defaultPlan(now).map((phase, i) => ({ seq: i + 1, ...phase, openedAt: i === 0 ? now : null })),
      );
      await tx.insertTargets(defaultTargets(now));
    });
  }

  /** The provinces open to the network now: public, for the application form. */
  /** Whether a province's phase has opened, and when it opens (null when it is in no phase). */
  async provinceOpening(provinceCode: string): Promise<{ open: boolean; opensOn: string | null }> {
    const phase = (await this.repository.phases()).find((p) => p.provinces.includes(provinceCode));
    return { open: Boolean(phase?.openedAt), opensOn: phase?.opensOn ?? null };
  }

  async openProvinces(): Promise<string[]> {
    return (await this.repository.phases())
      .filter((phase) => phase.openedAt)
      .flatMap((phase) => phase.provinces);
  }

  /** The plan, the targets and how far each province has come, for programme staff. */
  async dashboard(caller: Caller): Promise<ExpansionDashboard> {
    requireGroup(caller, 'programmeStaff');
    const [phaseRows, targetRows, counts] = await Promise.all([
      this.repository.phases(),
      this.repository.targets(),
      this.repository.stageCounts(),
    ]);
    const phases = phaseRows.map(toPhase);
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
    return { phases, provinces, overall, targets: targetRows.map((row) => progress(row, counts)) };
  }

  /** Admins replace the plan; a phase already opened keeps its provinces and its opening. */
  async savePlan(
    caller: Caller,
    plan: Array<{ provinces: string[]; opensOn: string }>,
  ): Promise<ExpansionPhase[]> {
    const admin = requireGroup(caller, 'admins');
    await this.repository.transaction(async (tx) => {
      await tx.lock('network.expansion.plan');
      const current = await tx.phases();
      const opened = current.filter((phase) => phase.openedAt);
      opened.forEach((phase, i) => {
        const next = plan[i];
        const same =
          next &&
          next.provinces.length === phase.provinces.length &&
          next.provinces.every((code) => phase.provinces.includes(code));
        if (!same) throw phaseAlreadyOpen(phase.seq);
      });
      await tx.replacePhases(
        plan.map((phase, i) => ({
          seq: i + 1,
          provinces: phase.provinces,
          opensOn: opened[i] ? opened[i].opensOn : phase.opensOn,
          openedAt: opened[i]?.openedAt ?? null,
        })),
      );
      const before = current.map(({ provinces, opensOn }) => ({ provinces, opensOn }));
      const after = plan.map(({ provinces }, i) => ({
        provinces,
        opensOn: opened[i] ? opened[i].opensOn : plan[i].opensOn,
      }));
      if (isDeepStrictEqual(before, after)) return;
      await tx.audit({
        action: 'network.expansion.savePlan',
        target: { type: 'expansion_plan', id: 'network' },
        actor: admin.userId,
        eventId: `network.expansion.savePlan:${randomUUID()}`,
        details: { before, after },
      });
    });
    return (await this.repository.phases()).map(toPhase);
  }

  /** Admins replace the targets. */
  async saveTargets(caller: Caller, drafts: TargetDraft[]): Promise<TargetProgress[]> {
    const admin = requireGroup(caller, 'admins');
    await this.repository.transaction(async (tx) => {
      await tx.lock('network.expansion.targets');
      const before = (await tx.targets()).map(targetFacts);
      await tx.replaceTargets(drafts);
      const after = drafts.map(targetFacts);
      // Saving the same targets again changes nothing and is not written down.
      if (isDeepStrictEqual(before, after)) return;
      await tx.audit({
        action: 'network.expansion.saveTargets',
        target: { type: 'expansion_targets', id: 'network' },
        actor: admin.userId,
        eventId: `network.expansion.saveTargets:${randomUUID()}`,
        details: { before, after },
      });
    });
    const [targetRows, counts] = await Promise.all([
      this.repository.targets(),
      this.repository.stageCounts(),
    ]);
    return targetRows.map((row) => progress(row, counts));
  }

  /** The expansion schedule opens the next phase in the plan if its date has come; at most one per call. */
  async openDue(caller: Caller, asOf: Date): Promise<ExpansionPhase | null> {
    requireSystem(caller, 'orchestrator');
    const today = dateOnly(asOf);
    const next = await this.repository.nextUnopened();
    if (!next || next.opensOn > today) return null;
    const opened = await this.repository.transaction(async (tx) => {
      const phase = await tx.open(next.seq, asOf, today);
      if (!phase) return undefined;
      await tx.audit({
        action: 'network.expansion.openDue',
        target: { type: 'expansion_phase', id: String(phase.seq) },
        actor: 'system:orchestrator',
        // A phase opens once: a second opening finds it opened and writes nothing.
        eventId: `network.expansion.openDue:${phase.seq}:${phase.opensOn}`,
        details: { provinces: phase.provinces, opensOn: phase.opensOn },
      });
      return phase;
    });
    if (!opened) return null;
    return {
      seq: opened.seq,
      provinces: opened.provinces,
      opensOn: opened.opensOn,
      openedAt: asOf.toISOString(),
    };
  }
}
