import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { boundHeapGrowth, compileWithoutInlining, holdV8Flag } from '../src/workflow/steps/v8-tuning.js';

// V8 takes a script's code cache only under the flags it was made with, so a cache made before a flag is set tells
// whether the flags are the process's own again (there is no reading a flag back). Each probe is a script of its own,
// checked once under another name than it was made under: V8 would otherwise find it compiled in its memory.
const probe = (k: number): string => `function tuningProbe${k}(a) { return a * ${k}; } tuningProbe${k}(2);`;
const caches = Array.from({ length: 12 }, (_, k) =>
  new Script(probe(k), { filename: `made-${k}.js` }).createCachedData(),
);
let used = 0;
function flagsAsStarted(): boolean {
  const k = used++;
  return !new Script(probe(k), { filename: `checked-${k}.js`, cachedData: caches[k]! }).cachedDataRejected;
}

describe('V8 flags held for a while', () => {
  it('are set while held and set back on release', () => {
    expect(flagsAsStarted()).toBe(true);
    const release = compileWithoutInlining();
    expect(flagsAsStarted()).toBe(false);
    release();
    expect(flagsAsStarted()).toBe(true);
  });

  it("bound the heap's growth while held", () => {
    const release = boundHeapGrowth();
    expect(flagsAsStarted()).toBe(false);
    release();
    expect(flagsAsStarted()).toBe(true);
  });

  it('nest: the flag is set back when the last hold is released, and a release counts once', () => {
    const first = holdV8Flag('--no-turbo-inlining', '--turbo-inlining');
    const second = holdV8Flag('--no-turbo-inlining', '--turbo-inlining');
    first();
    first();
    expect(flagsAsStarted()).toBe(false);
    second();
    expect(flagsAsStarted()).toBe(true);
  });
});
