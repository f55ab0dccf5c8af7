import { Injectable } from '@nestjs/common';
import {
  createCboClaim,
  decideCboClaim,
  getCbo,
  listCboClaims,
  type Caller,
  type RequestOf,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';

type Decision = { decision: 'confirm'; cboId: string } | { decision: 'decline'; reason: string };

/** Claims live with the identity service; the CBO a claim is confirmed against, with the network service. */
@Injectable()
export class CboClaimsService {
  constructor(private readonly rpc: NatsRpc) {}

  claim(caller: Caller, draft: RequestOf<typeof createCboClaim>) {
    return this.rpc.send(createCboClaim, draft, caller);
  }

  list(caller: Caller, query: RequestOf<typeof listCboClaims>) {
    return this.rpc.send(listCboClaims, query, caller);
  }

  /** A confirmation names a CBO the network service knows. */
  async decide(caller: Caller, claimId: string, decision: Decision) {
    if (decision.decision === 'confirm') await this.rpc.send(getCbo, { id: decision.cboId }, caller);
    return this.rpc.send(decideCboClaim, { claimId, ...decision }, caller);
  }
}
