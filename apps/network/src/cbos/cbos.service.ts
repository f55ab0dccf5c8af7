import { Injectable } from '@nestjs/common';
import {
  RULE_REASONS,
  type Caller,
  type Cbo,
  type CboApplication,
  type CboDraft,
  type CboPage,
  type DuplicateCandidate,
  type ListCbosQuery,
  type PipelineStage,
  type SelectionDecision,
} from '@bandanh/contracts';
import { DomainError, requirePerson, requireRole, requireSystem } from '@bandanh/platform';
import { ExpansionService } from '../expansion/expansion.module';
import { SettingsService } from '../settings/settings.service';
import { CbosRepository, type DuplicateProbe } from './cbos.repository';

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
  record(caller: Caller, idempotencyKey: string, draft: CboDraft): Promise<{ cbo: Cbo; created: boolean }> {
    const staff = requireRole(caller, 'coordinator', 'admin');
    return this.repository.create('network.cbo.create', idempotencyKey, draft, staff.userId);
  }

  /** A group applies from the public site, in a province the network has opened. */
  async apply(idempotencyKey: string, application: CboApplication): Promise<{ cbo: Cbo; created: boolean }> {
    const open = await this.expansion.openProvinces();
    if (!open.includes(application.provinceCode)) {
      throw DomainError.invalid(
        [
          {
            path: 'provinceCode',
            code: 'province_not_open',
            message: 'The network is not open in this province yet',
          },
        ],
        'The network is not open in this province yet',
      );
    }
    return this.repository.create(
      'network.cbo.apply',
      idempotencyKey,
      { ...application, foundVia: 'self_application', acknowledgeDuplicates: true },
      null,
    );
  }

  duplicates(caller: Caller, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
    requireRole(caller, 'coordinator', 'admin');
    return this.repository.findDuplicates(probe);
  }

  /** Staff see every CBO; an applicant sees only their own, and another's is "not found". */
  async get(caller: Caller, id: string): Promise<Cbo> {
    const cbo =
      caller.kind === 'system' || caller.kind === 'staff' || mayRead(caller, id)
        ? await this.repository.findById(id)
        : undefined;
    if (!cbo) throw DomainError.notFound('CBO', id);
    return cbo;
  }

  list(caller: Caller, query: ListCbosQuery): Promise<CboPage> {
    const person = requirePerson(caller);
    if (person.kind === 'applicant') return this.repository.list(query, person.cboId ?? NO_CBO);
    return this.repository.list(query);
  }

  /** Keeps the stage that the CBO's pipeline workflow reports; only the orchestrator may. */
  async recordStage(
    caller: Caller,
    id: string,
    stage: PipelineStage,
    decision?: { outcome: SelectionDecision['outcome']; reason: string | null },
  ): Promise<Cbo> {
    requireSystem(caller, 'orchestrator');
    const cbo = await this.repository.setStage(id, stage, decision);
    if (!cbo) throw DomainError.notFound('CBO', id);
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
}
