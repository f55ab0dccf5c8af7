import { cboPipelineWorkflowId } from '@bandanh/contracts';
import { attendanceMismatch, badNewTime, cboPipelineWorkflowIdInWorkflow, remindersDue } from './rules';

const START = '2026-12-10T02:00:00.000Z';
const at = (iso: string) => new Date(iso).getTime();

describe('the training session’s rules', () => {
  it('names a CBO’s pipeline as the contracts do', () => {
    const cboId = crypto.randomUUID();
    expect(cboPipelineWorkflowIdInWorkflow(cboId)).toBe(cboPipelineWorkflowId(cboId));
  });

  it('plans the reminders still ahead, earliest first, skipping those sent, passed or unreadable', () => {
    const leads = ['1 day', '3 days', 'whenever', '2 hours'];
    const now = at('2026-12-08T00:00:00.000Z');
    expect(remindersDue(START, leads, new Set(), now)).toEqual([
      { lead: '1 day', at: at('2026-12-09T02:00:00.000Z') },
      { lead: '2 hours', at: at('2026-12-10T00:00:00.000Z') },
    ]);
    expect(remindersDue(START, leads, new Set(['1 day']), now).map((r) => r.lead)).toEqual(['2 hours']);
    expect(remindersDue(START, leads, new Set(), at(START))).toEqual([]);
  });

  it('refuses a new time in the past, or ending before it starts', () => {
    const now = at('2026-12-08T00:00:00.000Z');
    expect(badNewTime(START, '2026-12-10T05:00:00.000Z', now)).toBeNull();
    expect(badNewTime('2026-12-07T00:00:00.000Z', START, now)).toMatch(/past/);
    expect(badNewTime(START, START, now)).toMatch(/end after/);
    expect(badNewTime('tomorrow', START, now)).toMatch(/instants/);
  });

  it('finds marks for people not expected, expected people without a mark, and people marked twice', () => {
    expect(
      attendanceMismatch(
        [
          { memberId: 'a', mark: 'present' },
          { memberId: 'x', mark: 'late' },
          { memberId: 'a', mark: 'absent' },
        ],
        ['a', 'b'],
      ),
    ).toEqual({ unexpected: ['x'], missing: ['b'], duplicated: ['a'] });
    expect(attendanceMismatch([{ memberId: 'a', mark: 'excused' }], ['a'])).toEqual({
      unexpected: [],
      missing: [],
      duplicated: [],
    });
  });
});
