// Where the learned coder's data files are, and the word clusters (data/word-clusters.json).
import { readFileSync } from 'node:fs';
import { packageFile } from '../../../package-root.js';

/** data/<name> of the repository (src/ under vitest, dist/src/ after the build). */
export function dataFile(name: string): string {
  return packageFile('data', name);
}

let clusters: Map<string, number> | null = null;

/** Word -> cluster id of words used alike (1,024 clusters over 50,000 words). */
export function wordClusters(): Map<string, number> {
  if (clusters) return clusters;
  const data = JSON.parse(readFileSync(dataFile('word-clusters.json'), 'utf8')) as { clusters: string[] };
  clusters = new Map();
  data.clusters.forEach((line, id) => {
    for (const w of line.split(' ')) clusters!.set(w, id);
  });
  return clusters;
}
