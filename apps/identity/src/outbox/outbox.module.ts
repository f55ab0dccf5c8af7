import { Global, Module } from '@nestjs/common';
import { IdentityOutbox } from './identity-outbox';
import { OutboxRepository } from './outbox.repository';

@Global()
@Module({ providers: [IdentityOutbox, OutboxRepository], exports: [IdentityOutbox] })
export class OutboxModule {}
