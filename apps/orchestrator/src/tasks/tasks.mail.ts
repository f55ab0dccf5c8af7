import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import {
  getCbo,
  listStaffByRole,
  type NotificationRequest,
  type StaffRecipient,
  type StaffRole,
} from '@bandanh/contracts';
import { DomainError, NatsRpc, systemCaller } from '@bandanh/platform';
import { NotificationsService } from '../notifications/notifications.service';
import { serviceCall, type ServiceCall } from '../temporal/service-call';

/** Refusals that no retry changes (as `serviceCall` hands them on, or as the channel throws them). */
const FINAL_CODES: readonly string[] = ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'];

/** Whether a failure of the inbox's mail is final: a retry would be refused the same way. */
export function isFinalRefusal(error: unknown): boolean {
  if (error instanceof ApplicationFailure) return error.nonRetryable === true;
  return error instanceof DomainError && FINAL_CODES.includes(error.code);
}

/** A CBO's names, as a message says them: in Khmer where it has a Khmer name. */
export interface CboNames {
  name: string;
  nameKm: string | null;
}

/**
 * What the inbox needs to write to staff about their tasks: who holds a role (identity), the
 * CBO's names (the network service) and the notification channel. Asked as the orchestrator.
 */
@Injectable()
export class TaskMail {
  private readonly call: ServiceCall;
  private readonly orchestrator = systemCaller('orchestrator');

  constructor(
    rpc: NatsRpc,
    private readonly notifications: NotificationsService,
  ) {
    this.call = serviceCall(rpc);
  }

  async staffWithRole(role: StaffRole): Promise<StaffRecipient[]> {
    return (await this.call(listStaffByRole, { role })).items;
  }

  /** The CBO's names, or null when the network service does not know it (any other failure retries). */
  async cboNames(cboId: string): Promise<CboNames | null> {
    try {
      const { cbo } = await this.call(getCbo, { id: cboId });
      return { name: cbo.name, nameKm: cbo.nameKm ?? null };
    } catch (error) {
      if (error instanceof ApplicationFailure && error.type === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Starts the message once per key: a key sent before starts nothing. */
  send(request: NotificationRequest): Promise<{ started: boolean }> {
    return this.notifications.send(this.orchestrator, request);
  }
}
