import { z } from 'zod';

/** An application was received: only the new CBO's id, and its reference, go back to the public. */
export const ReceivedApplication = z.object({
  cbo: z.object({ id: z.uuid() }),
  created: z.boolean(),
  /** What the applicant follows it by on the status page (null for one made before references). */
  reference: z.string().nullable(),
});
export type ReceivedApplication = z.infer<typeof ReceivedApplication>;

/** The codes of the provinces the network is open in now. */
export const OpenProvinces = z.object({ provinces: z.array(z.string()) });
export type OpenProvinces = z.infer<typeof OpenProvinces>;
