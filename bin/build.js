#!/usr/bin/env node
// Bundles the server into dist/ with esbuild: one plain JavaScript file per entry, packages left in
// node_modules. The server starts about a second sooner than from TypeScript through tsx (fewer
// files to find and transform). `npm start` builds when src/ changed (bin/start.js); `npm run build`
// always builds.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const ENTRIES = {
  index: 'src/index.ts',
  fitWorker: 'src/engine/recommend/fitWorker.ts', // started as a worker thread by fitInWorker.ts
};

const SERVER = path.join(DIST, 'index.js');

/** Builds dist/ unless it is newer than every file under src/ and package.json; returns the server's entry. */
function ensureBuilt() {
  const built = fs.existsSync(SERVER) ? fs.statSync(SERVER).mtimeMs : 0;
  return newestSource() > built ? build() : SERVER;
}

/** Builds dist/ (0.2 s on a quiet machine, mostly esbuild's own start) and returns the server's entry. */
function build() {
  const { outputFiles } = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked', // stack traces name the TypeScript lines under node --enable-source-maps
    outdir: DIST,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(DIST, { recursive: true });
  for (const file of outputFiles) writeIfChanged(file.path, file.contents);
  const now = new Date();
  fs.utimesSync(SERVER, now, now); // built from what is there now, even when nothing changed
  return SERVER;
}

function newestSource() {
  const sources = fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true });
  const mtimes = sources.filter((e) => e.isFile()).map((e) => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  return Math.max(fs.statSync(path.join(ROOT, 'package.json')).mtimeMs, ...mtimes);
}

/** Atomic replace (write aside, rename): a server starting at the same moment never reads half a file. */
function writeIfChanged(file, contents) {
  if (fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), contents) === 0) return;
  const aside = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(aside, contents);
  fs.renameSync(aside, file);
}

module.exports = { build, ensureBuilt };
if (require.main === module) build();
