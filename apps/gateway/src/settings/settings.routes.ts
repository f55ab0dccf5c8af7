import { NetworkSettings, NetworkSettingsView, ROLE_GROUPS } from '@bandanh/contracts';
import { DENIED, defineRoute, problem } from '../http/route-def';

/** The network settings: the pilot rule, the reassessment wait, the selection rubric. */
export const SETTINGS_ROUTES = {
  getNetworkSettings: defineRoute({
    method: 'GET',
    path: '/api/settings/network',
    operationId: 'getNetworkSettings',
    summary: 'The pilot rule, the re-assessment waiting time and the selection rubric',
    tag: 'expansion',
    access: ROLE_GROUPS.programmeStaff,
    status: 200,
    responses: { 200: { description: 'The settings', schema: NetworkSettingsView }, ...DENIED },
  }),
  updateNetworkSettings: defineRoute({
    method: 'PUT',
    path: '/api/settings/network',
    operationId: 'updateNetworkSettings',
    summary: 'Changes the pilot rule, the waiting time or the rubric (new assessments use it)',
    tag: 'expansion',
    access: ROLE_GROUPS.admins,
    body: NetworkSettings,
    status: 200,
    responses: {
      200: { description: 'The settings', schema: NetworkSettingsView },
      400: problem('Not valid'),
      ...DENIED,
    },
  }),
};
