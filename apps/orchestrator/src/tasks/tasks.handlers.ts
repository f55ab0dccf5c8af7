import { Controller } from '@nestjs/common';
import { listTasks, type Caller, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { TasksService } from './tasks.service';

@Controller()
export class TasksHandlers {
  constructor(private readonly tasks: TasksService) {}

  @Handles(listTasks)
  async list(query: ParsedRequestOf<typeof listTasks>, caller: Caller) {
    return { items: await this.tasks.list(caller, query) };
  }
}
