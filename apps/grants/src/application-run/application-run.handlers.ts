import { Controller } from '@nestjs/common';
import {
  assignGrantReviewers,
  beginGrantApplicationRun,
  recordGrantApplicationStage,
  recordGrantDecision,
  recordGrantReview,
  recordGrantReviewDeclaration,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ApplicationRunService } from './application-run.service';

@Controller()
export class ApplicationRunHandlers {
  constructor(private readonly run: ApplicationRunService) {}

  @Handles(beginGrantApplicationRun)
  begin(input: ParsedRequestOf<typeof beginGrantApplicationRun>, caller: Caller) {
    return this.run.begin(caller, input);
  }

  @Handles(recordGrantApplicationStage)
  async recordStage(input: ParsedRequestOf<typeof recordGrantApplicationStage>, caller: Caller) {
    return { application: await this.run.recordStage(caller, input) };
  }

  @Handles(assignGrantReviewers)
  assignReviewers(input: ParsedRequestOf<typeof assignGrantReviewers>, caller: Caller) {
    return this.run.assignReviewers(caller, input);
  }

  @Handles(recordGrantReviewDeclaration)
  async declare(input: ParsedRequestOf<typeof recordGrantReviewDeclaration>, caller: Caller) {
    return { review: await this.run.declare(caller, input) };
  }

  @Handles(recordGrantReview)
  async recordReview(input: ParsedRequestOf<typeof recordGrantReview>, caller: Caller) {
    return { review: await this.run.recordReview(caller, input) };
  }

  @Handles(recordGrantDecision)
  async decide(input: ParsedRequestOf<typeof recordGrantDecision>, caller: Caller) {
    return { application: await this.run.decide(caller, input) };
  }
}
