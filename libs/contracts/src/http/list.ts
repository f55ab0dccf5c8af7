import { z } from 'zod';

/** A list answer: `{ items: [...] }`, in the order the service gives. */
export const listOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item) });
