import { Injectable } from '@nestjs/common';
import {
  PARTICIPANT_STAGES,
  RULE_REASONS,
  type Caller,
  type Cbo,
  type CboApplication,
  type CboDraft,
  type CboPage,
  type DuplicateCandidate,
  type ListCbosQuery,
  type PipelineStage,
} from '@bandanh/contracts';
import { requireGroup, requirePerson, requireSystem } from '@bandanh/platform';
import { ExpansionService } from '../expansion/expansion.service';
import { SettingsService } from '../settings/settings.service';
import { cboNotFound, possibleDuplicate, provinceNotOpen } from './cbos.errors';
import { CbosRepository, type DuplicateProbe, type SelectionRecord } from './cbos.repository';

/** A CBO id that no CBO has: an applicant not yet linked sees an empty list. */
const NO_CBO = '00000000-0000-0000-0000-000000000000';

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

  /** Coordinators (and admins) record candidate CBOs. */
  async record(
    caller: Caller,
    idempotencyKey: string,
    draft: CboDraft,
  ): Promise<{ cbo: Cbo; created: boolean }> {
    const staff = requireGroup(caller, 'cboWriters');
    return this.create('network.cbo.create', idempotencyKey, draft, staff.userId);
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
    return this.repository.findDuplicates(probe);
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
  ): Promise<{ cbo: Cbo; created: boolean }> {
    const { result, replayed } = await this.repository.once(
      { name: command, key: idempotencyKey, request: { draft, foundBy } },
      async (tx) => {
        const duplicates = draft.acknowledgeDuplicates && foundBy ? [] : await tx.findDuplicates(draft);
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
