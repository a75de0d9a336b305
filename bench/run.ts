// `npm run bench`: every benchmark, each reporting ratios against a baseline run in the same process.
import { sharedDataDir } from '../eval/common.js';

type Bench = { name: string; load: () => Promise<{ run: (dataDir: string | null) => Promise<string[]> }> };

const BENCHES: Bench[] = [
  { name: 'pipeline', load: () => import('./pipeline.js') },
  { name: 'code', load: () => import('./code.js') },
  { name: 'extract', load: () => import('./extract.js') },
  { name: 'pg-workers', load: () => import('./pg-workers.js') },
  { name: 'load', load: () => import('./load.js') },
  { name: 'concurrent-ingest', load: () => import('./concurrent-ingest.js') },
  { name: 'workbench', load: () => import('./workbench.js') },
];

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (!dataDir) process.stderr.write('demarche bench: ../shared/data not found (set DEMARCHE_SHARED_DATA); running on the bundled seeds only\n');
  const only = process.argv.slice(2);
  for (const b of BENCHES) {
    if (only.length && !only.includes(b.name)) continue;
    const mod = await b.load();
    for (const line of await mod.run(dataDir)) process.stdout.write(line + '\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demarche bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
