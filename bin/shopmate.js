#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx shopmate …` works straight after `npm install`.
const path = require('node:path');
require('tsx/cjs');
const { main } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
