import { CertificateCode } from '@bandanh/contracts';
import type { CertificateRow } from '../db/schema';
import {
  anonymous,
  applicant,
  APPLICANT_ID,
  fakeRepository,
  refusal,
  staff,
} from '@bandanh/platform/testing';
import { generateCertificateCode } from './certificate-code';
import type { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';

const CBO = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER_CBO = 'aaaaaaaa-0000-4000-8000-000000000002';
const CODE = 'CRT-7M2KQ9XD4T';

const row: CertificateRow = {
  code: CODE,
  sessionId: '99999999-9999-4999-8999-999999999999',
  memberId: 'cccccccc-0000-4000-8000-000000000001',
  memberName: 'Sokha Chan',
  cboId: CBO,
  cboName: 'Bavel Youth',
  cboNameKm: 'យុវជនបវេល',
  moduleId: 'human_rights',
  moduleTitleKm: 'សិទ្ធិមនុស្ស',
  moduleTitleEn: 'Human rights',
  sessionDate: new Date('2036-02-08T02:00:00.000Z'),
  trainerNames: ['Dara Trainer'],
  language: 'km',
  issuedAt: new Date('2036-02-09T00:00:00.000Z'),
};

const repository = () =>
  fakeRepository<CertificatesRepository>({
    find: jest.fn(async (code: string) => (code === CODE ? row : undefined)),
  });

describe('certificates', () => {
  it('makes codes of CRT- and ten Crockford characters that the contract reads back', () => {
    const code = generateCertificateCode();
    expect(code).toMatch(/^CRT-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(CertificateCode.parse(code.toLowerCase())).toBe(code);
    expect(CertificateCode.parse('crt 7m2k-q9xd-4t')).toBe(CODE);
    expect(CertificateCode.parse('CRT-lO1OiO1O1O')).toBe('CRT-1010101010');
    expect(CertificateCode.safeParse('CRT-UUUUUUUUUU').success).toBe(false);
    expect(CertificateCode.safeParse('CRT-123').success).toBe(false);
  });

  it('verifies a certificate for anyone, with every printed field, and knows no unknown code', async () => {
    const service = new CertificatesService(repository());
    expect(await service.verify(CODE)).toEqual({
      certificate: {
        code: CODE,
        memberName: 'Sokha Chan',
        cboName: 'Bavel Youth',
        cboNameKm: 'យុវជនបវេល',
        moduleId: 'human_rights',
        moduleTitleKm: 'សិទ្ធិមនុស្ស',
        moduleTitleEn: 'Human rights',
        sessionDate: '2036-02-08T02:00:00.000Z',
        trainerNames: ['Dara Trainer'],
        language: 'km',
        issuedAt: '2036-02-09T00:00:00.000Z',
      },
    });
    await expect(service.verify('CRT-0000000000')).rejects.toEqual(refusal('NOT_FOUND'));
  });

  it("gives the certificate to its member, their CBO's members and staff; not to another CBO", async () => {
    const service = new CertificatesService(repository());
    await expect(service.get(applicant(CBO), CODE)).resolves.toMatchObject({
      cboId: CBO,
      memberId: row.memberId,
    });
    await expect(service.get(staff('coordinator'), CODE)).resolves.toBeTruthy();
    await expect(service.get(applicant(OTHER_CBO), CODE)).rejects.toEqual(refusal('NOT_FOUND'));
    await expect(service.get(staff('finance'), CODE)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(service.get(anonymous, CODE)).rejects.toBeTruthy();
    expect(APPLICANT_ID).not.toBe(row.memberId);
  });
});
