import { Injectable } from '@nestjs/common';
import {
  correctHotlineCall,
  getCbo,
  listHotlineCalls,
  logHotlineCall,
  type Caller,
  type HotlineCallCorrection,
  type HotlineCallDraft,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';

/** A CBO's hotline calls, kept by the network service. */
@Injectable()
export class HotlineService {
  constructor(private readonly rpc: NatsRpc) {}

  /** The CBO's calls, newest first; a CBO that does not exist (or is not the caller's to see) is a 404. */
  async list(caller: Caller, cboId: string) {
    await this.rpc.send(getCbo, { id: cboId }, caller);
    return this.rpc.send(listHotlineCalls, { cboId, limit: 100 }, caller);
  }

  /** Logs the call once per key; a referral's follow-up starts with it (the network service's outbox). */
  log(caller: Caller, cboId: string, idempotencyKey: string, call: HotlineCallDraft) {
    return this.rpc.send(logHotlineCall, { idempotencyKey, cboId, call }, caller);
  }

  /** Corrects a call's facts; the network service keeps the audit trail of the correction. */
  correct(caller: Caller, id: string, correction: HotlineCallCorrection) {
    return this.rpc.send(correctHotlineCall, { id, correction }, caller);
  }
}
