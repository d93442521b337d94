// The program's first import (cli/index.ts): Apertium's pipeline for `translate --engine apertium` starts before the
// command's modules load (mt/apertium-early.ts). Nothing is started for any other command.
import { startApertiumEarly } from './apertium-early.js';

startApertiumEarly();
