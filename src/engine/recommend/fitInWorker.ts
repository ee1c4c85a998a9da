import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FittedModels } from './fitModels';
import type { RecommendParams } from './params';
import { restoreModels } from './snapshot';

/** Fits the models of the store file `file` off the main thread (see fitWorker.ts). */
export type BackgroundFitter = (file: string, params: RecommendParams) => Promise<FittedModels>;

/**
 * The worker runs TypeScript through tsx's require hook, registered by this bootstrap: that works
 * the same under `npm start` (node --require tsx/cjs), the CLI (node --import tsx) and vitest (whose own transform does not reach workers).
 */
const BOOTSTRAP = "const { workerData } = require('node:worker_threads'); require(workerData.tsx).register(); require(workerData.entry);";
const ENTRY = path.join(__dirname, 'fitWorker.ts');
/** Resolved here, not in the worker: an eval'd worker resolves from the working directory. */
const TSX = createRequire(__filename).resolve('tsx/cjs/api');

/** Fits in a fresh worker thread; rejects (with the worker's error) when it fails or exits early. */
export const fitInWorker: BackgroundFitter = (file, params) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: TSX, entry: ENTRY, file, params } });
    worker.unref(); // a refit in flight never keeps a stopping process alive
    let done = false;
    worker.once('message', (fitted: FittedModels) => {
      done = true;
      try {
        resolve(restoreModels(fitted, params));
      } catch (err) {
        reject(err);
      }
    });
    worker.once('error', (err) => {
      done = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`recommender fit worker exited with code ${code} before answering`));
    });
  });
