import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's gc(), for tests that measure what stays alive. --expose-gc is set only while a context is made and set back
 * at once: the other test files of the worker then run under Node's own flags (V8 refuses every code cache made
 * under other flags, which tests of locflow's own V8 tuning look at).
 */
export function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
