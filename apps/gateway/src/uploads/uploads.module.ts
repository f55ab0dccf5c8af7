import { Module } from '@nestjs/common';
import type { GatewayConfig } from '../config/env';
import { GATEWAY_CONFIG } from '../config/tokens';
import { GrantFilesService } from './grant-files.service';
import { UPLOAD_STORAGE, createUploadStorage } from './upload-storage';

/**
 * The storage of uploaded files (local disk or S3, by UPLOAD_STORE), and what the grant routes
 * do with it. The tus server itself is mounted on Fastify by `startGateway` (uploads.server.ts):
 * it needs the raw request, unparsed.
 */
@Module({
  providers: [
    {
      provide: UPLOAD_STORAGE,
      useFactory: (config: GatewayConfig) => createUploadStorage(config),
      inject: [GATEWAY_CONFIG],
    },
    GrantFilesService,
  ],
  exports: [UPLOAD_STORAGE, GrantFilesService],
})
export class UploadsModule {}
