import { Module } from '@nestjs/common';
import { CboMembersHandlers } from './cbo-members.handlers';
import { CboMembersRepository } from './cbo-members.repository';
import { CboMembersService } from './cbo-members.service';

/** Who belongs to a CBO, for the services that write to them. */
@Module({ controllers: [CboMembersHandlers], providers: [CboMembersService, CboMembersRepository] })
export class CboMembersModule {}
