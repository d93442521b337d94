import type { Project } from '../config/config.js';
import { asLocflowError, LocflowError } from '../errors.js';
import { countWords, documentLabels, textOnly, type Document, type Run } from '../model/index.js';
import { MtError, type Engine } from '../mt/types.js';
import { protectForMt, restoreFromMt, type ProtectedTerm } from '../mt/protect.js';
import { createEngine } from '../mt/registry.js';
import { isPseudoLocale } from '../mt/languages.js';
import { pseudoContent } from '../mt/pseudo-text.js';
import { renderingsFor, type Glossary } from '../qa/glossary.js';
import { findNames } from '../qa/names/detect.js';
import { cldrRenderings } from '../qa/names/cldr.js';
import { checkPairs } from './pseudo-reading.js';
import { contentToI18n } from '../store/codes.js';
import { writeBundle, type Bundle, type UnitMeta } from '../store/bundle.js';
import { withProjectLock } from '../io/lock.js';
import { qaOptions } from './check.js';
import { bundlePath, chooseLanguages, loadBundle, loadDocuments } from './documents.js';
import { storedUnits, type FlaggedUnit, type StoredUnit } from './translations.js';
import { contextOf, openMemory } from './memory.js';

export interface TranslateOptions {
  readonly engine: string;
  readonly langs?: readonly string[];
  /** Count what would be sent, send nothing. */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  /** Told once, before the engine starts: the units and documents this run has to translate. */
  readonly onPlan?: (plan: TranslatePlan) => void;
  /** Told after each batch: units done of the whole run, and the document being translated. */
  readonly onProgress?: (progress: TranslateProgress) => void;
  /** Told as each document is finished, before the next one starts. */
  readonly onResult?: (result: TranslateResult) => void;
  /** Let the pseudo engine fill the store of a real language (not a pseudo-locale). */
  readonly force?: boolean;
  /** Units per engine call; the store is saved after each, so an interruption loses at most one batch. */
  readonly batchSize?: number;
}

export interface TranslatePlan {
  /** Units to translate in the whole run (memory matches included), and the documents they are in. */
  readonly units: number;
  readonly documents: number;
}

export interface TranslateProgress {
  readonly lang: string;
  readonly doc: string;
  /** Units done and to do in the whole run. */
  readonly done: number;
  readonly total: number;
}

export interface TranslateResult {
  readonly lang: string;
  readonly doc: string;
  readonly units: number;
  readonly words: number;
  readonly characters: number;
  readonly translated: number;
  /** Units filled from exact translation-memory matches instead of MT. */
  readonly fromMemory: number;
  /** Units whose MT output failed an error-level check: stored as needs-review, with the reasons. */
  readonly flagged: readonly FlaggedUnit[];
  readonly interrupted: boolean;
}

/**
 * Names and terms to keep away from the engine: do-not-translate glossary
 * entries (written back as they are), multi-word glossary names (written back
 * in their approved form) and multi-word names found in the source (written
 * back verbatim). Engines split and reorder multi-word names ("Ain Al Asad air
 * base" → "Ain base de aire de Asad de Al"); single words they leave alone or
 * translate in ways the glossary approves.
 */
export function protectedTerms(doc: Document, glossary: Glossary, lang: string): ProtectedTerm[] {
  const terms = new Map<string, string>();
  for (const e of glossary.entries) {
    if (e.doNotTranslate) terms.set(e.source, e.source);
    else if (e.isName && /\s/u.test(e.source)) terms.set(e.source, renderingsFor(e, lang)[0] ?? e.source);
  }
  for (const u of doc.units) {
    for (const n of findNames(textOnly(u.source), doc.sourceLang)) {
      // Names of common words ("White House") are the engine's to translate; the others are kept.
      if (
        n.words.length > 1 &&
        n.kind !== 'common' &&
        !terms.has(n.text) &&
        ![...terms.keys()].some((t) => t.includes(n.text) || n.text.includes(t))
      ) {
        // A country keeps its CLDR name in the target ("United States" → "Estados Unidos"); other names stay verbatim.
        terms.set(n.text, (n.cldr ? cldrRenderings(n.cldr, lang)[0] : undefined) ?? n.text);
      }
    }
  }
  return [...terms].map(([source, replacement]) => ({ source, replacement }));
}

