import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { SignUpHandlers } from './sign-up.handlers';
import { SignUpService } from './sign-up.service';

@Module({
  imports: [SessionsModule],
  controllers: [SignUpHandlers],
  providers: [SignUpService],
})
export class SignUpModule {}
