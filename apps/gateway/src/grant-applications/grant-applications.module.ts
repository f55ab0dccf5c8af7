import { Module } from '@nestjs/common';
import { UploadsModule } from '../uploads/uploads.module';
import { GrantApplicationsController } from './grant-applications.controller';

@Module({ imports: [UploadsModule], controllers: [GrantApplicationsController] })
export class GrantApplicationsModule {}
