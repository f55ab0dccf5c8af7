import { Module } from '@nestjs/common';
import { TrainersHandlers } from './trainers.handlers';
import { TrainersRepository } from './trainers.repository';
import { TrainersService } from './trainers.service';

@Module({
  controllers: [TrainersHandlers],
  providers: [TrainersService, TrainersRepository],
})
export class TrainersModule {}
