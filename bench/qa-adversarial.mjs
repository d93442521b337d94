// node bench/qa-adversarial.mjs [--size bytes] — the time each QA check takes on hostile 1 MB units
// (bench/qa-adversarial-inputs.mjs): figures, not tests (tests/qa-adversarial.test.ts checks that each grows linearly).
import { parseArgs } from 'node:util';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADVERSARIAL, manyCodes } from './qa-adversarial-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { size: { type: 'string', default: String(1 << 20) } } });
const size = Number(values.size);
const { CHECK_IDS, loadChecks } = await import(join(root, 'dist/qa/checks/index.js'));
const { runChecks } = await import(join(root, 'dist/qa/runner.js'));
const checks = await loadChecks(CHECK_IDS.filter((id) => id !== 'spelling' && id !== 'alignment'));
console.log(`QA checks on hostile units of ${size} characters (ms; the slowest check per input last)`);
const inputs = Object.entries(ADVERSARIAL).map(([name, make]) => {
  const text = make(size);
  return [name, [text], [[...text].reverse().join('')]];
});
// A paragraph full of tag pairs, crossed in the target.
const codes = manyCodes(size);
inputs.push(['tag pairs', codes.source, codes.target]);
for (const [name, source, target] of inputs) {
  const times = [];
  for (const check of checks) {
    const pair = { id: 'u', source, target, sourceLang: 'en', targetLang: 'es', file: 'x' };
    const start = performance.now();
    await runChecks([pair], { checks: [check] });
    times.push([check.id, performance.now() - start]);
  }
  times.sort((a, b) => a[1] - b[1]);
  console.log(`${name.padEnd(12)} ${times.map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(', ')}`);
}
