import fs from 'node:fs';
import { z } from 'zod';
import { invalid } from './errors';

/** The store's own rules (data/policy.json), editable by the store; validated on load. */
const schema = z.object({
  currency: z.string().length(3),
  shipping: z.object({
    standard_fee: z.number().nonnegative(),
    free_over: z.number().nonnegative(),
    standard_days: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
    express_fee: z.number().nonnegative(),
    express_days: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
    countries: z.array(z.string()),
    text: z.string(),
  }),
  returns: z.object({ window_days: z.number().int().positive(), text: z.string() }),
  cancellation: z.object({ text: z.string() }),
  payment: z.object({ methods: z.array(z.string()), text: z.string() }),
  account: z.object({ text: z.string() }),
  contact: z.object({ hours: z.string(), email: z.string() }),
});

export type Policy = z.infer<typeof schema>;

export function loadPolicy(file: string): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalid(`cannot read store policy ${file}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`store policy ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
