import { breaksFourEyes } from '@bandanh/contracts';
import { breaksFourEyesInWorkflow } from './rules';
import { WORKFLOW_ROLE_GROUPS } from '../shared/roles';
import { ROLE_GROUPS } from '@bandanh/contracts';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

describe('the rules the workflows restate to keep zod out of their bundle', () => {
  it('four eyes: the workflow answers as the contracts do', () => {
    const cases: Array<Parameters<typeof breaksFourEyes>[1]> = [
      {},
      { assessedBy: null },
      { assessedBy: ME },
      { assessedBy: OTHER },
      { requestedBy: ME },
      { recommendedBy: ME, assessedBy: OTHER },
      { assessedBy: OTHER, requestedBy: OTHER, recommendedBy: OTHER },
    ];
    for (const involved of cases) {
      expect(breaksFourEyesInWorkflow(ME, involved)).toBe(breaksFourEyes(ME, involved));
    }
  });

  it('role groups: each is the contracts’ group', () => {
    for (const [group, roles] of Object.entries(WORKFLOW_ROLE_GROUPS)) {
      expect(roles).toEqual(ROLE_GROUPS[group as keyof typeof ROLE_GROUPS]);
    }
  });
});
