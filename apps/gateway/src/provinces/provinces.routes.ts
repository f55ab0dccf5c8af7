import { ProvinceList } from '@bandanh/contracts';
import { defineRoute } from '../http/route-def';

/** The provinces, for every form that names one. */
export const PROVINCE_ROUTES = {
  listProvinces: defineRoute({
    method: 'GET',
    path: '/api/provinces',
    operationId: 'listProvinces',
    summary: 'The 25 provinces, with their codes and Khmer names',
    tag: 'network',
    access: 'public',
    status: 200,
    responses: { 200: { description: 'The provinces', schema: ProvinceList } },
  }),
};
