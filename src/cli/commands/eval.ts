import { UsageError, type CliIO, type CommandRun } from '../io';

const evaluations: Record<string, () => Promise<{ run: CommandRun }>> = {
  recommend: () => import('./evalRecommend'),
  forecast: () => import('./evalForecast'),
  nlu: () => import('./evalNlu'),
  sentiment: () => import('./evalSentiment'),
};

/** `shopmate eval <what> …`: each evaluation lives in its own module, evalRecommend.ts and so on. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [what, ...rest] = argv;
  const load = Object.hasOwn(evaluations, what ?? '') ? evaluations[what] : undefined;
  if (!load) throw new UsageError(`eval needs one of ${Object.keys(evaluations).join(', ')}${what ? `, got "${what}"` : ''}`);
  const { run: evaluate } = await load();
  return evaluate(rest, io);
}
