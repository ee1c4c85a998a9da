import fs from 'node:fs';
import path from 'node:path';

/**
 * The package root (the folder with package.json), found by walking up from this module, so that
 * the same code finds its data whether it runs from src/ through tsx or bundled into dist/.
 */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** A file or folder shipped with the package: `packagePath('data', 'nlu')`. */
export const packagePath = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
