import { Controller } from '@nestjs/common';
import {
  getCboTrainingProgress,
  listCboTrainers,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ProgressService } from './progress.service';

@Controller()
export class ProgressHandlers {
  constructor(private readonly progress: ProgressService) {}

  @Handles(getCboTrainingProgress)
  forCbo({ cboId }: ParsedRequestOf<typeof getCboTrainingProgress>, caller: Caller) {
    return this.progress.forCbo(caller, cboId);
  }

  @Handles(listCboTrainers)
  async trainersOf({ cboId }: ParsedRequestOf<typeof listCboTrainers>, caller: Caller) {
    return { trainerIds: await this.progress.trainersOf(caller, cboId) };
  }
}
