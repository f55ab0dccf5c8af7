import { Module } from '@nestjs/common';
import { StaffNamesController } from './staff-names.controller';

@Module({ controllers: [StaffNamesController] })
export class StaffNamesModule {}
