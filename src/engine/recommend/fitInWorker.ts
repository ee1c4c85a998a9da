import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FittedModels } from './fitModels';
import type { RecommendParams } from './params';
import { restoreModels } from './snapshot';

/** Fits the models of the store file `file` off the main thread (see fitWorker.ts). */
export type BackgroundFitter = (file: string, params: RecommendParams) => Promise<FittedModels>;

/**
 * Bundled (`npm start` runs dist/, see bin/build.js) the worker is dist/fitWorker.js. From source the
 * worker runs TypeScript through tsx's require hook, registered by this bootstrap: that works the
 * same under the CLI (node --import tsx), test servers (node --require tsx/cjs) and vitest (whose own
 * transform does not reach workers).
 */
const BUNDLED = path.extname(__filename) === '.js';
const BOOTSTRAP = "const { workerData } = require('node:worker_threads'); require(workerData.tsx).register(); require(workerData.entry);";

function startWorker(workerData: { file: string; params: RecommendParams }): Worker {
  if (BUNDLED) return new Worker(path.join(__dirname, 'fitWorker.js'), { workerData });
  // tsx is resolved here, not in the worker: an eval'd worker resolves from the working directory.
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  return new Worker(BOOTSTRAP, { eval: true, workerData: { ...workerData, tsx, entry: path.join(__dirname, 'fitWorker.ts') } });
}

/** Fits in a fresh worker thread; rejects (with the worker's error) when it fails or exits early. */
export const fitInWorker: BackgroundFitter = (file, params) =>
  new Promise((resolve, reject) => {
    const fit = startWorker({ file, params });
    fit.unref(); // a refit in flight never keeps a stopping process alive
    let done = false;
    fit.once('message', (fitted: FittedModels) => {
      done = true;
      try {
        resolve(restoreModels(fitted, params));
      } catch (err) {
        reject(err);
      }
    });
    fit.once('error', (err) => {
      done = true;
      reject(err);
    });
    fit.once('exit', (code) => {
      if (!done) reject(new Error(`recommender fit worker exited with code ${code} before answering`));
    });
  });
