import { Controller } from '@nestjs/common';
import { getTrainingCertificate, verifyTrainingCertificate } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_CERTIFICATE_ROUTES as ROUTES } from './training-certificates.routes';

@Controller()
export class TrainingCertificatesController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.verifyTrainingCertificate)
  verify(@Call() { params, caller }: Call<typeof ROUTES.verifyTrainingCertificate>) {
    return this.rpc.send(verifyTrainingCertificate, { code: params.code }, caller);
  }

  @Endpoint(ROUTES.getTrainingCertificate)
  get(@Call() { params, caller }: Call<typeof ROUTES.getTrainingCertificate>) {
    return this.rpc.send(getTrainingCertificate, { code: params.code }, caller);
  }
}
