import { Controller } from '@nestjs/common';
import {
  checkAssessment,
  listAssessments,
  recordAssessment,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { AssessmentsService } from './assessments.service';

@Controller()
export class AssessmentsHandlers {
  constructor(private readonly assessments: AssessmentsService) {}

  @Handles(recordAssessment)
  async record(
    { stepId, cboId, assessedBy, draft }: ParsedRequestOf<typeof recordAssessment>,
    caller: Caller,
  ) {
    return { assessment: await this.assessments.record(caller, stepId, cboId, assessedBy, draft) };
  }

  @Handles(checkAssessment)
  check({ draft, cboId }: ParsedRequestOf<typeof checkAssessment>, caller: Caller) {
    return this.assessments.check(caller, draft, cboId);
  }

  @Handles(listAssessments)
  async list({ cboId }: ParsedRequestOf<typeof listAssessments>, caller: Caller) {
    return { items: await this.assessments.list(caller, cboId) };
  }
}
