import { formatISO } from 'date-fns';
import { waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

describe('the expansion schedule', () => {
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    // The schedule checks every two seconds here; the default is once a day.
    stack = await TestStack.start('expansion', { EXPANSION_SCHEDULE: 'on', EXPANSION_CHECK_EVERY: '2s' });
    admin = await stack.tokenFor(STAFF.admin);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    });
    return (await response.json()) as any;
  };

  it('opens the next phase of the plan when its date comes, and only that one', async () => {
    const { phases } = await api('/api/expansion');
    const today = formatISO(new Date(), { representation: 'date' });
    const plan = phases.map((phase: any, i: number) => ({
      provinces: phase.provinces,
      opensOn: i === 1 ? today : phase.opensOn,
    }));
    await api('/api/expansion/plan', { method: 'PUT', body: JSON.stringify({ phases: plan }) });

    const opened = await waitFor(
      async () => {
        const dashboard = await api('/api/expansion');
        return dashboard.phases[1].openedAt ? dashboard : undefined;
      },
      { what: 'the second phase to open', timeoutMs: 30_000 },
    );
    expect(opened.phases[2].openedAt).toBeNull();
    const newly = opened.phases[1].provinces as string[];
    expect(
      opened.provinces.filter((p: any) => newly.includes(p.provinceCode)).every((p: any) => p.open),
    ).toBe(true);
    const open = (await fetch(`${stack.gatewayUrl}/api/expansion/open-provinces`).then((r) => r.json())) as {
      provinces: string[];
    };
    expect(open.provinces).toEqual(expect.arrayContaining(['KH-2', 'KH-17', ...newly]));
  });
});
