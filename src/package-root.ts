// Files shipped with the package (data/, examples/, dist/web/), found from this module's own place:
// src/ under vitest, dist/src/ once compiled, node_modules/demarche/dist/src/ when installed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder holding the package's package.json (the repository root in a checkout). */
export function packageRoot(): string {
  if (root !== null) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (root = dir);
}

/** A path inside the package: packageFile('data', 'cameo.json'). */
export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
