import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withProjectLock } from '../src/io/lock.js';

describe('a lock held without re-entry', () => {
  it('sets no context for a nested call: a call made inside waits for the body to end, as another caller would', async () => {
    const d = mkdtempSync(join(tmpdir(), 'locflow-lock-'));
    const events: string[] = [];
    let inner: Promise<void> | undefined;
    await withProjectLock(
      d,
      'extract',
      async () => {
        events.push('in');
        inner = withProjectLock(d, 'later', () => void events.push('later'));
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push('out');
      },
      { reentrant: false },
    );
    await inner;
    // Re-entered, the inner call would have run inside ("in", "later", "out").
    expect(events).toEqual(['in', 'out', 'later']);
    expect(existsSync(join(d, '.locflow/lock'))).toBe(false);
  });

  it('by default, a nested call still re-enters', async () => {
    const d = mkdtempSync(join(tmpdir(), 'locflow-lock-'));
    const events: string[] = [];
    await withProjectLock(d, 'import', async () => {
      events.push('in');
      await withProjectLock(d, 'nested', () => void events.push('nested'));
      events.push('out');
    });
    expect(events).toEqual(['in', 'nested', 'out']);
  });
});
