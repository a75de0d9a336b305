// Tests that run the real `demarche` binary or serve the web UI need dist/ built from the current sources.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.DEMARCHE_SKIP_BUILD) return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
