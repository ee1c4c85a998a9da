import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command's failure that the CLI reports as one line and a non-zero exit code. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export type CommandRun = (argv: string[], io: CliIO) => Promise<number> | number;

/** node:util parseArgs with our conventions: unknown flags are a UsageError, not a crash. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

export function requireFlag<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

export function intFlag(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

/** Prints one JSON object on stdout (the --json contract). */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value));
}

/** A progress line on stderr that rewrites itself on a terminal and prints sparsely otherwise. */
export function progress(io: CliIO, label: string) {
  const tty = process.stderr.isTTY;
  let last = -1;
  return {
    update(done: number, total?: number) {
      const pct = total ? Math.floor((100 * done) / total) : -1;
      if (tty) {
        process.stderr.write(`\r${label} ${total ? `${pct}%` : done.toLocaleString('en')}   `);
      } else if (pct >= 0 && pct >= last + 25) {
        io.err(`${label} ${pct}%`);
        last = pct;
      }
    },
    done(summary: string) {
      if (tty) process.stderr.write('\r\x1b[K');
      io.err(`${label} ${summary}`);
    },
  };
}
