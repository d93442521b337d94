import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { toPlainText } from '../../model/content.js';
import { icuElements } from '../../locale/icu-elements.js';
import { pluralCategories } from '../../locale/plural.js';
import { pluralVariant } from '../../xliff/plural-variants.js';
import type { CollectionCheck, Finding, Severity, SliceFindings } from '../types.js';
import { wholeRun } from '../whole-run.js';
import { pushTo } from '../../lists-by-key.js';

/**
 * A plural message must give every form the target language's CLDR rules choose: Polish needs "few" (2 pliki)
 * and "many" (5 plików) beside "one" and "other". Two places hold plural forms: Xcode's variants, one unit per
 * form (stringsdict, string catalogs), and ICU `plural`/`selectordinal` arguments inside a message. A missing
 * form is an error when a whole number up to 1,000 needs it; a form only large or fractional numbers take
 * (Spanish "many": 1 000 000 de archivos) is info.
 */

/** Whole numbers 0–1,000 by the form the rules choose for them, the first few of each, per language and type. */
const examplesCache = new Map<string, Map<string, number[]>>();
function examples(lang: string, ordinal: boolean): Map<string, number[]> {
  const key = `${lang}\u0000${ordinal}`;
  let byForm = examplesCache.get(key);
  if (!byForm) {
    const rules = new Intl.PluralRules(lang, { type: ordinal ? 'ordinal' : 'cardinal' });
    byForm = new Map();
    for (let n = 0; n <= 1000; n++) {
      const form = rules.select(n);
      const list = byForm.get(form) ?? [];
      if (list.length < 3) list.push(n);
      byForm.set(form, list);
    }
    examplesCache.set(key, byForm);
  }
  return byForm;
}

/** CLDR's order of the forms, as translators list them. */
const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

function missingForms(present: ReadonlySet<string>, lang: string, ordinal: boolean): Finding[] {
  let needed: readonly string[];
  try {
    needed = pluralCategories(lang, ordinal);
  } catch {
    return []; // a tag Intl cannot read: the language checks say so
  }
  const byForm = examples(lang, ordinal);
  const missing = needed.filter((form) => !present.has(form)).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  if (missing.length === 0) return [];
  const common = missing.filter((form) => form === 'other' || byForm.has(form));
  const rare = missing.filter((form) => !common.includes(form));
  const list = (forms: string[]): string =>
    forms.map((f) => (byForm.has(f) ? `"${f}" (${byForm.get(f)!.join(', ')}…)` : `"${f}"`)).join(', ');
  const what = ordinal ? 'ordinal forms' : 'plural forms';
  const out: Finding[] = [];
  if (common.length > 0) out.push({ message: `${lang} needs the ${what} ${list(common)}; the translation lacks them` });
  if (rare.length > 0)
    out.push({
      message: `${lang} also has the ${what} ${list(rare)} (large or fractional numbers only); the translation lacks them`,
      severity: 'info' as Severity,
    });
  return out;
}

/** The plural and selectordinal arguments of an ICU message, each with the selectors it gives. */
function icuPlurals(message: string): Array<{ ordinal: boolean; forms: Set<string> }> {
  let elements: MessageFormatElement[];
  try {
    elements = parse(message, { ignoreTag: true });
  } catch {
    return []; // not ICU, or broken: the placeholders check compares the arguments
  }
  const out: Array<{ ordinal: boolean; forms: Set<string> }> = [];
  for (const e of icuElements(elements))
    if (e.type === TYPE.plural)
      out.push({ ordinal: e.pluralType === 'ordinal', forms: new Set(Object.keys(e.options)) });
  return out;
}

const ICU_PLURAL = /,\s*(?:plural|selectordinal)\s*,/u;

export const pluralForms: CollectionCheck = {
  id: 'plural-forms',
  severity: 'error',
  // An untranslated variant is still a form the file has: "empty" reports its text.
  preconditions: [],
  description: "A plural message lacks a form the target language's CLDR plural rules need.",
  runAll(pairs, context) {
    return wholeRun(pluralForms.start!(context), pairs);
  },
  // Variants of one message are learnt first (their forms, on the first variant); each ICU message is read alone.
  start() {
    const families = new Map<string, { first: number; forms: Set<string> }>();
    let learnt = 0;
    let byFirst: Map<number, Array<Set<string>>> | undefined;
    let next = 0;
    return {
      learn(pair) {
        const variant = pluralVariant(pair.id);
        const index = learnt++;
        if (!variant) return;
        const key = [pair.file, pair.targetLang, variant.message, variant.variable].join('\u0000');
        const family = families.get(key);
        if (family) family.forms.add(variant.form);
        else families.set(key, { first: index, forms: new Set([variant.form]) });
      },
      check(slice) {
        if (!byFirst) {
          byFirst = new Map();
          for (const { first, forms } of families.values()) pushTo(byFirst, first, forms);
        }
        const out: SliceFindings = [];
        for (const pair of slice) {
          // A family's findings are on its first variant, after every message's own (part 1).
          for (const forms of byFirst.get(next++) ?? [])
            for (const finding of missingForms(forms, pair.targetLang, false)) out.push({ pair, finding, part: 1 });
          if (pluralVariant(pair.id)) continue;
          const target = toPlainText(pair.target);
          if (!ICU_PLURAL.test(target)) continue;
          for (const plural of icuPlurals(target))
            for (const finding of missingForms(plural.forms, pair.targetLang, plural.ordinal))
              out.push({ pair, finding });
        }
        return out;
      },
    };
  },
};
