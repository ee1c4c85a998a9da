/**
 * Worker-thread entry (started by fitInWorker): opens the store file read-only, fits every model
 * and posts them back with their buffers transferred. Never writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db';
import { fitModels } from './fitModels';
import type { RecommendParams } from './params';
import { transferables } from './snapshot';

const { file, params } = workerData as { file: string; params: RecommendParams };
const db = openDatabase(file, { readonly: true });
try {
  const fitted = fitModels(db, params);
  parentPort!.postMessage(fitted, transferables(fitted));
} finally {
  db.close();
}
