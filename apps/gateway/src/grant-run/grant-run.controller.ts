import { Controller } from '@nestjs/common';
import {
  decideGrantApproval,
  decideGrantEligibility,
  declareGrantReviewConflict,
  getGrantApplicationRun,
  scoreGrantApplication,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { GRANT_RUN_ROUTES as ROUTES } from './grant-run.routes';

/** An application's run: the workflow's own subjects (orchestrator), each staff step an update. */
@Controller()
export class GrantRunController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.getGrantApplicationRun)
  get(@Call() { params, caller }: Call<typeof ROUTES.getGrantApplicationRun>) {
    return this.rpc.send(getGrantApplicationRun, { applicationId: params.id }, caller);
  }

  @Endpoint(ROUTES.decideGrantEligibility)
  eligibility(@Call() { params, body, caller }: Call<typeof ROUTES.decideGrantEligibility>) {
    return this.rpc.send(decideGrantEligibility, { applicationId: params.id, ...body }, caller);
  }

  @Endpoint(ROUTES.declareGrantReviewConflict)
  declare(@Call() { params, body, caller }: Call<typeof ROUTES.declareGrantReviewConflict>) {
    return this.rpc.send(declareGrantReviewConflict, { applicationId: params.id, ...body }, caller);
  }

  @Endpoint(ROUTES.scoreGrantApplication)
  score(@Call() { params, body, caller }: Call<typeof ROUTES.scoreGrantApplication>) {
    return this.rpc.send(scoreGrantApplication, { applicationId: params.id, ...body }, caller);
  }

  @Endpoint(ROUTES.decideGrantApproval)
  decide(@Call() { params, body, caller }: Call<typeof ROUTES.decideGrantApproval>) {
    return this.rpc.send(decideGrantApproval, { applicationId: params.id, ...body }, caller);
  }
}
