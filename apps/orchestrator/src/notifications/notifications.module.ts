import { Module } from '@nestjs/common';
import { NotificationsHandlers } from './notifications.handlers';
import { Mailer } from './notifications.mailer';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationWorkflows } from './notifications.temporal';

/** The notification channel: its handlers, and what the worker's activities use. */
@Module({
  controllers: [NotificationsHandlers],
  providers: [NotificationsService, NotificationsRepository, NotificationWorkflows, Mailer],
  exports: [NotificationsService, NotificationsRepository, Mailer],
})
export class NotificationsModule {}
