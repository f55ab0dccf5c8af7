import type { Caller } from '@bandanh/contracts';
import { asReal } from '../testing/fakes';
import type { CboMembersRepository } from './cbo-members.repository';
import { CboMembersService } from './cbo-members.service';

const CBO_ID = '33333333-3333-4333-8333-333333333333';
const member = {
  userId: '44444444-4444-4444-8444-444444444444',
  email: 'm@example.org',
  displayName: 'Sok',
  locale: 'en' as const,
};

function service() {
  const repository = { activeMembers: jest.fn(async () => [member]) };
  return { repository, members: new CboMembersService(asReal<CboMembersRepository>(repository)) };
}

describe("a CBO's members", () => {
  it('are listed for the orchestrator, each with the language they read', async () => {
    const { members, repository } = service();
    await expect(members.list({ kind: 'system', service: 'orchestrator' }, CBO_ID)).resolves.toEqual([
      member,
    ]);
    expect(repository.activeMembers).toHaveBeenCalledWith(CBO_ID);
  });

  it('are listed for the training service, which writes to them about sessions', async () => {
    const { members } = service();
    await expect(members.list({ kind: 'system', service: 'training' }, CBO_ID)).resolves.toEqual([member]);
  });

  it('are listed for the grants service, which writes to them about their applications', async () => {
    const { members } = service();
    await expect(members.list({ kind: 'system', service: 'grants' }, CBO_ID)).resolves.toEqual([member]);
  });

  it('are refused to people and to other services', async () => {
    const { members, repository } = service();
    const callers: Caller[] = [
      { kind: 'staff', userId: member.userId, roles: ['admin'] },
      { kind: 'applicant', userId: member.userId, cboId: CBO_ID },
      { kind: 'system', service: 'network' },
      { kind: 'anonymous' },
    ];
    for (const caller of callers) {
      await expect(members.list(caller, CBO_ID)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(repository.activeMembers).not.toHaveBeenCalled();
  });
});
