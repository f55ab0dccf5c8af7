import { Injectable } from '@nestjs/common';
import {
  PARTICIPANT_STAGES,
  RULE_REASONS,
  type Caller,
  type Cbo,
  type CboApplication,
  type CboDraft,
  type CboPage,
  type CboWarning,
  type DuplicateCandidate,
  type DuplicateDecisionDraft,
  type ListCbosQuery,
  type PipelineStage,
} from '@bandanh/contracts';
import { requireGroup, requirePerson, requireSystem } from '@bandanh/platform';
import { ExpansionService } from '../expansion/expansion.service';
import { SettingsService } from '../settings/settings.service';
import {
  cboNotFound,
  duplicateDecided,
  notFlagged,
  possibleDuplicate,
  provinceNotOpen,
  provinceNotOpenForRecording,
  provinceNotOpenMessage,
} from './cbos.errors';
import { CbosRepository, type DuplicateProbe, type SelectionRecord } from './cbos.repository';

/** A CBO id that no CBO has: an applicant not yet linked sees an empty list. */
const NO_CBO = '00000000-0000-0000-0000-000000000000';

/** Lower case, trimmed, single spaces: "BAVEL  WORKERS ASSOCIATION" is "bavel workers association". */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What a CBO is compared on; a blank commune compares within the whole province. */
export function duplicateProbe(draft: {
  name: string;
  nameKm?: string;
  provinceCode: string;
  commune?: string;
}): DuplicateProbe {
  const commune = draft.commune ? normalise(draft.commune) : '';
  const nameKm = draft.nameKm ? normalise(draft.nameKm) : '';
  return {
    name: normalise(draft.name),
    provinceCode: draft.provinceCode,
    ...(nameKm ? { nameKm } : {}),
    ...(commune ? { commune } : {}),
  };
}

function mayRead(caller: Caller, cboId: string): boolean {
  return caller.kind === 'applicant' && caller.cboId === cboId;
}

@Injectable()
export class CbosService {
  constructor(
    private readonly repository: CbosRepository,
    private readonly settings: SettingsService,
    private readonly expansion: ExpansionService,
  ) {}

  /**
   * Coordinators (and admins) record candidate CBOs. In a province whose expansion phase has not
   * opened, the programme setting decides: recorded with a warning in the answer, or refused.
   */
  async record(
    caller: Caller,
    idempotencyKey: string,
    draft: CboDraft,
  ): Promise<{ cbo: Cbo; created: boolean; warnings?: CboWarning[] }> {
    const staff = requireGroup(caller, 'cboWriters');
    const { warnings, refusal } = await this.provinceCheck(draft.provinceCode);
    // The refusal is made inside the keyed command: a retry of one recorded before answers as then.
    const recorded = await this.create('network.cbo.create', idempotencyKey, draft, staff.userId, refusal);
    return warnings.length > 0 ? { ...recorded, warnings } : recorded;
  }

  /** Nothing in an open province; a warning (or, when the setting says so, a refusal) in another. */
  private async provinceCheck(provinceCode: string): Promise<{ warnings: CboWarning[]; refusal?: Error }> {
    const { open, opensOn } = await this.expansion.provinceOpening(provinceCode);
    if (open) return { warnings: [] };
    const { settings } = await this.settings.current();
    if (settings.unopenedProvinces === 'refuse') {
      return { warnings: [], refusal: provinceNotOpenForRecording(provinceCode, opensOn) };
    }
    const message = provinceNotOpenMessage(provinceCode, opensOn);
    return { warnings: [{ code: 'province_not_open', provinceCode, opensOn, message }] };
  }

  /**
   * A coordinator decides about a CBO flagged as a likely duplicate: a different group (the flag
   * goes), or the same as one it was flagged against (merged: the answer's CBO points at it, and
   * the caller then ends its pipeline as withdrawn). The same decision again changes nothing.
   */
  async decideDuplicate(caller: Caller, id: string, decision: DuplicateDecisionDraft): Promise<Cbo> {
    const staff = requireGroup(caller, 'cboWriters');
    return this.repository.transaction(async (tx) => {
      const cbo = await tx.findById(id);
      if (!cbo) throw cboNotFound(id);
      const into = decision.decision === 'merged' ? decision.into : null;
      if (cbo.duplicateDecision) {
        if (cbo.duplicateDecision === decision.decision && cbo.duplicateOf === into) return cbo;
        throw duplicateDecided(cbo.duplicateDecision, cbo.duplicateOf);
      }
      if (cbo.likelyDuplicateOf.length === 0 || (into && !cbo.likelyDuplicateOf.includes(into))) {
        throw notFlagged(id);
      }
      const decided = await tx.decideDuplicate(id, decision, staff.userId, cbo);
      if (!decided) throw cboNotFound(id);
      return decided;
    });
  }

