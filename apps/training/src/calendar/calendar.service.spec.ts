import type { ModuleRow, SessionRow } from '../db/schema';
import { anonymous, fakeRepository, refusal, staff, STAFF_ID } from '@bandanh/platform/testing';
import type { CalendarRepository } from './calendar.repository';
import { CalendarService, hashToken } from './calendar.service';

const trainer = { kind: 'staff' as const, userId: STAFF_ID, roles: ['trainer' as const] };

function fakeCalendar(sessions: SessionRow[] = []) {
  const hashes = new Map<string, string>();
  return Object.assign(
    fakeRepository<CalendarRepository>({
      tokenOf: jest.fn(async (id: string) => (hashes.has(id) ? { createdAt: new Date() } : undefined)),
      saveToken: jest.fn(async (id: string, hash: string) => {
        hashes.set(id, hash);
        return { createdAt: new Date('2026-12-01T00:00:00.000Z') };
      }),
      trainerByHash: jest.fn(async (hash: string) => [...hashes].find(([, h]) => h === hash)?.[0]),
      sessionsOf: jest.fn(async () => sessions),
      modules: jest.fn(async () => [
        { id: 'human_rights', titleEn: 'Human rights', titleKm: 'សិទ្ធិមនុស្ស' } as ModuleRow,
      ]),
    }),
    { hashes },
  );
}

describe("a trainer's calendar feed", () => {
  it('makes a secret token once, keeps only its hash, and rotates it', async () => {
    const repository = fakeCalendar();
    const service = new CalendarService(repository);
    const first = await service.token(trainer, false);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.path).toBe(`/api/training/calendar/${first.token}.ics`);
    expect(repository.hashes.get(STAFF_ID)).toBe(hashToken(first.token!));
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'training.calendar.create' }),
    );
    expect(await service.token(trainer, false)).toMatchObject({ token: null, path: null, exists: true });
    const rotated = await service.token(trainer, true);
    expect(rotated.token).not.toBe(first.token);
    await expect(service.feed(first.token!)).rejects.toEqual(refusal('NOT_FOUND'));
    await expect(service.feed(rotated.token!)).resolves.toEqual({
      ics: expect.stringContaining('BEGIN:VCALENDAR'),
    });
  });

  it('is for trainers only', async () => {
    const service = new CalendarService(fakeCalendar());
    await expect(service.token(staff('coordinator'), false)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(service.token(anonymous, false)).rejects.toEqual(
      expect.objectContaining({ code: expect.any(String) }),
    );
  });

  it("lists the trainer's sessions with the module as summary and the place as location", async () => {
    const row = {
      id: '55555555-5555-4555-8555-555555555555',
      moduleId: 'human_rights',
      startsAt: new Date('2036-02-08T02:00:00.000Z'),
      endsAt: new Date('2036-02-08T05:00:00.000Z'),
      venue: {
        kind: 'place',
        provinceCode: 'KH-2',
        district: 'Sangke',
        commune: 'Ou Dambang',
        place: 'Hall',
      },
      status: 'scheduled',
      createdAt: new Date('2036-01-01T00:00:00.000Z'),
      updatedAt: new Date('2036-01-01T00:00:00.000Z'),
    } as SessionRow;
    const repository = fakeCalendar([row]);
    const service = new CalendarService(repository);
    const { token } = await service.token(trainer, false);
    const { ics } = await service.feed(token!);
    expect(ics).toContain(`UID:training-session-${row.id}@bandanh\r\n`);
    expect(ics).toContain('DTSTART:20360208T020000Z\r\n');
    expect(ics).toContain('SUMMARY:Human rights / សិទ្ធិមនុស្ស\r\n');
    expect(ics).toContain('LOCATION:Hall\\, Ou Dambang\\, Sangke\\, Battambang\r\n');
    expect(ics).toContain('STATUS:CONFIRMED');
  });
});
