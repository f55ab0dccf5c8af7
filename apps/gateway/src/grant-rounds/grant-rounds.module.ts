import { Module } from '@nestjs/common';
import { GrantRoundsController } from './grant-rounds.controller';

@Module({ controllers: [GrantRoundsController] })
export class GrantRoundsModule {}
