import { decidePending, keepMore, pendingKey, readPending } from './pending';
import { aDraft } from './draft.fixtures';

const draft = aDraft;

describe('changes kept on the phone', () => {
  const server = { version: 4, draft: draft() };
  const kept = (baseVersion: number, entries: Record<string, string>) => ({
    applicationId: 'app',
    baseVersion,
    entries,
    keptAt: '2026-12-03T03:42:00.000Z',
  });

  it('sends changes typed on the current copy', () => {
    expect(decidePending(kept(4, { title: 'New' }), server)).toBe('send');
  });

  it('never sends changes typed on an older copy over a newer one: the member chooses', () => {
    expect(decidePending(kept(3, { title: 'New' }), server)).toBe('conflict');
  });

  it('forgets changes the server already has', () => {
    expect(decidePending(kept(2, { title: 'Fish sanctuary' }), server)).toBe('same');
  });

  it('keeps the newest value of each field, tied to the first copy they were typed on', () => {
    const first = keepMore(null, 'app', 3, { title: 'A', place: 'Pagoda' }, new Date('2026-12-03T03:00:00Z'));
    const more = keepMore(first, 'app', 5, { title: 'B' }, new Date('2026-12-03T03:01:00Z'));
    expect(more).toEqual({
      applicationId: 'app',
      baseVersion: 3,
      entries: { title: 'B', place: 'Pagoda' },
      keptAt: '2026-12-03T03:01:00.000Z',
    });
  });

  it('reads back only what it stored for that application', () => {
    const value = JSON.stringify(kept(4, { title: 'New', junk: 5 as never }));
    expect(readPending('app', pendingKey('app', 4), value)?.entries).toEqual({ title: 'New' });
    expect(readPending('other', pendingKey('app', 4), value)).toBeNull();
    expect(readPending('app', pendingKey('app', 4), '{not json')).toBeNull();
  });
});
