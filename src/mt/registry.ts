import { LocflowError } from '../errors.js';
import { asObject, readSettings, settingsFrom, type Json, type Place, type SettingValues } from '../settings.js';
import { MtError, type Engine, type EnginePlugin } from './types.js';

/**
 * Every engine, loaded on first use: the keys are the only list of engine ids (`--engine`, its help, errors).
 * A new engine is one file exporting an EnginePlugin and one line here.
 */
export const ENGINES: Readonly<Record<string, () => Promise<EnginePlugin>>> = {
  apertium: () => import('./apertium.js').then((m) => m.apertium),
  'apertium-apy': () => import('./apy.js').then((m) => m.apy),
  command: () => import('./command.js').then((m) => m.command),
  deepl: () => import('./deepl.js').then((m) => m.deepl),
  libretranslate: () => import('./libretranslate.js').then((m) => m.libretranslate),
  pseudo: () => import('./pseudo.js').then((m) => m.pseudo),
};

/** Other names `--engine` accepts. */
const ALIASES: Readonly<Record<string, string>> = { apy: 'apertium-apy' };

export const ENGINE_IDS: readonly string[] = Object.keys(ENGINES);

/** The `mt` section of the configuration: settings per engine, by the engine's settings key. */
export type MtSettings = Readonly<Record<string, SettingValues>>;

async function plugins(): Promise<Array<{ id: string; key: string; plugin: EnginePlugin }>> {
  return Promise.all(
    ENGINE_IDS.map(async (id) => {
      const plugin = await ENGINES[id]!();
      return { id, key: plugin.settingsKey ?? id, plugin };
    }),
  );
}

/**
 * Reads the configuration's "mt" section: each engine's own keys, validated by the engine's declaration.
 * Engines load only when the section is there.
 */
export async function readMtSettings(value: Json | undefined, place: Place): Promise<MtSettings> {
  if (value === undefined) return {};
  const given = asObject(value, 'mt', place.file);
  const all = (await plugins()).filter((p) => Object.keys(p.plugin.settings).length > 0);
  const out: Record<string, SettingValues> = {};
  for (const [key, section] of Object.entries(given)) {
    const engine = all.find((p) => p.key === key);
    if (!engine)
      throw new LocflowError(`unknown key "mt.${key}"`, {
        file: place.file,
        hint: `known keys of mt: ${all.map((p) => p.key).join(', ')}`,
      });
    out[key] = readSettings(engine.plugin.settings, section, `mt.${key}`, place, (known) => `known keys: ${known}`);
  }
  return out;
}

/** The engine named `name`, made from its settings in the configuration (its defaults where none are given). */
export async function createEngine(
  name: string,
  mt: MtSettings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Engine> {
  const id = ALIASES[name] ?? name;
  const load = ENGINES[id];
  if (!load) throw new MtError(`unknown engine "${name}"`, `engines: ${ENGINE_IDS.join(', ')}`);
  const plugin = await load();
  return plugin.create(settingsFrom(plugin.settings, mt[plugin.settingsKey ?? id]), env);
}
