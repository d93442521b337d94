import { LocflowError } from './errors.js';
import { insideProject } from './io/files.js';

/**
 * Settings a plugin family declares for itself (an engine's URL, a check's options, a format's word lists):
 * each key with its default and a reader that validates a value from locflow.config.json, naming the key when
 * it is wrong. The configuration only assembles the sections; the plugins own their keys.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Where a value was read: the configuration file and the project folder its paths are relative to. */
export interface Place {
  readonly file: string;
  readonly root: string;
}

export interface Setting<T> {
  readonly default: T;
  /** The value as the plugin uses it; a LocflowError naming `key` ("mt.deepl.url") when it is not valid. */
  read(value: Json, key: string, place: Place): T;
}

export type SettingsSpec = Readonly<Record<string, Setting<unknown>>>;

/** The values a spec declares, typed. */
export type SettingsOf<S extends SettingsSpec> = {
  readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never;
};

/** Values read from the configuration, by key, before a plugin types them. */
export type SettingValues = Readonly<Record<string, unknown>>;

export function asObject(value: Json | undefined, key: string, file: string): Record<string, Json> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new LocflowError(`${key} must be an object`, { file });
  return value;
}

export function asString(value: Json | undefined, key: string, file: string): string {
  if (typeof value !== 'string' || value === '') throw new LocflowError(`${key} must be a non-empty string`, { file });
  return value;
}

export function asStrings(value: Json | undefined, key: string, file: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new LocflowError(`${key} must be a list of strings`, { file });
  return value as string[];
}

/** The full path of a relative one that must stay inside the project folder. */
export function projectRelative(value: string, key: string, place: Place, hint?: string): string {
  try {
    return insideProject(place.root, value, key);
  } catch (err) {
    throw new LocflowError((err as Error).message, { file: place.file, ...(hint ? { hint } : {}) });
  }
}

/** A non-empty string. */
export function text(def: string): Setting<string> {
  return { default: def, read: (value, key, place) => asString(value, key, place.file) };
}

/** A non-empty string that may be left out. */
export function optionalText(): Setting<string | undefined> {
  return { default: undefined, read: (value, key, place) => asString(value, key, place.file) };
}

/** An http(s) address. */
export function url(def: string): Setting<string> {
  return {
    default: def,
    read(value, key, place) {
      const s = asString(value, key, place.file);
      if (!/^https?:\/\/[^\s]+$/u.test(s))
        throw new LocflowError(`${key}: "${s}" is not an http(s) URL`, { file: place.file });
      return s;
    },
  };
}

/** A list of strings. */
export function strings(def: readonly string[]): Setting<readonly string[]> {
  return { default: def, read: (value, key, place) => asStrings(value, key, place.file) };
}

/** A list of regular expressions, as sources, each compiled with the flags it is used with. */
export function regexps(def: readonly string[], flags: string): Setting<readonly string[]> {
  return {
    default: def,
    read(value, key, place) {
      const list = asStrings(value, key, place.file);
      list.forEach((pattern, i) => {
        try {
          new RegExp(pattern, flags);
        } catch (err) {
          throw new LocflowError(`${key}[${i}] is not a valid regular expression: ${(err as Error).message}`, {
            file: place.file,
          });
        }
      });
      return list;
    },
  };
}

/** A number from `lo` to `hi`. */
export function numberIn(def: number, lo: number, hi: number): Setting<number> {
  return {
    default: def,
    read(value, key, place) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi)
        throw new LocflowError(`${key} must be a number from ${lo} to ${hi}`, { file: place.file });
      return value;
    },
  };
}

/** A path relative to the project, inside it. */
export function projectFile(def: string): Setting<string> {
  return {
    default: def,
    read(value, key, place) {
      const path = asString(value, key, place.file);
      projectRelative(path, key, place);
      return path;
    },
  };
}

export function defaultsOf<S extends SettingsSpec>(spec: S): SettingsOf<S> {
  // A setting without a default (undefined) is left out, as a key the file does not give.
  const given = Object.entries(spec).filter(([, s]) => s.default !== undefined);
  return Object.fromEntries(given.map(([k, s]) => [k, s.default])) as SettingsOf<S>;
}

/** A plugin's settings from a section that may hold other plugins' keys too: its defaults where none is given. */
export function settingsFrom<S extends SettingsSpec>(spec: S, values: SettingValues | undefined): SettingsOf<S> {
  const out: Record<string, unknown> = { ...defaultsOf(spec) };
  for (const key of Object.keys(spec)) if (values?.[key] !== undefined) out[key] = values[key];
  return out as SettingsOf<S>;
}

/**
 * One section of the configuration ("tm", "mt.deepl") read against its spec: defaults for what is left out,
 * each given value validated, an unknown key refused with the known ones as a hint.
 */
export function readSettings<S extends SettingsSpec>(
  spec: S,
  value: Json | undefined,
  section: string,
  place: Place,
  hint: (known: string) => string = (known) => `known keys of ${section}: ${known}`,
): SettingsOf<S> {
  if (value === undefined) return defaultsOf(spec);
  const given = asObject(value, section, place.file);
  const unknown = Object.keys(given).find((k) => !(k in spec));
  if (unknown !== undefined)
    throw new LocflowError(`unknown key "${section}.${unknown}"`, {
      file: place.file,
      hint: hint(Object.keys(spec).join(', ')),
    });
  const out: Record<string, unknown> = { ...defaultsOf(spec) };
  for (const [k, v] of Object.entries(given)) out[k] = spec[k]!.read(v, `${section}.${k}`, place);
  return out as SettingsOf<S>;
}