  /** A group applies from the public site, in a province the network has opened. */
  async apply(idempotencyKey: string, application: CboApplication): Promise<{ cbo: Cbo; created: boolean }> {
    const open = await this.expansion.openProvinces();
    if (!open.includes(application.provinceCode)) throw provinceNotOpen();
    return this.create(
      'network.cbo.apply',
      idempotencyKey,
      { ...application, foundVia: 'self_application', acknowledgeDuplicates: true },
      null,
    );
  }

  async duplicates(caller: Caller, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
    requireGroup(caller, 'cboWriters');
    return this.repository.findDuplicates(duplicateProbe(probe));
  }

  /** Staff with an inbox learn which of their tasks' CBOs look like one already recorded. */
  async duplicateFlags(caller: Caller, ids: string[]) {
    requireGroup(caller, 'taskHolders');
    return this.repository.duplicateFlags([...new Set(ids)]);
  }

  /** Staff see every CBO; an applicant sees only their own, and another's is "not found". */
  async get(caller: Caller, id: string): Promise<Cbo> {
    const cbo =
      caller.kind === 'system' || caller.kind === 'staff' || mayRead(caller, id)
        ? await this.repository.findById(id)
        : undefined;
    if (!cbo) throw cboNotFound(id);
    return cbo;
  }

  async list(caller: Caller, query: ListCbosQuery): Promise<CboPage> {
    const person = requirePerson(caller);
    if (person.kind === 'applicant') return this.repository.list(query, person.cboId ?? NO_CBO);
    return this.repository.list(query);
  }

  /** Keeps the stage that the CBO's pipeline workflow reports; only the orchestrator may. */
  async recordStage(
    caller: Caller,
    id: string,
    stage: PipelineStage,
    decision?: SelectionRecord,
  ): Promise<Cbo> {
    requireSystem(caller, 'orchestrator');
    const participant = PARTICIPANT_STAGES.includes(stage);
    const cbo = await this.repository.setStage(id, stage, { participant, decision });
    if (!cbo) throw cboNotFound(id);
    return cbo;
  }

  /** What the pipeline needs when a CBO is identified: whether a programme rule declines it. */
  async screen(caller: Caller, id: string) {
    requireSystem(caller, 'orchestrator');
    const cbo = await this.get(caller, id);
    const { settings } = await this.settings.current();
    const declined = settings.pilotDeclinesDevelopment && cbo.purpose === 'development';
    return {
      name: cbo.nameKm ? `${cbo.name} (${cbo.nameKm})` : cbo.name,
      declineReason: declined ? RULE_REASONS.pilotDevelopment : null,
      reassessmentWaitDays: settings.reassessmentWaitDays,
    };
  }

  /**
   * Records the CBO once per idempotency key and starts its pipeline with it. A coordinator's
   * likely duplicate is refused unless the draft acknowledges it; a group applying itself is
   * never refused: its likely duplicates are kept for a coordinator to check.
   */
  private async create(
    command: string,
    idempotencyKey: string,
    draft: CboDraft,
    foundBy: string | null,
    refusal?: Error,
  ): Promise<{ cbo: Cbo; created: boolean }> {
    const { result, replayed } = await this.repository.once(
      { name: command, key: idempotencyKey, request: { draft, foundBy } },
      async (tx) => {
        if (refusal) throw refusal;
        const duplicates =
          draft.acknowledgeDuplicates && foundBy ? [] : await tx.findDuplicates(duplicateProbe(draft));
        if (foundBy && duplicates.length > 0) throw possibleDuplicate(duplicates);
        const { acknowledgeDuplicates: _ack, ...values } = draft;
        const cbo = await tx.insert({
          ...values,
          foundBy,
          likelyDuplicateOf: foundBy ? [] : duplicates.map((duplicate) => duplicate.id),
        });
        if (draft.fieldVisitId) await tx.linkToVisit(draft.fieldVisitId, cbo.id);
        // The pipeline starts with the record: the command commits with it (the outbox).
        await tx.startPipeline(cbo.id);
        return cbo;
      },
    );
    return { cbo: result, created: !replayed };
  }
}
