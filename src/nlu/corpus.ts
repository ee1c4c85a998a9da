import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { packagePath } from '../paths';

export interface LabelledText {
  text: string;
  label: string;
}

/** data/nlu, where the training corpus, the held-out set and the word lists live. */
export const NLU_DATA_DIR = packagePath('data', 'nlu');

/**
 * Reads `text<TAB>label` lines; a first line `text<TAB>intent` (or `text<TAB>label`) is a header.
 * Blank lines and lines starting with `#` are skipped; a line without a tab is an error with its number.
 */
export function parseLabelledTsv(content: string, source = 'input'): LabelledText[] {
  const rows: LabelledText[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const tab = line.lastIndexOf('\t');
    if (tab < 0) throw new Error(`${source}:${i + 1}: expected "text<TAB>label"`);
    const text = line.slice(0, tab);
    const label = line.slice(tab + 1).trim();
    if (i === 0 && text.trim().toLowerCase() === 'text' && /^(intent|label|sentiment)$/i.test(label)) return;
    rows.push({ text, label });
  });
  return rows;
}

export function readLabelledTsv(file: string): LabelledText[] {
  return parseLabelledTsv(fs.readFileSync(file, 'utf8'), file);
}

/** One word or phrase a line; `#` starts a comment. */
export function readWordList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase())
    .filter(Boolean);
}

export function sha256(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}
