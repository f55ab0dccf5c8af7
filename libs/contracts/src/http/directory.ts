import { z } from 'zod';

/** An application was received: only the new CBO's id goes back to the public. */
export const ReceivedApplication = z.object({ cbo: z.object({ id: z.uuid() }), created: z.boolean() });
export type ReceivedApplication = z.infer<typeof ReceivedApplication>;

/** The codes of the provinces the network is open in now. */
export const OpenProvinces = z.object({ provinces: z.array(z.string()) });
export type OpenProvinces = z.infer<typeof OpenProvinces>;
