import { processIO, UsageError, type CliIO, type CommandRun } from './io';

/**
 * `shopmate <command> …`: each command lives in src/cli/commands/<name>.ts and exports `run`.
 * Modules load lazily so `shopmate demo` never pays for the NLU's imports.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: CommandRun }> }> = {
  demo: { summary: 'demo --db FILE [--seed N]                 build the demo store' , load: () => import('./commands/demo') },
  import: { summary: 'import --format online-retail --db FILE CSV  load real transactions' , load: () => import('./commands/import') },
  eval: { summary: 'eval recommend|forecast|nlu|sentiment …    offline evaluation' , load: () => import('./commands/eval') },
  segments: { summary: 'segments --db FILE [--json]               customer segments' , load: () => import('./commands/segments') },
  reprice: { summary: 'reprice --db FILE --sku X [--json]        price recommendation' , load: () => import('./commands/reprice') },
  forecast: { summary: 'forecast --db FILE --sku X [--json]       demand forecast' , load: () => import('./commands/forecast') },
  nlu: { summary: 'nlu "text" [--json]                       what the bot understands' , load: () => import('./commands/nlu') },
  chat: { summary: 'chat [--db FILE] [--user ID]              talk to the bot here' , load: () => import('./commands/chat') },
};

export function usage(): string {
  return ['usage: shopmate <command> [options]', '', ...Object.values(commands).map((c) => `  shopmate ${c.summary}`)].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`shopmate: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (e) {
    const message = e instanceof UsageError ? e.message : ((e as { code?: string }).code === 'ENOENT' ? (e as Error).message : String((e as Error)?.message ?? e));
    io.err(`shopmate ${name}: ${message.split('\n')[0]}`);
    if (!(e instanceof UsageError) && process.env.LOG_LEVEL === 'debug') io.err(String((e as Error).stack));
    return e instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
