import {
  CorrectedCall,
  HotlineCallCorrection,
  HotlineCallDraft,
  HotlineCallList,
  LoggedCall,
  ROLE_GROUPS,
} from '@bandanh/contracts';
import {
  CboId,
  DENIED,
  IdempotencyHeader,
  createdAnswers,
  defineRoute,
  idParam,
  problem,
} from '../http/route-def';

/** A CBO's hotline calls. */
export const HOTLINE_ROUTES = {
  listCboHotline: defineRoute({
    method: 'GET',
    path: '/api/cbos/:id/hotline',
    operationId: 'listCboHotline',
    summary: "The CBO's hotline calls and referrals, newest first",
    tag: 'hotline',
    access: ROLE_GROUPS.programmeStaff,
    params: CboId,
    status: 200,
    responses: { 200: { description: 'Calls', schema: HotlineCallList }, ...DENIED },
  }),
  logHotlineCall: defineRoute({
    method: 'POST',
    path: '/api/cbos/:id/hotline',
    operationId: 'logHotlineCall',
    summary:
      'Logs a call or message and the guidance given; a referral to a partner NGO starts its follow-up',
    tag: 'hotline',
    access: ROLE_GROUPS.hotlineStaff,
    params: CboId,
    headers: IdempotencyHeader,
    body: HotlineCallDraft,
    status: 201,
    responses: {
      ...createdAnswers('The call', LoggedCall),
      400: problem('A field is missing or wrong'),
      404: problem('No such CBO'),
      ...DENIED,
    },
  }),
  correctHotlineCall: defineRoute({
    method: 'PUT',
    path: '/api/hotline/:id',
    operationId: 'correctHotlineCall',
    summary:
      'Corrects a call logged wrong: nothing is deleted, and the audit log keeps who corrected it, when, and each fact before and after',
    tag: 'hotline',
    access: ROLE_GROUPS.hotlineStaff,
    params: idParam('Hotline call'),
    body: HotlineCallCorrection,
    status: 200,
    responses: {
      200: { description: 'The call as corrected', schema: CorrectedCall },
      400: problem('A field is missing or wrong (a date after today, say); `details.issues` names it'),
      404: problem('No such call'),
      ...DENIED,
    },
  }),
};