export async function translate(project: Project, options: TranslateOptions): Promise<TranslateResult[]> {
  const langs = chooseLanguages(project, options.langs);
  if (options.engine === 'pseudo' && !options.force && !options.dryRun) {
    const real = langs.filter((l) => !isPseudoLocale(l));
    if (real.length) {
      throw new LocflowError(
        `${real.map((l) => `"${l}"`).join(', ')} ${real.length === 1 ? 'is not a pseudo-locale' : 'are not pseudo-locales'}: pseudo text would fill ${real.length === 1 ? 'its' : 'their'} translation store`,
        {
          hint: 'pseudo-translate a pseudo-locale (en-XA, ar-XB, qps-ploc, or a private-use tag such as de-x-pseudo) added to targetLanguages, with --lang; or pass --force to fill a real language with pseudo text anyway',
        },
      );
    }
  }
  const docs = loadDocuments(project);
  let engine: Engine;
  try {
    engine = await createEngine(options.engine, project.config.mt);
  } catch (err) {
    throw asLocflowError(err) ?? err;
  }
  const qa = qaOptions(project);
  const results: TranslateResult[] = [];
  const memory = options.dryRun ? null : await openMemory(project, false);
  // Every document's work is known before the engine starts: progress is told against the whole run.
  const jobs = langs.flatMap((lang) =>
    docs.map((doc) => {
      const bundle = loadBundle(project, lang, doc);
      return { lang, doc, bundle, todo: storedUnits(doc, bundle).filter((s) => s.target === undefined) };
    }),
  );
  const total = jobs.reduce((n, j) => n + j.todo.length, 0);
  options.onPlan?.({ units: total, documents: jobs.filter((j) => j.todo.length).length });
  let done = 0;
  const finish = (r: TranslateResult): void => {
    results.push(r);
    options.onResult?.(r);
  };
  try {
    for (const { lang, doc, bundle, todo } of jobs) {
      const base = {
        lang,
        doc: doc.id,
        units: todo.length,
        words: todo.reduce((n, s) => n + countWords(s.unit.source), 0),
        characters: todo.reduce((n, s) => n + textOnly(s.unit.source).length, 0),
      };
      if (options.dryRun || todo.length === 0) {
        finish({ ...base, translated: 0, fromMemory: 0, flagged: [], interrupted: false });
        continue;
      }
      const progress = (): void => options.onProgress?.({ lang, doc: doc.id, done, total });
      progress();
      let labels: Map<string, string> | undefined; // made on the first flagged unit
      // Pseudo text stands for the source language: its names are written back as the source has them.
      const terms = protectedTerms(
        doc,
        qa.glossary ?? { entries: [] },
        engine.name === 'pseudo' ? doc.sourceLang : lang,
      );
      const translations: Record<string, string> = { ...bundle.translations };
      const meta: Record<string, UnitMeta> = { ...bundle.meta };
      const flagged: FlaggedUnit[] = [];
      let translated = 0;
      // The memory first: an exact match costs nothing and was approved by a person.
      let fromMemory = 0;
      if (memory) {
        for (const s of [...todo]) {
          const m = (await memory.exact(contentToI18n(s.unit.source), doc.sourceLang, lang, contextOf(s.unit)))[0];
          if (!m || m.score < 100) continue;
          translations[s.unit.id] = m.target;
          meta[s.unit.id] = {
            state: m.inContext ? 'translated' : 'needs-review',
            origin: 'tm',
            source: contentToI18n(s.unit.source),
          };
          todo.splice(todo.indexOf(s), 1);
          fromMemory++;
        }
        if (fromMemory) {
          await save(project, lang, doc, { translations, meta });
          done += fromMemory;
          progress();
        }
      }
      let interrupted = false;
      const size = options.batchSize ?? 200;
      for (let from = 0; from < todo.length; from += size) {
        if (options.signal?.aborted) {
          interrupted = true;
          break;
        }
        const batch = todo.slice(from, from + size);
        let outputs: Array<{ s: StoredUnit; target: Run[] }>;
        try {
          // Pseudo-translation is computed, not sent: the same text "locflow pseudo" writes.
          outputs =
            engine.name === 'pseudo'
              ? batch.map((s) => ({ s, target: pseudoContent(s.unit.source, { keep: terms }) }))
              : await translateBatch(engine, batch, doc.sourceLang, lang, terms, options.signal);
        } catch (err) {
          if (options.signal?.aborted) {
            interrupted = true;
            break;
          }
          throw asLocflowError(err) ?? err;
        }
        // The QA gate: MT output that fails an error-level check is kept, but as needs-review.
        const { issues } = await checkPairs(
          outputs.map(({ s, target }) => ({
            id: s.unit.id,
            source: s.unit.source,
            target,
            sourceLang: doc.sourceLang,
            targetLang: lang,
            file: doc.path,
          })),
          { ...qa, only: ['error'] },
        );
        const failing = new Map<string, string[]>();
        for (const i of issues) failing.set(i.unit, [...(failing.get(i.unit) ?? []), `${i.check}: ${i.message}`]);
        for (const { s, target } of outputs) {
          translations[s.unit.id] = contentToI18n(target);
          meta[s.unit.id] = {
            state: failing.has(s.unit.id) ? 'needs-review' : 'translated',
            origin: `mt:${engine.name}`,
            source: contentToI18n(s.unit.source),
          };
          const problems = failing.get(s.unit.id);
          if (problems)
            flagged.push({ unit: s.unit.id, label: (labels ??= documentLabels(doc)).get(s.unit.id), problems });
          translated++;
        }
        await save(project, lang, doc, { translations, meta });
        done += batch.length;
        progress();
      }
      finish({ ...base, translated, fromMemory, flagged, interrupted });
      if (interrupted) return results;
    }
  } finally {
    await memory?.close();
  }
  return results;
}

