import { Controller, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  createFieldVisit,
  getExpansion,
  getNetworkSettings,
  linkCboToVisit,
  listFieldVisits,
  listPartners,
  listReferrals,
  listTasks,
  lookupStaffNames,
  recordReferralFollowUp,
  getReferral,
  saveExpansionPlan,
  savePartner,
  saveTargets,
  updateNetworkSettings,
  type Caller,
} from '@bandanh/contracts';
import { DomainError, NatsRpc } from '@bandanh/platform';
import { CurrentCaller } from '../http/caller.decorator';
import { Endpoint, Input, type RouteInput } from '../http/route';
import { ROUTES } from '../http/routes';

/**
 * The programme's staff console: the task inbox, partner NGOs and referrals, field visits,
 * expansion and settings. Each call carries the caller; the owning service decides.
 */
@Controller()
export class ProgrammeController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.listTasks)
  tasks(
    @Input(ROUTES.listTasks) { query }: RouteInput<typeof ROUTES.listTasks>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(listTasks, query, caller);
  }

  @Endpoint(ROUTES.lookupStaffNames)
  staffNames(
    @Input(ROUTES.lookupStaffNames) { query }: RouteInput<typeof ROUTES.lookupStaffNames>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(lookupStaffNames, { ids: [...new Set(query.ids)] }, caller);
  }

  @Endpoint(ROUTES.getExpansion)
  expansion(@CurrentCaller() caller: Caller) {
    return this.rpc.send(getExpansion, {}, caller);
  }

  @Endpoint(ROUTES.saveExpansionPlan)
  savePlan(
    @Input(ROUTES.saveExpansionPlan) { body }: RouteInput<typeof ROUTES.saveExpansionPlan>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(saveExpansionPlan, body, caller);
  }

  @Endpoint(ROUTES.saveTargets)
  saveTargets(
    @Input(ROUTES.saveTargets) { body }: RouteInput<typeof ROUTES.saveTargets>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(saveTargets, body, caller);
  }

  @Endpoint(ROUTES.getNetworkSettings)
  settings(@CurrentCaller() caller: Caller) {
    return this.rpc.send(getNetworkSettings, {}, caller);
  }

  @Endpoint(ROUTES.updateNetworkSettings)
  updateSettings(
    @Input(ROUTES.updateNetworkSettings) { body }: RouteInput<typeof ROUTES.updateNetworkSettings>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(updateNetworkSettings, body, caller);
  }

  @Endpoint(ROUTES.listReferrals)
  referrals(
    @Input(ROUTES.listReferrals) { query }: RouteInput<typeof ROUTES.listReferrals>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(listReferrals, query, caller);
  }

  /** The referral's follow-up workflow records the outcome and closes its task. */
  @Endpoint(ROUTES.recordReferralOutcome)
  async referralOutcome(
    @Input(ROUTES.recordReferralOutcome) { params, body }: RouteInput<typeof ROUTES.recordReferralOutcome>,
    @CurrentCaller() caller: Caller,
  ) {
    const { referral } = await this.rpc.send(getReferral, { id: params.id }, caller);
    if (referral.status === 'closed') {
      throw new DomainError('CONFLICT', 'This referral is already closed', { reason: 'already_closed' });
    }
    await this.rpc.send(recordReferralFollowUp, { referralId: params.id, ...body }, caller, {
      timeoutMs: 30_000,
    });
    return this.rpc.send(getReferral, { id: params.id }, caller);
  }

  @Endpoint(ROUTES.listPartners)
  partners(
    @Input(ROUTES.listPartners) { query }: RouteInput<typeof ROUTES.listPartners>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(listPartners, query, caller);
  }

  @Endpoint(ROUTES.createPartner)
  async createPartner(
    @Input(ROUTES.createPartner) { headers, body }: RouteInput<typeof ROUTES.createPartner>,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.rpc.send(
      savePartner,
      { idempotencyKey: headers['idempotency-key'], partner: body },
      caller,
    );
    if (!result.created) void reply.status(200);
    return result;
  }

  @Endpoint(ROUTES.updatePartner)
  updatePartner(
    @Input(ROUTES.updatePartner) { params, body }: RouteInput<typeof ROUTES.updatePartner>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(savePartner, { id: params.id, partner: body }, caller);
  }

  @Endpoint(ROUTES.listFieldVisits)
  visits(@CurrentCaller() caller: Caller) {
    return this.rpc.send(listFieldVisits, {}, caller);
  }

  @Endpoint(ROUTES.createFieldVisit)
  async createVisit(
    @Input(ROUTES.createFieldVisit) { headers, body }: RouteInput<typeof ROUTES.createFieldVisit>,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.rpc.send(
      createFieldVisit,
      { idempotencyKey: headers['idempotency-key'], visit: body },
      caller,
    );
    if (!result.created) void reply.status(200);
    return result;
  }

  @Endpoint(ROUTES.linkCboToVisit)
  linkCbo(
    @Input(ROUTES.linkCboToVisit) { params, body }: RouteInput<typeof ROUTES.linkCboToVisit>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(linkCboToVisit, { visitId: params.id, cboId: body.cboId }, caller);
  }
}

@Module({ controllers: [ProgrammeController] })
export class ProgrammeModule {}
