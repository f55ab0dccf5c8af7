import { Controller } from '@nestjs/common';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { TASK_ROUTES } from './tasks.routes';
import { TasksService } from './tasks.service';

@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Endpoint(TASK_ROUTES.listTasks)
  list(@Call() { query, caller }: Call<typeof TASK_ROUTES.listTasks>) {
    return this.tasks.list(caller, query);
  }
}
