import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { getTrainerCalendarFeed, getTrainerCalendarToken } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_CALENDAR_ROUTES as ROUTES } from './training-calendar.routes';

@Controller()
export class TrainingCalendarController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.getTrainerCalendarToken)
  token(@Call() { caller }: Call<typeof ROUTES.getTrainerCalendarToken>) {
    return this.rpc.send(getTrainerCalendarToken, { rotate: false }, caller);
  }

  @Endpoint(ROUTES.rotateTrainerCalendarToken)
  rotate(@Call() { caller }: Call<typeof ROUTES.rotateTrainerCalendarToken>) {
    return this.rpc.send(getTrainerCalendarToken, { rotate: true }, caller);
  }

  /** The feed is the one answer that is not JSON: a calendar app reads it as text/calendar. */
  @Endpoint(ROUTES.getTrainerCalendarFeed)
  async feed(
    @Call() { params, caller }: Call<typeof ROUTES.getTrainerCalendarFeed>,
    @Reply() reply: FastifyReply,
  ) {
    const { ics } = await this.rpc.send(getTrainerCalendarFeed, { token: params.token }, caller);
    void reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300');
    return ics;
  }
}
