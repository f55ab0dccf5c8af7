import { Module } from '@nestjs/common';
import { SessionsHandlers } from './sessions.handlers';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsHandlers],
  providers: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
