import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { openDatabase } from '../../engine/db';
import { assembleBot } from '../../bot/assemble';
import { createLogger } from '../../logger';
import { InProcessAdapter } from '../inProcessAdapter';
import { renderActivity } from '../renderActivity';
import { parseFlags, UsageError, type CliIO } from '../io';

/** `shopmate chat [--db FILE] [--user ID]`: the same bot as the server, in this terminal. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, { db: { type: 'string' }, user: { type: 'string' } }, false);
  const file = values.db ?? process.env.DB_PATH ?? 'data/shop.db';
  if (!fs.existsSync(file)) throw new UsageError(`no store at ${file}: run "npm start" once, or "shopmate demo --db ${file}"`);

  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = openDatabase(file);
  const { bot, engine } = assembleBot({ db, logger, nluCacheDir: path.join(path.dirname(path.resolve(file)), 'cache') });
  const adapter = new InProcessAdapter((activity) => {
    const text = renderActivity(activity);
    if (text) io.out(`bot> ${text.replace(/\n/g, '\n     ')}`);
  }, { userId: values.user ?? 'console-user' });
  adapter.onTurnError = async (_context, error) => io.err(`error: ${error.message}`);
  const logic = (context: Parameters<typeof bot.run>[0]) => bot.run(context);

  await adapter.join(logic);
  const lines = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ', terminal: process.stdin.isTTY });
  lines.prompt();
  for await (const line of lines) {
    if (line.trim() === '/quit' || line.trim() === '/exit') break;
    await adapter.say(line, logic);
    lines.prompt();
  }
  lines.close();
  engine.close();
  return 0;
}
