import { Module } from '@nestjs/common';
import { GrantRunController } from './grant-run.controller';

@Module({ controllers: [GrantRunController] })
export class GrantRunModule {}
