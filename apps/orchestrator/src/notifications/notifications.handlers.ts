import { Controller } from '@nestjs/common';
import {
  listCboNotifications,
  listMyNotifications,
  listNotifications,
  sendNotification,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsHandlers {
  constructor(private readonly notifications: NotificationsService) {}

  @Handles(sendNotification)
  send(request: ParsedRequestOf<typeof sendNotification>, caller: Caller) {
    return this.notifications.send(caller, request);
  }

  @Handles(listNotifications)
  async list(query: ParsedRequestOf<typeof listNotifications>, caller: Caller) {
    return { items: await this.notifications.list(caller, query) };
  }

  @Handles(listMyNotifications)
  async mine({ limit }: ParsedRequestOf<typeof listMyNotifications>, caller: Caller) {
    return { items: await this.notifications.mine(caller, limit) };
  }

  @Handles(listCboNotifications)
  async forCbo({ cboId }: ParsedRequestOf<typeof listCboNotifications>, caller: Caller) {
    return { items: await this.notifications.forCbo(caller, cboId) };
  }
}
