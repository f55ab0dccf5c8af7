import { Module } from '@nestjs/common';
import { CertificatesHandlers } from './certificates.handlers';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';

@Module({
  controllers: [CertificatesHandlers],
  providers: [CertificatesService, CertificatesRepository],
})
export class CertificatesModule {}