/**
 * Saves what this run translated into the store, under the project lock: the bundle is read again
 * and only units still untranslated there are filled, so a translation that an import (or another
 * translate) stored while the engine worked is kept — machine translation never overwrites one.
 * The lock is held only for the read-modify-write, not while the engine works.
 */
async function save(project: Project, lang: string, doc: Document, ours: Bundle): Promise<void> {
  await withProjectLock(project.root, 'translate', () => {
    const fresh = loadBundle(project, lang, doc);
    const translations: Record<string, string> = { ...fresh.translations };
    const meta: Record<string, UnitMeta> = { ...fresh.meta };
    for (const [id, text] of Object.entries(ours.translations)) {
      if (translations[id] !== undefined) continue;
      translations[id] = text;
      const m = ours.meta[id];
      if (m) meta[id] = m;
    }
    writeBundle(
      bundlePath(project, lang, doc),
      { translations, meta },
      doc.units.map((u) => u.id),
    );
  });
}

async function translateBatch(
  engine: Engine,
  batch: readonly StoredUnit[],
  source: string,
  target: string,
  terms: readonly ProtectedTerm[],
  signal?: AbortSignal,
): Promise<Array<{ s: StoredUnit; target: Run[] }>> {
  const prepared = batch.map((s) => ({ s, p: protectForMt(s.unit.source, terms) }));
  const out = await engine.translate(
    prepared.map(({ p }) => p.html),
    { source, target },
    signal,
  );
  if (out.length !== prepared.length)
    throw new MtError(`${engine.name} returned ${out.length} translations for ${prepared.length} units`);
  return prepared.map(({ s, p }, i) => {
    const restored = restoreFromMt(out[i]!, p.slots, s.unit.source);
    return { s, target: restored.content };
  });
}
