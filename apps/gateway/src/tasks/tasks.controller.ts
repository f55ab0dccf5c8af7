import { Controller } from '@nestjs/common';
import { listTasks } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { TASK_ROUTES } from './tasks.routes';

@Controller()
export class TasksController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(TASK_ROUTES.listTasks)
  list(@Call() { query, caller }: Call<typeof TASK_ROUTES.listTasks>) {
    return this.rpc.send(listTasks, query, caller);
  }
}
