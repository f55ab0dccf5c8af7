import { Injectable } from '@nestjs/common';
import {
  getCbo,
  listAssessments,
  listCboMembers,
  listCboTrainers,
  listStaffByRole,
  type Cbo,
  type CboMember,
  type StaffRecipient,
} from '@bandanh/contracts';
import { DomainError, NatsRpc, systemCaller } from '@bandanh/platform';

/** A CBO as the grants service needs it: names, place, issues, pipeline stage, who recorded it. */
export interface CboFacts {
  id: string;
  name: string;
  nameKm: string | null;
  provinceCode: string;
  focusIssues: string[];
  stage: string | null;
  foundBy: string | null;
}

const factsOf = (cbo: Cbo): CboFacts => ({
  id: cbo.id,
  name: cbo.name,
  nameKm: cbo.nameKm,
  provinceCode: cbo.provinceCode,
  focusIssues: cbo.focusIssues,
  stage: cbo.stage,
  foundBy: cbo.foundBy,
});

/**
 * What the grants service asks of the others, as itself (signed caller `grants`): the CBOs and
 * who assessed them (network), who trained them (training), their members and the reviewers
 * (identity). Asked BEFORE a change's transaction opens, so that no lock waits on the network.
 */
@Injectable()
export class GrantsDirectory {
  private readonly grants = systemCaller('grants');

  constructor(private readonly rpc: NatsRpc) {}

  /** The CBO, or null when the network service does not know it. */
  async cbo(id: string): Promise<CboFacts | null> {
    try {
      return factsOf((await this.rpc.send(getCbo, { id }, this.grants)).cbo);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Who assessed the CBO (every assessment's assessor). */
  async assessors(cboId: string): Promise<string[]> {
    const { items } = await this.rpc.send(listAssessments, { cboId }, this.grants);
    return [...new Set(items.map((item) => item.assessedBy))];
  }

  /** Who trained the CBO (the trainers of the held sessions its members sat). */
  async trainers(cboId: string): Promise<string[]> {
    return (await this.rpc.send(listCboTrainers, { cboId }, this.grants)).trainerIds;
  }

  /** The CBO's active linked accounts, each with the language they read. */
  async members(cboId: string): Promise<CboMember[]> {
    return (await this.rpc.send(listCboMembers, { cboId }, this.grants)).items;
  }

  /** The active staff holding the reviewer role. */
  async reviewers(): Promise<StaffRecipient[]> {
    return (await this.rpc.send(listStaffByRole, { role: 'reviewer' }, this.grants)).items;
  }
}
