import { UsageError, type CliIO, type CommandRun } from '../io';

const evaluations = ['recommend', 'forecast', 'nlu', 'sentiment'] as const;

/** `shopmate eval <what> …`: each evaluation lives in its own module, evalRecommend.ts and so on. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [what, ...rest] = argv;
  if (!evaluations.includes(what as (typeof evaluations)[number])) {
    throw new UsageError(`eval needs one of ${evaluations.join(', ')}${what ? `, got "${what}"` : ''}`);
  }
  const module = `./eval${what[0].toUpperCase()}${what.slice(1)}`;
  const { run: evaluate } = (await import(module)) as { run: CommandRun };
  return evaluate(rest, io);
}
