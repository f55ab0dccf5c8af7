import { Injectable } from '@nestjs/common';
import { type Caller, type TrainingCertificate } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { toCertificate } from '../session-run/session-run.repository';
import { certificateNotFound } from './certificates.errors';
import { CertificatesRepository } from './certificates.repository';

/**
 * Certificates, as issued when a session completes: anyone may check one by its code (every
 * printed field, so an edited PDF cannot pass); its member, their CBO's members and staff get
 * it for the PDF.
 */
@Injectable()
export class CertificatesService {
  constructor(private readonly repository: CertificatesRepository) {}

  /** Public verification: anonymous callers too; an unknown code is not found. */
  async verify(code: string): Promise<{ certificate: TrainingCertificate }> {
    const row = await this.repository.find(code);
    if (!row) throw certificateNotFound(code);
    return { certificate: toCertificate(row) };
  }

  /**
   * The certificate for its PDF: its member and their CBO's members, and staff who read the
   * training programme. Another CBO's member learns nothing of it (not found).
   */
  async get(
    caller: Caller,
    code: string,
  ): Promise<{ certificate: TrainingCertificate; memberId: string; cboId: string; sessionId: string }> {
    const person =
      caller.kind === 'applicant'
        ? requireGroup(caller, 'applicants')
        : requireGroup(caller, 'trainingReaders');
    const row = await this.repository.find(code);
    if (!row) throw certificateNotFound(code);
    if (person.kind === 'applicant' && person.userId !== row.memberId && person.cboId !== row.cboId) {
      throw certificateNotFound(code);
    }
    return {
      certificate: toCertificate(row),
      memberId: row.memberId,
      cboId: row.cboId,
      sessionId: row.sessionId,
    };
  }
}
