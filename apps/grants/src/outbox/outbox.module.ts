import { Global, Module } from '@nestjs/common';
import { GrantsOutbox } from './grants-outbox';

@Global()
@Module({ providers: [GrantsOutbox], exports: [GrantsOutbox] })
export class OutboxModule {}
