import { Controller } from '@nestjs/common';
import { listCboNotifications, listMyNotifications, listNotifications } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { NOTIFICATION_ROUTES } from './notifications.routes';

@Controller()
export class NotificationsController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(NOTIFICATION_ROUTES.listNotifications)
  list(@Call() { query, caller }: Call<typeof NOTIFICATION_ROUTES.listNotifications>) {
    return this.rpc.send(listNotifications, query, caller);
  }

  @Endpoint(NOTIFICATION_ROUTES.listMyNotifications)
  mine(@Call() { query, caller }: Call<typeof NOTIFICATION_ROUTES.listMyNotifications>) {
    return this.rpc.send(listMyNotifications, query, caller);
  }

  @Endpoint(NOTIFICATION_ROUTES.listCboNotifications)
  forCbo(@Call() { params, caller }: Call<typeof NOTIFICATION_ROUTES.listCboNotifications>) {
    return this.rpc.send(listCboNotifications, { cboId: params.id }, caller);
  }
}
