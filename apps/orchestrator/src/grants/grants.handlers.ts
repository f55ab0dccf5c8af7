import { Controller } from '@nestjs/common';
import {
  decideGrantApproval,
  decideGrantEligibility,
  declareGrantReviewConflict,
  getGrantApplicationRun,
  scoreGrantApplication,
  signalGrantResubmitted,
  startGrantApplicationRun,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { GrantApplicationsService } from './grants.service';

@Controller()
export class GrantApplicationsHandlers {
  constructor(private readonly applications: GrantApplicationsService) {}

  @Handles(startGrantApplicationRun)
  start(input: ParsedRequestOf<typeof startGrantApplicationRun>, caller: Caller) {
    return this.applications.start(caller, input);
  }

  @Handles(signalGrantResubmitted)
  resubmitted({ applicationId, cycle }: ParsedRequestOf<typeof signalGrantResubmitted>, caller: Caller) {
    return this.applications.resubmitted(caller, applicationId, cycle);
  }

  @Handles(getGrantApplicationRun)
  get({ applicationId }: ParsedRequestOf<typeof getGrantApplicationRun>, caller: Caller) {
    return this.applications.get(caller, applicationId);
  }

  @Handles(decideGrantEligibility)
  decideEligibility(input: ParsedRequestOf<typeof decideGrantEligibility>, caller: Caller) {
    return this.applications.decideEligibility(caller, input);
  }

  @Handles(declareGrantReviewConflict)
  declareConflict(input: ParsedRequestOf<typeof declareGrantReviewConflict>, caller: Caller) {
    return this.applications.declareConflict(caller, input);
  }

  @Handles(scoreGrantApplication)
  score(input: ParsedRequestOf<typeof scoreGrantApplication>, caller: Caller) {
    return this.applications.score(caller, input);
  }

  @Handles(decideGrantApproval)
  decide(input: ParsedRequestOf<typeof decideGrantApproval>, caller: Caller) {
    return this.applications.decide(caller, input);
  }
}
