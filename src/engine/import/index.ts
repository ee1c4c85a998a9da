import type { Readable } from 'node:stream';
import type { Db } from '../db';
import type { ImportSummary } from './importSummary';
import { onlineRetailFormat } from './onlineRetail';
import { runImport, type ImportFormat, type ImportOptions } from './runImport';
import { shopmateFormat } from './shopmateCsv';

export { importOnlineRetail } from './onlineRetail';
export { importShopmateCsv, SHOPMATE_COLUMNS } from './shopmateCsv';
export type { ImportSummary, LineError } from './importSummary';
export type { ImportOptions, ImportProgress } from './runImport';

/** The formats `shopmate import --format` accepts. */
export const importFormats: Record<string, ImportFormat> = {
  'online-retail': onlineRetailFormat,
  shopmate: shopmateFormat,
};

export function importFile(db: Db, format: ImportFormat, stream: Readable, options: ImportOptions = {}): Promise<ImportSummary> {
  return runImport(db, stream, format, options);
}
