import { setFlagsFromString } from 'node:v8';
import { terminal } from './terminal.js';

/**
 * Units up to which a translate run leaves V8's optimizing compiler (TurboFan) off. It compiles the QA gate's hot
 * functions on a second thread, which pays back only over a long run: on 2 cores, beside Apertium's pipeline,
 * that thread takes CPU from the engine. Measured (--engine pseudo, the gate on every unit, CPU user+sys): 400
 * units 0.35 → 0.31 s, 4,000 units 1.5 → 1.2 s, 16,000 units 4.4 → 4.2 s with the compiler off throughout (even
 * there): so about a fourth of the break-even.
 */
export const SHORT_RUN_UNITS = 4000;

/**
 * A run of the process's own (not one a caller runs in its process) with at most SHORT_RUN_UNITS to translate
 * runs without the optimizing compiler from here on: the functions already optimized stay so, the others run in
 * V8's interpreter and baseline compiler. The output is the same; only the CPU spent differs. True when it did.
 */
export function leaveUnoptimized(units: number): boolean {
  if (units > SHORT_RUN_UNITS || terminal().stdout !== process.stdout) return false;
  setFlagsFromString('--no-turbofan');
  return true;
}
