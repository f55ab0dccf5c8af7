import { config, fake } from '../testing/factories';
import { ExpansionScheduleService, expansionScheduleId } from './expansion-schedule.service';
import { ExpansionSchedules } from './expansion-schedule.temporal';

function keeper(env: Record<string, string>, exists: boolean) {
  const schedules = fake<ExpansionSchedules>({ create: async () => !exists, update: async () => undefined });
  return { schedules, service: new ExpansionScheduleService(schedules, config(env)) };
}

describe('the expansion schedule', () => {
  const check = {
    every: '6h',
    workflowId: `${expansionScheduleId('tq')}:run`,
    taskQueue: 'tq',
  };

  it('is created once, per task queue, at the configured interval', async () => {
    const { schedules, service } = keeper(
      { EXPANSION_SCHEDULE: 'on', TEMPORAL_TASK_QUEUE: 'tq', EXPANSION_CHECK_EVERY: '6h' },
      false,
    );
    await service.keep();
    expect(schedules.create).toHaveBeenCalledWith('network-expansion:tq', check);
    expect(schedules.update).not.toHaveBeenCalled();
  });

  it('takes a new interval when it exists already', async () => {
    const { schedules, service } = keeper(
      { EXPANSION_SCHEDULE: 'on', TEMPORAL_TASK_QUEUE: 'tq', EXPANSION_CHECK_EVERY: '6h' },
      true,
    );
    await service.keep();
    expect(schedules.update).toHaveBeenCalledWith('network-expansion:tq', check);
  });

  it('is left alone where the configuration turns it off (test stacks)', async () => {
    const { schedules, service } = keeper({ EXPANSION_SCHEDULE: 'off' }, false);
    await service.onApplicationBootstrap();
    expect(schedules.create).not.toHaveBeenCalled();
  });
});
