// `npm run eval`: precision/recall/F1 per development set in ../shared/data.
// Each evaluation module exports run(dataDir) -> EvalResult[]; they are listed here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sharedDataDir, type EvalResult } from './common.js';

type Evaluation = { name: string; load: () => Promise<{ run: (dataDir: string) => Promise<EvalResult[]> }> };

const EVALUATIONS: Evaluation[] = [
  { name: 'clean', load: () => import('./clean.js') },
  { name: 'dates', load: () => import('./dates.js') },
  { name: 'wcxb', load: () => import('./wcxb.js') },
  { name: 'actors', load: () => import('./actors.js') },
  { name: 'events', load: () => import('./events.js') },
];

function fmt(x: number): string {
  return x.toFixed(3);
}

/** Results as a dated markdown table (docs/EVAL.md, between its results markers). */
function writeMarkdown(file: string, rows: EvalResult[]): void {
  const lines = [
    '| data set | task | precision | recall | F1 | n | notes |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.set} | ${r.task} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${r.n} | ${r.extra ? Object.entries(r.extra).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`).join(', ') : ''} |`),
  ];
  const body = `## Results of ${new Date().toISOString().slice(0, 10)} (\`npm run eval\`)\n\n${lines.join('\n')}\n`;
  // Replace only the generated part between the markers, keeping the prose around it.
  const [open, close] = ['<!-- results -->', '<!-- /results -->'];
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const a = old.indexOf(open);
  const b = old.indexOf(close);
  writeFileSync(file, a >= 0 && b > a ? old.slice(0, a + open.length) + '\n' + body + old.slice(b) : `${open}\n${body}${close}\n`);
  process.stderr.write(`wrote ${file}\n`);
}

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (!dataDir) {
    process.stderr.write(
      'demarche eval: development data not found at ../shared/data (set DEMARCHE_SHARED_DATA to its path)\n',
    );
    process.exit(2);
  }
  const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--md');
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
  const mdAt = process.argv.indexOf('--md');
  if (mdAt > 0 && process.argv[mdAt + 1]) writeMarkdown(process.argv[mdAt + 1]!, rows);
}

main().catch((err: unknown) => {
  process.stderr.write(`demarche eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
