import { describe, expect, it } from 'vitest';
import { boundHeapGrowth, compileWithoutInlining, holdV8Flag } from '../src/runtime/v8-tuning.js';
import { flagsProbe } from './v8-flags-probe.js';

const probe = flagsProbe('tuningProbe', 12);
const flagsAsStarted = (): boolean => probe.asStarted();

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
