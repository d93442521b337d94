import { existsSync } from 'node:fs';
import { LocflowError } from '../errors.js';
import { canonicalLocale } from '../model/language.js';
import {
  asObject,
  asString,
  asStrings,
  projectRelative,
  type Json,
  type Place,
  type SettingValues,
  type SettingsSpec,
} from '../settings.js';
import { CHECK_IDS, loadChecks } from './checks/index.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'off';

/** QA settings: a glossary, severities per check, known false alarms, and each check's own options. */
export interface QaSettings {
  /** A CSV or TBX glossary, relative to the project. */
  readonly glossary?: string;
  readonly severity: Readonly<Record<string, SeverityName>>;
  readonly suppress: ReadonlyArray<{ readonly unit: string; readonly check: string; readonly lang?: string }>;
  /** The checks' options ("lengthRatio"), validated by the check that declares them. */
  readonly options: SettingValues;
}

export const QA_DEFAULTS: QaSettings = { severity: {}, suppress: [], options: {} };

const CORE_KEYS = ['glossary', 'severity', 'suppress'];

function readSeverity(value: Json | undefined, file: string): Record<string, SeverityName> {
  const severity: Record<string, SeverityName> = {};
  for (const [id, level] of Object.entries(value === undefined ? {} : asObject(value, 'qa.severity', file))) {
    if (!CHECK_IDS.includes(id))
      throw new LocflowError(`qa.severity: unknown check "${id}"`, { file, hint: `checks: ${CHECK_IDS.join(', ')}` });
    if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'off')
      throw new LocflowError(`qa.severity.${id}: "${String(level)}" is not a severity`, {
        file,
        hint: 'use "error", "warning", "info" or "off"',
      });
    severity[id] = level;
  }
  return severity;
}

function readSuppress(value: Json | undefined, file: string): QaSettings['suppress'] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : asStrings(value, 'qa.suppress', file);
  return list.map((s, i) => {
    const o = asObject(s, `qa.suppress[${i}]`, file);
    const check = asString(o.check, `qa.suppress[${i}].check`, file);
    if (!CHECK_IDS.includes(check))
      throw new LocflowError(`qa.suppress[${i}].check: unknown check "${check}"`, { file });
    return {
      unit: asString(o.unit, `qa.suppress[${i}].unit`, file),
      check,
      ...(o.lang !== undefined ? { lang: canonicalLocale(o.lang, `qa.suppress[${i}].lang`, file) } : {}),
    };
  });
}

function readGlossary(value: Json, place: Place): string {
  const glossary = asString(value, 'qa.glossary', place.file);
  const full = projectRelative(glossary, 'qa.glossary', place);
  if (!existsSync(full))
    throw new LocflowError(`qa.glossary: "${glossary}" does not exist`, {
      file: place.file,
      hint: 'fix the path or remove the key',
    });
  return glossary;
}

/**
 * Reads the configuration's "qa" section: its own keys, then each check's options as the check declares them.
 * The checks load only when the section holds options.
 */
export async function readQaSettings(value: Json | undefined, place: Place): Promise<QaSettings> {
  if (value === undefined) return QA_DEFAULTS;
  const qa = asObject(value, 'qa', place.file);
  const optionKeys = Object.keys(qa).filter((k) => !CORE_KEYS.includes(k));
  const specs: SettingsSpec = optionKeys.length
    ? Object.assign({}, ...(await loadChecks()).map((c) => c.options ?? {}))
    : {};
  const unknown = optionKeys.find((k) => !(k in specs));
  if (unknown !== undefined)
    throw new LocflowError(`unknown key "qa.${unknown}"`, {
      file: place.file,
      hint: `known keys of qa: ${[...CORE_KEYS, ...Object.keys(specs)].join(', ')}`,
    });
  const severity = readSeverity(qa.severity, place.file);
  const suppress = readSuppress(qa.suppress, place.file);
  const options = Object.fromEntries(optionKeys.map((k) => [k, specs[k]!.read(qa[k]!, `qa.${k}`, place)]));
  const glossary = qa.glossary === undefined ? undefined : readGlossary(qa.glossary, place);
  return { ...(glossary ? { glossary } : {}), severity, suppress, options };
}
