import { ROLE_GROUPS, STAFF_ROLES, type StaffRole } from '@bandanh/contracts';
import { can, homeFor, safeNext, type Capability } from './access';

const staff = (...roles: StaffRole[]) => ({ kind: 'staff' as const, roles });
const applicant = { kind: 'applicant' as const, roles: [] };

describe('what an account may do in the web', () => {
  it('lets every staff role but protection, and applicants, read CBOs', () => {
    for (const role of ['admin', 'coordinator', 'assessor', 'approver', 'trainer', 'finance'] as const) {
      expect(can(staff(role), 'readCbos')).toBe(true);
    }
    expect(can(staff('protection_officer'), 'readCbos')).toBe(false);
    expect(can(applicant, 'readCbos')).toBe(true);
  });

  it('lets only coordinators and admins record CBOs', () => {
    expect(can(staff('coordinator'), 'recordCbo')).toBe(true);
    expect(can(staff('admin'), 'recordCbo')).toBe(true);
    expect(can(staff('assessor', 'trainer'), 'recordCbo')).toBe(false);
    expect(can(applicant, 'recordCbo')).toBe(false);
  });

  it('keeps administration to admins, and CBO linking to applicants', () => {
    expect(can(staff('admin'), 'administer')).toBe(true);
    expect(can(staff('coordinator', 'approver'), 'administer')).toBe(false);
    expect(can(applicant, 'linkCbo')).toBe(true);
    expect(can(staff('admin'), 'linkCbo')).toBe(false);
  });

  it('shows claims to coordinators and admins, who decide them, and lets applicants claim', () => {
    for (const role of ['coordinator', 'admin'] as const) {
      expect(can(staff(role), 'reviewClaims')).toBe(true);
      expect(can(staff(role), 'decideClaims')).toBe(true);
    }
    for (const role of ['assessor', 'approver', 'trainer', 'finance', 'protection_officer'] as const) {
      expect(can(staff(role), 'reviewClaims')).toBe(false);
      expect(can(staff(role), 'decideClaims')).toBe(false);
    }
    // An applicant sees their own claims on the link page, not the coordinators' list.
    expect(can(applicant, 'reviewClaims')).toBe(false);
    expect(can(applicant, 'decideClaims')).toBe(false);
  });

  it("follows the contracts' role groups, which the gateway's route table reads too", () => {
    const groupOf: Record<Exclude<Capability, 'reviewClaims'>, keyof typeof ROLE_GROUPS> = {
      readCbos: 'cboReaders',
      recordCbo: 'cboWriters',
      decideClaims: 'cboWriters',
      linkCbo: 'applicants',
      administer: 'admins',
      readOwnCbo: 'applicants',
      readTasks: 'taskHolders',
      readAllTasks: 'cboWriters',
      readProgramme: 'programmeStaff',
      assessCbos: 'assessors',
      decideSelection: 'approvers',
      steerPipeline: 'cboWriters',
      readTraining: 'trainingReaders',
      scheduleTraining: 'sessionSchedulers',
      keepTrainers: 'trainerKeepers',
      teach: 'trainers',
      readGrants: 'grantReaders',
      keepRounds: 'roundKeepers',
      checkGrantEligibility: 'eligibilityCheckers',
      reviewGrants: 'reviewers',
      approveGrants: 'grantApprovers',
      declareRelationships: 'relationshipDeclarers',
    };
    for (const [capability, group] of Object.entries(groupOf) as Array<
      [Capability, keyof typeof ROLE_GROUPS]
    >) {
      const members: readonly string[] = ROLE_GROUPS[group];
      for (const role of STAFF_ROLES) expect(can(staff(role), capability)).toBe(members.includes(role));
      expect(can(applicant, capability)).toBe(members.includes('applicant'));
    }
  });

  it('gives the pipeline steps to their roles, and an inbox to every staff role but protection', () => {
    expect(can(staff('assessor'), 'assessCbos')).toBe(true);
    expect(can(staff('approver'), 'assessCbos')).toBe(false);
    expect(can(staff('approver'), 'decideSelection')).toBe(true);
    expect(can(staff('coordinator'), 'decideSelection')).toBe(false);
    expect(can(staff('coordinator'), 'steerPipeline')).toBe(true);
    expect(can(staff('assessor', 'approver'), 'steerPipeline')).toBe(false);
    expect(can(staff('trainer'), 'readTasks')).toBe(true);
    expect(can(staff('protection_officer'), 'readTasks')).toBe(false);
    expect(can(applicant, 'readTasks')).toBe(false);
    expect(can(staff('assessor'), 'readAllTasks')).toBe(false);
    expect(can(staff('finance'), 'readProgramme')).toBe(false);
    expect(can(applicant, 'readOwnCbo')).toBe(true);
  });

  it('sends a CBO member to their group, or to link it; a protection officer home; assessors and approvers to their inbox; trainers to their sessions; other staff to the list', () => {
    expect(homeFor(staff('protection_officer'))).toBe('/');
    expect(homeFor(staff('assessor'))).toBe('/tasks');
    expect(homeFor(staff('approver'))).toBe('/tasks');
    expect(homeFor(staff('coordinator', 'assessor'))).toBe('/tasks');
    expect(homeFor(staff('trainer'))).toBe('/training');
    expect(homeFor(staff('coordinator', 'trainer'))).toBe('/cbos');
    expect(homeFor(staff('coordinator'))).toBe('/cbos');
    expect(homeFor(staff('reviewer'))).toBe('/grants/reviews');
    expect(homeFor(staff('programme_manager'))).toBe('/tasks');
    expect(homeFor(applicant)).toBe('/account/link-cbo');
    expect(homeFor({ ...applicant, cboId: null })).toBe('/account/link-cbo');
    expect(homeFor({ ...applicant, cboId: '0b7f3c1e-7a53-4d4b-9f0e-3c2d3a4b5c6d' })).toBe('/my-cbo');
  });
});

describe('the page to return to after signing in', () => {
  it('accepts a path inside the web, with its query', () => {
    expect(safeNext('/cbos/new')).toBe('/cbos/new');
    expect(safeNext('/cbos?page=2')).toBe('/cbos?page=2');
  });

  it('refuses another site, however it is written', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'evil',
      '/a//b',
      '',
      42,
    ]) {
      expect(safeNext(value)).toBeUndefined();
    }
  });

  it('does not send someone back to the sign-in page', () => {
    expect(safeNext('/sign-in?next=/cbos')).toBeUndefined();
    expect(safeNext('/en/sign-in')).toBeUndefined();
  });

  it('drops a locale from the path, since the page keeps its own', () => {
    expect(safeNext('/en/cbos/new')).toBe('/cbos/new');
    expect(safeNext('/km')).toBe('/');
    expect(safeNext('/kmer')).toBe('/kmer');
  });
});
