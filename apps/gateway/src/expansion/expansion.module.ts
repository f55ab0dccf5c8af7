import { Module } from '@nestjs/common';
import { ExpansionController } from './expansion.controller';

@Module({ controllers: [ExpansionController] })
export class ExpansionModule {}
