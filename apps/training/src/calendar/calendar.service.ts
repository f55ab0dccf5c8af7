import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { findProvince, type Caller } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { feedNotFound } from './calendar.errors';
import { CalendarRepository } from './calendar.repository';
import { icsCalendar, type CalendarEvent } from './ics';

/** How far back a feed reaches: the sessions of the last 90 days and all to come. */
const FEED_PAST_DAYS = 90;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function feedPath(token: string): string {
  return `/api/training/calendar/${token}.ics`;
}

/**
 * Each trainer's secret calendar feed. The token is a random secret, kept only as its hash:
 * shown when it is made (the first time, or on rotating), never again; rotating ends the old URL.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly repository: CalendarRepository) {}

  async token(
    caller: Caller,
    rotate: boolean,
  ): Promise<{ token: string | null; path: string | null; exists: boolean; createdAt: string }> {
    const trainer = requireGroup(caller, 'trainers');
    const current = await this.repository.tokenOf(trainer.userId);
    if (current && !rotate) {
      return { token: null, path: null, exists: true, createdAt: current.createdAt.toISOString() };
    }
    const token = randomBytes(24).toString('base64url');
    const saved = await this.repository.transaction(async (tx) => {
      const row = await tx.saveToken(trainer.userId, hashToken(token));
      await tx.audit({
        action: current ? 'training.calendar.rotate' : 'training.calendar.create',
        target: { type: 'trainer', id: trainer.userId },
        actor: trainer.userId,
        eventId: `training.calendar.token:${trainer.userId}:${row.createdAt.toISOString()}`,
      });
      return row;
    });
    return { token, path: feedPath(token), exists: true, createdAt: saved.createdAt.toISOString() };
  }

  /** The feed of the token's trainer; anyone holding the URL may read it. */
  async feed(token: string, now = new Date()): Promise<{ ics: string }> {
    const trainerId = await this.repository.trainerByHash(hashToken(token));
    if (!trainerId) throw feedNotFound();
    const rows = await this.repository.sessionsOf(
      trainerId,
      new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000),
    );
    const modules = new Map(
      (await this.repository.modules([...new Set(rows.map((r) => r.moduleId))])).map((m) => [m.id, m]),
    );
    const events: CalendarEvent[] = rows.map((row) => {
      const module = modules.get(row.moduleId);
      const title = module ? `${module.titleEn} / ${module.titleKm}` : row.moduleId;
      const venue = row.venue;
      const location =
        venue.kind === 'online'
          ? 'Online'
          : [
              venue.place,
              venue.commune,
              venue.district,
              findProvince(venue.provinceCode)?.name ?? venue.provinceCode,
            ].join(', ');
      return {
        uid: `training-session-${row.id}@bandanh`,
        start: row.startsAt.toISOString(),
        end: row.endsAt.toISOString(),
        summary: title,
        location,
        stamp: row.updatedAt.toISOString(),
        sequence: Math.floor(row.updatedAt.getTime() / 1000) - Math.floor(row.createdAt.getTime() / 1000),
        cancelled: row.status === 'cancelled',
      };
    });
    return { ics: icsCalendar('Bandanh training', events) };
  }
}
