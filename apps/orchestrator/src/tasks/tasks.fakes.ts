import type { StaffRecipient, StaffRole, Task } from '@bandanh/contracts';
import { CBO_ID, fake } from '../testing/factories';
import type { TaskMail } from './tasks.mail';

const HOUR = 60 * 60 * 1000;

/** An open assessment task, opened `waitedHours` ago and due `dueHoursAgo` ago. */
export function aTask(
  overrides: Partial<Task> = {},
  { waitedHours = 72, dueHoursAgo = 0 }: { waitedHours?: number; dueHoursAgo?: number } = {},
): Task {
  return {
    id: `cbo-pipeline-${CBO_ID}:assess_cbo:1`,
    kind: 'assess_cbo',
    workflowId: `cbo-pipeline-${CBO_ID}`,
    subjectId: CBO_ID,
    subjectLabel: 'Prey Lang Community Network',
    cboId: CBO_ID,
    assigneeRole: 'assessor',
    assigneeUserId: null,
    escalatedToRole: null,
    dueAt: new Date(Date.now() - dueHoursAgo * HOUR).toISOString(),
    remindedAt: null,
    escalatedAt: null,
    status: 'open',
    createdAt: new Date(Date.now() - waitedHours * HOUR).toISOString(),
    closedAt: null,
    ...overrides,
  };
}

let people = 0;

/** An active staff member as identity names them; Khmer unless told otherwise. */
export function aStaffRecipient(overrides: Partial<StaffRecipient> = {}): StaffRecipient {
  people += 1;
  return {
    userId: `55555555-5555-4555-8555-${String(people).padStart(12, '0')}`,
    email: `staff-${people}@bandanh.test`,
    displayName: `Staff ${people}`,
    locale: 'km',
    ...overrides,
  };
}

/**
 * The inbox's mail in memory: identity's holders of each role, the network service's CBOs, and
 * the channel, which like the real one starts a key once (`sent` has every first start).
 */
export function fakeTaskMail(
  world: {
    staff?: Partial<Record<StaffRole, StaffRecipient[]>>;
    cbos?: Record<string, { name: string; nameKm: string | null }>;
  } = {},
) {
  const started = new Set<string>();
  const sent: Array<Parameters<TaskMail['send']>[0]> = [];
  const mail = fake<TaskMail>({
    staffWithRole: async (role) => world.staff?.[role] ?? [],
    cboNames: async (cboId) => world.cbos?.[cboId] ?? null,
    send: async (request) => {
      if (started.has(request.key)) return { started: false };
      started.add(request.key);
      sent.push(request);
      return { started: true };
    },
  });
  return { mail, sent };
}
