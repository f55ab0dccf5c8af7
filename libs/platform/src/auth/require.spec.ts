import type { Caller } from '@bandanh/contracts';
import {
  ANONYMOUS,
  assertFourEyes,
  requireGroup,
  requirePerson,
  requireRole,
  requireSystem,
  systemCaller,
} from './require';

const coordinator: Caller = {
  kind: 'staff',
  userId: '11111111-1111-4111-8111-111111111111',
  roles: ['coordinator'],
};
const applicant: Caller = { kind: 'applicant', userId: '22222222-2222-4222-8222-222222222222', cboId: null };

describe('authorization helpers', () => {
  it('lets a holder of the role through and refuses the others', () => {
    expect(requireRole(coordinator, 'coordinator', 'admin')).toBe(coordinator);
    expect(() => requireRole(coordinator, 'approver')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireRole(applicant, 'coordinator')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireRole(ANONYMOUS, 'coordinator')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('checks groups of ROLE_GROUPS, letting applicants into the groups that name them', () => {
    expect(requireGroup(coordinator, 'cboWriters')).toBe(coordinator);
    expect(() => requireGroup(coordinator, 'admins')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'This needs one of the roles: admin' }),
    );
    expect(requireGroup(applicant, 'cboReaders')).toBe(applicant);
    expect(() => requireGroup(applicant, 'programmeStaff')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireGroup(ANONYMOUS, 'cboReaders')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => requireGroup(systemCaller('network'), 'admins')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('knows people from services', () => {
    expect(requirePerson(applicant)).toBe(applicant);
    expect(() => requirePerson(systemCaller('orchestrator'))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => requireSystem(systemCaller('orchestrator'), 'orchestrator')).not.toThrow();
    expect(() => requireSystem(coordinator, 'orchestrator')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses an approval by whoever assessed, requested or recommended it (four eyes)', () => {
    const me = coordinator.kind === 'staff' ? coordinator.userId : '';
    expect(() => assertFourEyes(me, { assessedBy: me }, 'the assessment')).toThrow(/four eyes/);
    expect(() => assertFourEyes(me, { requestedBy: me })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertFourEyes(me, { recommendedBy: me })).toThrow();
    expect(() => assertFourEyes(me, { assessedBy: 'someone-else', requestedBy: null })).not.toThrow();
  });
});
