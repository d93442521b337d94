import { textOnly } from '../../model/content.js';
import { primarySubtag } from '../../model/language.js';
import type { PairCheck } from '../types.js';
import { LocflowError } from '../../errors.js';
import { asObject, settingsFrom, type Setting, type SettingValues } from '../../settings.js';
import { translated } from '../preconditions.js';

const SLACK = 15;

type Ratios = Readonly<Record<string, readonly [number, number]>>;

/** Accepted target/source length ratio per target language, "*" for the rest; given languages add to the default. */
function ratios(def: Ratios): Setting<Ratios> {
  return {
    default: def,
    read(value, key, place) {
      const out: Record<string, readonly [number, number]> = { ...def };
      for (const [lang, range] of Object.entries(asObject(value, key, place.file))) {
        if (
          !Array.isArray(range) ||
          range.length !== 2 ||
          typeof range[0] !== 'number' ||
          typeof range[1] !== 'number' ||
          range[0] >= range[1]
        )
          throw new LocflowError(`${key}.${lang} must be [min, max] with min < max`, { file: place.file });
        out[lang] = [range[0], range[1]];
      }
      return out;
    },
  };
}

const OPTIONS = { lengthRatio: ratios({ '*': [0.4, 2.5] }) };

/** The ratios of a run's settings, read once per run rather than once per pair. */
const ratiosOf = new WeakMap<SettingValues, Ratios>();
function lengthRatios(settings: SettingValues): Ratios {
  let r = ratiosOf.get(settings);
  if (!r) ratiosOf.set(settings, (r = settingsFrom(OPTIONS, settings).lengthRatio));
  return r;
}

export const length: PairCheck = {
  id: 'length',
  severity: 'warning',
  preconditions: [translated],
  description:
    'The target is much shorter or longer than the source (ratio range per target language, configurable, with 15 characters of slack above for short texts).',
  options: OPTIONS,
  run(pair, context) {
    const s = textOnly(pair.source).trim().length;
    const t = textOnly(pair.target).trim().length;
    if (s < 20 || t === 0) return []; // short units vary too much to judge; empty targets are "empty"'s business
    const lengthRatio = lengthRatios(context.settings);
    const [min, max] = lengthRatio[pair.targetLang] ??
      lengthRatio[primarySubtag(pair.targetLang)] ??
      lengthRatio['*'] ?? [0.4, 2.5];
    const ratio = t / s;
    if (ratio < min)
      return [
        {
          message: `the target is ${Math.round(ratio * 100)} % of the source's length (below ${Math.round(min * 100)} %): something left out?`,
        },
      ];
    // A short text grows more when translated (a headline written out as a sentence): some characters of slack.
    if (ratio > max && t > max * s + SLACK)
      return [
        {
          message: `the target is ${Math.round(ratio * 100)} % of the source's length (above ${Math.round(max * 100)} %): something added?`,
        },
      ];
    return [];
  },
};
