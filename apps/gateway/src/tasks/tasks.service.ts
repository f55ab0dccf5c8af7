import { Injectable } from '@nestjs/common';
import {
  listDuplicateFlags,
  listTasks,
  type Caller,
  type RequestOf,
  type TaskList,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';

/** The inbox, kept by the orchestrator, with the network service's duplicate flags beside each task. */
@Injectable()
export class TasksService {
  constructor(private readonly rpc: NatsRpc) {}

  /** Each task says whether its CBO looks like one already recorded, so it is seen before the work starts. */
  async list(caller: Caller, query: RequestOf<typeof listTasks>): Promise<TaskList> {
    const { items } = await this.rpc.send(listTasks, query, caller);
    const ids = [...new Set(items.map((task) => task.cboId))];
    const flags = ids.length ? (await this.rpc.send(listDuplicateFlags, { ids }, caller)).items : [];
    const flagOf = new Map(flags.map((flag) => [flag.id, flag.possibleDuplicateOf]));
    return { items: items.map((task) => ({ ...task, possibleDuplicateOf: flagOf.get(task.cboId) ?? null })) };
  }
}
