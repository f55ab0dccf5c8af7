import { Controller } from '@nestjs/common';
import { getCboTrainingProgress } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_PROGRESS_ROUTES as ROUTES } from './training-progress.routes';

@Controller()
export class TrainingProgressController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.getCboTrainingProgress)
  progress(@Call() { params, caller }: Call<typeof ROUTES.getCboTrainingProgress>) {
    return this.rpc.send(getCboTrainingProgress, { cboId: params.cboId }, caller);
  }
}
