import { Module } from '@nestjs/common';
import { CboClaimsController } from './cbo-claims.controller';
import { CboClaimsService } from './cbo-claims.service';

@Module({ controllers: [CboClaimsController], providers: [CboClaimsService] })
export class CboClaimsModule {}
