import { Controller } from '@nestjs/common';
import {
  getTrainingCertificate,
  verifyTrainingCertificate,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CertificatesService } from './certificates.service';

@Controller()
export class CertificatesHandlers {
  constructor(private readonly certificates: CertificatesService) {}

  /** Anyone, signed in or not, may verify a certificate. */
  @Handles(verifyTrainingCertificate)
  verify({ code }: ParsedRequestOf<typeof verifyTrainingCertificate>) {
    return this.certificates.verify(code);
  }

  @Handles(getTrainingCertificate)
  get({ code }: ParsedRequestOf<typeof getTrainingCertificate>, caller: Caller) {
    return this.certificates.get(caller, code);
  }
}
