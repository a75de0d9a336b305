// `npm run eval`: precision/recall/F1 per development set in ../shared/data.
// Each evaluation module exports run(dataDir) -> EvalResult[]; they are listed here.
import { sharedDataDir, type EvalResult } from './common.js';

type Evaluation = { name: string; load: () => Promise<{ run: (dataDir: string) => Promise<EvalResult[]> }> };

const EVALUATIONS: Evaluation[] = [
  { name: 'clean', load: () => import('./clean.js') },
  { name: 'dates', load: () => import('./dates.js') },
];

function fmt(x: number): string {
  return x.toFixed(3);
}

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (!dataDir) {
    process.stderr.write(
      'demarche eval: development data not found at ../shared/data (set DEMARCHE_SHARED_DATA to its path)\n',
    );
    process.exit(2);
  }
  const only = process.argv.slice(2);
  const rows: EvalResult[] = [];
  for (const e of EVALUATIONS) {
    if (only.length && !only.includes(e.name)) continue;
    const mod = await e.load();
    const results = await mod.run(dataDir);
    for (const r of results) {
      rows.push(r);
      const extra = r.extra ? '  ' + Object.entries(r.extra).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`).join(' ') : '';
      process.stdout.write(`${r.set.padEnd(28)} ${r.task.padEnd(24)} P=${fmt(r.precision)} R=${fmt(r.recall)} F1=${fmt(r.f1)} n=${r.n}${extra}\n`);
    }
  }
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`demarche eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
