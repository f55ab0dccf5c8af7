import { Injectable } from '@nestjs/common';
import {
  getCbo,
  listCboMembers,
  listCbos,
  listStaffByRole,
  type Cbo,
  type CboMember,
  type StaffRecipient,
} from '@bandanh/contracts';
import { DomainError, NatsRpc, systemCaller } from '@bandanh/platform';

/** A CBO as the training service names and places it. */
export interface CboSummary {
  id: string;
  name: string;
  nameKm: string | null;
  provinceCode: string;
  stage: string | null;
}

const summaryOf = (cbo: Cbo): CboSummary => ({
  id: cbo.id,
  name: cbo.name,
  nameKm: cbo.nameKm,
  provinceCode: cbo.provinceCode,
  stage: cbo.stage,
});

/** The stages whose CBOs are invited to sessions: participants and those already in training. */
export const INVITED_STAGES = ['participant', 'training'] as const;

/**
 * What the training service asks of the others, as itself (signed caller `training`): the
 * CBOs it invites and their names (network), their members and the trainers to write to
 * (identity). Asked BEFORE a change's transaction opens, so that no lock waits on the network.
 */
@Injectable()
export class TrainingDirectory {
  private readonly training = systemCaller('training');

  constructor(private readonly rpc: NatsRpc) {}

  /** The CBO's names and province, or null when the network service does not know it. */
  async cbo(id: string): Promise<CboSummary | null> {
    try {
      return summaryOf((await this.rpc.send(getCbo, { id }, this.training)).cbo);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Every CBO at one of the invited stages (participant, training). */
  async participants(): Promise<CboSummary[]> {
    const found: CboSummary[] = [];
    for (const stage of INVITED_STAGES) {
      for (let offset = 0; ; offset += 100) {
        const page = await this.rpc.send(listCbos, { stage, limit: 100, offset }, this.training);
        found.push(...page.items.map(summaryOf));
        if (page.items.length < 100 || offset + 100 >= page.total) break;
      }
    }
    return found;
  }

  /** The CBO's active linked accounts, each with the language they read. */
  async members(cboId: string): Promise<CboMember[]> {
    return (await this.rpc.send(listCboMembers, { cboId }, this.training)).items;
  }

  /** The active trainers among `ids`, with their addresses and languages. */
  async trainers(ids: readonly string[]): Promise<StaffRecipient[]> {
    if (ids.length === 0) return [];
    const { items } = await this.rpc.send(listStaffByRole, { role: 'trainer' }, this.training);
    return items.filter((item) => ids.includes(item.userId));
  }
}
