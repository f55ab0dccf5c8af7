import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  dateInCambodia,
  PARTICIPANT_STAGES,
  RULE_REASONS,
  type Caller,
  type Cbo,
  type ApplicationStatus,
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
  applicationNotFound,
  cboNotFound,
  duplicateDecided,
  notFlagged,
  possibleDuplicate,
  provinceNotOpen,
  provinceNotOpenForRecording,
  provinceNotOpenMessage,
} from './cbos.errors';
import {
  CbosRepository,
  type CboApplicant,
  type DuplicateProbe,
  type NewCbo,
  type SelectionRecord,
} from './cbos.repository';

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

/** Crockford's base32: digits and letters without I, L, O and U, none read for another. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new application reference: `BDH-` and 8 random Crockford characters (40 bits). */
export function newReference(draw: (below: number) => number = randomInt): string {
  return `BDH-${Array.from({ length: 8 }, () => CROCKFORD[draw(CROCKFORD.length)]).join('')}`;
}

/** How many references an application draws before giving up (a clash is one in 10^12 a CBO). */
const REFERENCE_DRAWS = 5;

/** The public words for a pipeline stage; set-up (no stage, identified) is "received". */
function statusOf(stage: PipelineStage | null): ApplicationStatus['status'] {
  switch (stage) {
    case null:
    case 'identified':
      return 'received';
    case 'assessment':
      return 'being_assessed';
    case 'selection':
      return 'awaiting_decision';
    case 'participant':
    case 'training':
    case 'grant_eligible':
      return 'selected';
    case 'declined':
      return 'declined';
    case 'withdrawn':
      return 'withdrawn';
  }
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

  /**
   * A group applies from the public site, in a province the network has opened. It gets a
   * reference to follow its application by, and its decision is mailed to the address it left,
   * in the language it applied in.
   */
  async apply(
    idempotencyKey: string,
    application: CboApplication,
  ): Promise<{ cbo: Cbo; created: boolean; reference: string | null }> {
    const open = await this.expansion.openProvinces();
    if (!open.includes(application.provinceCode)) throw provinceNotOpen();
    const { email, locale, ...draft } = application;
    const { cbo, created } = await this.create(
      'network.cbo.apply',
      idempotencyKey,
      { ...draft, foundVia: 'self_application', acknowledgeDuplicates: true },
      null,
      undefined,
      { email: email ?? null, locale },
    );
    // A retry's first answer is kept as it was: the reference is read from the record.
    const applicant = await this.repository.applicantOf(cbo.id);
    return { cbo, created, reference: applicant?.reference ?? null };
  }

  /**
   * What anyone holding a reference may know of the application: its stage in plain words and
   * a decline's reason, nothing of a person. While the pipeline is still setting itself up, the
   * answer is its screening's, which declines a development group at once during the pilot.
   */
  async status(reference: string): Promise<ApplicationStatus> {
    const cbo = await this.repository.findByReference(reference);
    if (!cbo) throw applicationNotFound(reference);
    const receivedOn = dateInCambodia(new Date(cbo.createdAt));
    if (cbo.stage === null || cbo.stage === 'identified') {
      const { declineReason } = await this.screening(cbo);
      if (declineReason) {
        return { reference, status: 'declined', reason: declineReason, receivedOn, decidedOn: receivedOn };
      }
    }
    const status = statusOf(cbo.stage);
    const decided = cbo.decision && (status === 'declined' || status === 'selected') ? cbo.decision : null;
    return {
      reference,
      status,
      reason: status === 'declined' ? (decided?.reason ?? null) : null,
      receivedOn,
      decidedOn: decided ? dateInCambodia(new Date(decided.decidedAt)) : null,
    };
  }

  /** Whom the orchestrator mails a CBO's decisions to besides its members; only it may ask. */
  async applicant(caller: Caller, id: string): Promise<CboApplicant> {
    requireSystem(caller, 'orchestrator');
    const applicant = await this.repository.applicantOf(id);
    if (!applicant) throw cboNotFound(id);
    return applicant;
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
    // The training service lists the participants it invites to its sessions.
    if (caller.kind === 'system' && caller.service === 'training') return this.repository.list(query);
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
    return this.repository.transaction(async (tx) => {
      const before = await tx.findById(id);
      if (!before) throw cboNotFound(id);
      const cbo = await tx.setStage(id, stage, { participant, decision });
      if (!cbo) throw cboNotFound(id);
      // A stage reported again changes nothing and is not written down twice.
      if (before.stage !== stage) {
        await tx.audit({
          action: 'network.cbo.recordStage',
          target: { type: 'cbo', id },
          actor: 'system:orchestrator',
          eventId: `network.cbo.recordStage:${id}:${before.updatedAt}:${stage}`,
          details: {
            name: cbo.name,
            before: { stage: before.stage },
            after: { stage, ...(decision ? { decision } : {}) },
          },
        });
      }
      return cbo;
    });
  }

  /** What the pipeline needs when a CBO is identified: whether a programme rule declines it. */
  async screen(caller: Caller, id: string) {
    requireSystem(caller, 'orchestrator');
    const cbo = await this.get(caller, id);
    const { declineReason, reassessmentWaitDays } = await this.screening(cbo);
    return {
      name: cbo.nameKm ? `${cbo.name} (${cbo.nameKm})` : cbo.name,
      declineReason,
      reassessmentWaitDays,
    };
  }

  /** The programme rules on a newly identified CBO: whether one declines it, and the waiting time. */
  private async screening(cbo: Cbo) {
    const { settings } = await this.settings.current();
    const declined = settings.pilotDeclinesDevelopment && cbo.purpose === 'development';
    return {
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
    applicant?: Omit<CboApplicant, 'reference'>,
  ): Promise<{ cbo: Cbo; created: boolean }> {
    const { result, replayed } = await this.repository.once(
      {
        name: command,
        key: idempotencyKey,
        request: applicant ? { draft, foundBy, applicant } : { draft, foundBy },
      },
      async (tx) => {
        if (refusal) throw refusal;
        const duplicates =
          draft.acknowledgeDuplicates && foundBy ? [] : await tx.findDuplicates(duplicateProbe(draft));
        if (foundBy && duplicates.length > 0) throw possibleDuplicate(duplicates);
        const { acknowledgeDuplicates: _ack, ...values } = draft;
        const cbo = await this.insertOnce(
          tx,
          {
            ...values,
            foundBy,
            likelyDuplicateOf: foundBy ? [] : duplicates.map((duplicate) => duplicate.id),
          },
          applicant,
        );
        if (draft.fieldVisitId) await tx.linkToVisit(draft.fieldVisitId, cbo.id);
        // The pipeline starts with the record: the command commits with it (the outbox).
        await tx.startPipeline(cbo.id);
        // So does its audit entry: who recorded it (nobody signed in, for the public form).
        await tx.audit({
          action: command,
          target: { type: 'cbo', id: cbo.id },
          actor: foundBy,
          eventId: `${command}:${cbo.id}`,
          details: {
            name: cbo.name,
            provinceCode: cbo.provinceCode,
            foundVia: cbo.foundVia,
            ...(cbo.likelyDuplicateOf.length > 0 ? { likelyDuplicateOf: cbo.likelyDuplicateOf } : {}),
          },
        });
        return cbo;
      },
    );
    return { cbo: result, created: !replayed };
  }

  /** Stores the CBO; a public application with a reference no other CBO has. */
  private async insertOnce(
    tx: CbosRepository,
    values: Omit<NewCbo, 'applicant'>,
    applicant?: Omit<CboApplicant, 'reference'>,
  ): Promise<Cbo> {
    if (!applicant) {
      const cbo = await tx.insert(values);
      if (cbo) return cbo;
    } else {
      for (let draw = 0; draw < REFERENCE_DRAWS; draw++) {
        const cbo = await tx.insert({ ...values, applicant: { ...applicant, reference: newReference() } });
        if (cbo) return cbo;
      }
    }
    throw new Error('Could not store the CBO: every reference drawn was taken');
  }
}
