import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TasksHandlers } from './tasks.handlers';
import { TaskMail } from './tasks.mail';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** The staff inbox: its handlers, and the service the worker's activities use (which mails its reminders). */
@Module({
  imports: [NotificationsModule],
  controllers: [TasksHandlers],
  providers: [TasksService, TasksRepository, TaskMail],
  exports: [TasksService],
})
export class TasksModule {}
