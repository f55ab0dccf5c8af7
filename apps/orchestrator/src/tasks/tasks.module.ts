import { Module } from '@nestjs/common';
import { TasksHandlers } from './tasks.handlers';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** The staff inbox: its handlers, and the service the worker's activities use. */
@Module({
  controllers: [TasksHandlers],
  providers: [TasksService, TasksRepository],
  exports: [TasksService],
})
export class TasksModule {}
