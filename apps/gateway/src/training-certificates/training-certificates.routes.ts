import { z } from 'zod';
import {
  CertificateCode,
  ROLE_GROUPS,
  getTrainingCertificate,
  verifyTrainingCertificate,
} from '@bandanh/contracts';
import { DENIED, RATE_LIMITED, defineRoute, problem } from '../http/route-def';

const CodeParam = z.object({ code: CertificateCode });

/** Training certificates: verified by anyone from the code printed on them, downloaded by their holders. */
export const TRAINING_CERTIFICATE_ROUTES = {
  verifyTrainingCertificate: defineRoute({
    method: 'GET',
    path: '/api/training/certificates/:code',
    operationId: 'verifyTrainingCertificate',
    // A code is a secret of 40 bits: counting asks per address keeps anyone from trying many.
    rateLimit: 'publicWrite',
    summary: 'Every field of the certificate with this code, as issued: anyone may check a printed one',
    tag: 'training',
    access: 'public',
    params: CodeParam,
    status: 200,
    responses: {
      200: { description: 'The certificate', schema: verifyTrainingCertificate.response },
      400: problem('Not a certificate code: CRT-XXXX-XXXX'),
      404: problem('No certificate has this code'),
      429: problem(RATE_LIMITED),
    },
  }),
  getTrainingCertificate: defineRoute({
    method: 'GET',
    path: '/api/training/certificates/:code/holder',
    operationId: 'getTrainingCertificate',
    summary: 'A certificate with its holder, for the PDF: its member, their CBO’s members and staff',
    tag: 'training',
    access: [...ROLE_GROUPS.trainingReaders, ...ROLE_GROUPS.applicants],
    params: CodeParam,
    status: 200,
    responses: {
      200: { description: 'The certificate and whose it is', schema: getTrainingCertificate.response },
      400: problem('Not a certificate code: CRT-XXXX-XXXX'),
      404: problem('No certificate has this code'),
      ...DENIED,
    },
  }),
};
