#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (ESM and CJS hooks both), so `npx shopmate …` works right
// after `npm install`, with no build step.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const main = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.error) {
  process.stderr.write(`shopmate: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
