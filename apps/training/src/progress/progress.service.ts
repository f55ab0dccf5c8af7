import { Injectable } from '@nestjs/common';
import type { Caller, CboTrainingProgress } from '@bandanh/contracts';
import { requireGroup, requireSystem } from '@bandanh/platform';
import { toCertificate } from '../session-run/session-run.repository';
import { toSeat } from '../seats/seats.service';
import { cboNotFound } from './progress.errors';
import { ProgressRepository } from './progress.repository';

/**
 * A CBO's way through the training programme: the modules done and required ("3 of 4"), the
 * upcoming sessions of the modules it has still to do (those it is invited to first), and its
 * members' certificates. Its own linked members, and staff who read the programme.
 */
@Injectable()
export class ProgressService {
  constructor(private readonly repository: ProgressRepository) {}

  async forCbo(caller: Caller, cboId: string, now = new Date()): Promise<CboTrainingProgress> {
    const person =
      caller.kind === 'applicant'
        ? requireGroup(caller, 'applicants')
        : requireGroup(caller, 'trainingReaders');
    if (person.kind === 'applicant' && person.cboId !== cboId) throw cboNotFound(cboId);
    const modules = await this.repository.modules();
    const done = new Map((await this.repository.completions(cboId)).map((c) => [c.moduleId, c.completedAt]));
    const progress = modules.map((module) => ({
      moduleId: module.id,
      titleKm: module.titleKm,
      titleEn: module.titleEn,
      required: module.requiredForGrants,
      completed: done.has(module.id),
      completedAt: done.get(module.id)?.toISOString() ?? null,
    }));
    const upcoming = (await this.repository.upcoming(now)).filter((session) => !done.has(session.moduleId));
    const ids = upcoming.map((session) => session.id);
    const invited = await this.repository.invitedTo(cboId, ids);
    const seats = await this.repository.seatsAt(ids);
    const byId = new Map(modules.map((module) => [module.id, module]));
    const sessions = upcoming
      .filter((session) => byId.has(session.moduleId))
      .map((session) => {
        const module = byId.get(session.moduleId)!;
        const ofSession = seats.filter((seat) => seat.sessionId === session.id);
        const mine =
          person.kind === 'applicant' ? ofSession.find((seat) => seat.memberId === person.userId) : undefined;
        return {
          session,
          module: { id: module.id, titleKm: module.titleKm, titleEn: module.titleEn },
          invited: invited.has(session.id),
          seat: mine ? toSeat(mine, ofSession) : null,
        };
      })
      // Invited first; each group by start (the list came by start, and sort is stable).
      .sort((a, b) => Number(b.invited) - Number(a.invited));
    const required = progress.filter((module) => module.required);
    return {
      modules: progress,
      requiredDone: required.filter((module) => module.completed).length,
      requiredTotal: required.length,
      sessions,
      certificates: (await this.repository.certificates(cboId)).map(toCertificate),
    };
  }

  /**
   * Who trained the CBO: the trainers of every held session at which one of its members had a
   * confirmed seat or is on the attendance sheet. For the grants service only, which never
   * assigns them to review the CBO's applications.
   */
  async trainersOf(caller: Caller, cboId: string): Promise<string[]> {
    requireSystem(caller, 'grants');
    return this.repository.trainersOf(cboId);
  }
}
