import type { MtConfig } from '../config/config.js';
import { apertiumEngine } from './apertium.js';
import { apyEngine } from './apy.js';
import { deeplEngine } from './deepl.js';
import { libreTranslateEngine } from './libretranslate.js';
import { pseudoEngine } from './pseudo.js';
import { MtError, type Engine } from './types.js';

export const ENGINE_NAMES = ['apertium', 'apertium-apy', 'deepl', 'libretranslate', 'pseudo'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function createEngine(name: string, config: MtConfig, env: NodeJS.ProcessEnv = process.env): Engine {
  switch (name) {
    case 'apertium':
      return apertiumEngine(config.apertium.command);
    case 'apertium-apy':
    case 'apy':
      return apyEngine(config.apy.url);
    case 'deepl':
      return deeplEngine(config.deepl.url, env[config.deepl.apiKeyEnv], config.deepl.apiKeyEnv);
    case 'libretranslate':
      return libreTranslateEngine(config.libretranslate.url, env[config.libretranslate.apiKeyEnv]);
    case 'pseudo':
      return pseudoEngine();
    default:
      throw new MtError(`unknown engine "${name}"`, `engines: ${ENGINE_NAMES.join(', ')}`);
  }
}
