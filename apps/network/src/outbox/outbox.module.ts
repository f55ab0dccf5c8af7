import { Global, Module } from '@nestjs/common';
import { NetworkOutbox } from './network-outbox';

@Global()
@Module({ providers: [NetworkOutbox], exports: [NetworkOutbox] })
export class OutboxModule {}
