import { primarySubtag } from '../../model/language.js';
import { renderingsFor } from '../glossary.js';
import { cldrAdjectives, cldrLanguageOfRegion, cldrNameOf, cldrRenderings, type CldrName } from '../names/cldr.js';
import { CONNECTORS, findNames, isGroupWord, type FoundName } from '../names/detect.js';
import { fewerRegionMentions } from '../names/region-mentions.js';
import {
  capitalPieces,
  firstCapitalOnly,
  keptAtEachMention,
  keptElsewhereInLatin,
  lostFromOtherScript,
  renderedOtherwise,
} from '../names/other-script.js';
import { latinSkeletonOf } from '../names/romanize.js';
import { shortRendering } from '../names/short-rendering.js';
import { editDistance } from '../names/similar.js';
import { tornRendering } from '../names/torn-rendering.js';
import { MAX_WORDS_FOR_RESPELLINGS, PLACE_MARGIN, TargetText, type WordMatch } from '../names/target.js';
import { isCommonWord, isFrequentWord, isGermanWord, isGivenName, isLegalForm, isTitle } from '../names/words.js';
import { fold } from '../text.js';
import { keptInRun, lowerCaseWords, type KeptCount, type KeptInRun } from '../names/kept.js';
import {
  givenNamesInRun,
  mentionsInRun,
  namedAloneInRun,
  type GivenNamesOf,
  type MentionedBefore,
  type NamedAlone,
  wholeMentions,
} from '../names/mentions.js';
import type { CheckContext, CollectionCheck, Finding, QaPair, Severity, SliceFindings } from '../types.js';
import { wholeRun } from '../whole-run.js';
import { LocflowError } from '../../errors.js';
import { settingsFrom, type Json, type Place } from '../../settings.js';
import { translated } from '../preconditions.js';
import { URL, URL_HINT } from '../../protect/patterns.js';
import { calendarName } from '../../locale/months.js';
import { nothingLost } from '../names/nothing-lost.js';

const quote = (s: string): string => `"${s}"`;

const OPTIONS = {
  /**
   * The severity of a one-word name no dictionary has, not in the target, where every target name unlike it
   * begins with another sound: usually lost (Buffett dropped), sometimes an exonym no list has (Netherlands →
   * Holanda). "warning" by default; "error" catches about 1 % more deleted names for about 0.3 % more false
   * alarms on professional translations (README, "Accuracy").
   */
  unlikeNames: {
    default: 'warning' as Severity,
    read: warningOrError,
  },
  /**
   * The severity of a name with inner capitals or of words no dictionary has that a target in another script has
   * neither in Latin letters nor transliterated, where the target keeps no Latin word and no other unit keeps the name
   * (such a translation may render every name its own way). By default "error" in an Arabic target, whose
   * transliterations the check reads (about 5 % more of Arabic's deleted names caught for 0.05 % more false alarms on
   * professional translations: README, "Accuracy"), and "warning" in other scripts, whose it does not (none, for a
   * name with inner capitals).
   */
  otherScriptNames: {
    default: undefined as Severity | undefined,
    read: warningOrError,
  },
};

function warningOrError(value: Json, key: string, place: Place): Severity {
  if (value === 'warning' || value === 'error') return value;
  throw new LocflowError(`${key} must be "warning" or "error"`, { file: place.file });
}

/**
 * Names of the source must be in the target the way translators render them.
 * Error only where a rendering cannot explain the difference: a glossary name
 * not in an approved form, a coded name (F-35, COVID-19) not kept, a misspelt
 * or split name, a name of no dictionary found by no means at all. A name of
 * common words ("White House") or an acronym that may be localised, found by
 * no means, is a warning asking how it was translated.
 */
export const names: CollectionCheck = {
  id: 'names',
  severity: 'error',
  preconditions: [translated],
  options: OPTIONS,
  description:
    'Proper names must be in the target: verbatim, inflected, as a glossary, learnt or CLDR rendering, a localised acronym, a cognate or a transliteration; misspelt, split or lost names, and names the other units keep but this one lacks, are errors; untraced translatable names warnings.',
  // The whole run at once: how the other units render a name tells whether this one lost it.
  runAll(pairs, context) {
    return wholeRun(names.start!(context), pairs);
  },
  // The run's texts learnt first, then each unit checked against what the others do.
  start(context) {
    // The run's options read once, not per pair.
    const settings = settingsFrom(OPTIONS, context.settings);
    const glossaryNames = context.glossary.entries.some((e) => e.isName);
    const units: Array<{ source: string; target: string; sourceLang: string; targetLang: string; file: string }> = [];
    let run:
      | {
          kept: KeptInRun;
          lowerCase: (lang: string) => ReadonlySet<string> | undefined;
          sourceLowerCase: (lang: string) => ReadonlySet<string> | undefined;
          mentioned: MentionedBefore;
          givenNames: GivenNamesOf;
          namedAlone: NamedAlone;
        }
      | undefined;
    let next = 0;
    return {
      learn(pair, { source, target }) {
        if (translated.holds(pair))
          units.push({ source, target, sourceLang: pair.sourceLang, targetLang: pair.targetLang, file: pair.file });
      },
      check(slice) {
        run ??= {
          kept: keptInRun(units),
          lowerCase: lowerCaseWords(
            units,
            (u) => u.target,
            (u) => u.targetLang,
          ),
          sourceLowerCase: lowerCaseWords(
            units,
            (u) => u.source,
            (u) => u.sourceLang,
          ),
          mentioned: mentionsInRun(units),
          givenNames: givenNamesInRun(units, isGivenName),
          namedAlone: namedAloneInRun(units),
        };
        const { kept, lowerCase, sourceLowerCase, mentioned, givenNames, namedAlone } = run;
        const out: SliceFindings = [];
        for (const pair of slice) {
          if (!translated.holds(pair)) continue;
          const i = next++;
          const u = units[i]!;
          // (a unit whose names all stand in the target as written, or that has none: nothing to read it for)
          if (nothingLost(u.source, u.target, pair.sourceLang, pair.targetLang, glossaryNames)) continue;
          const mentionedHere = (w: string): ReturnType<MentionedBefore> => mentioned(w, i);
          const givenNamesHere = (w: string): ReadonlySet<string> => givenNames(w, i);
          const namedAloneHere = (w: string, before: string): boolean => namedAlone(w, before, i);
          for (const finding of checkPair(
            pair,
            u.source,
            u.target,
            context,
            kept,
            lowerCase,
            mentionedHere,
            sourceLowerCase,
            givenNamesHere,
            namedAloneHere,
            settings,
          ))
            out.push({ pair, finding });
        }
        return out;
      },
    };
  },
};

/**
 * The target with its web addresses (the URLs the protector and urls-emails know) blanked: underscores of the same
 * length, so that places in the text stay and brackets around an address are not left empty. A name is not taken
 * as kept because a path or a host spells it ("PubMed" cut, ".../pubmed/" left).
 */
function withoutAddresses(text: string): string {
  return URL_HINT.test(text) ? text.replace(URL, (m) => '_'.repeat(m.length)) : text;
}

/** Where the source's web addresses stand: a name inside one ("HX" of ".../UlBi-HX_rHP") is none to look for. */
function addressSpans(text: string): Array<[number, number]> {
  return URL_HINT.test(text) ? [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length]) : [];
}

function checkPair(
  pair: QaPair,
  src: string,
  targetText: string,
  context: CheckContext,
  kept: KeptInRun,
  lowerCase: (lang: string) => ReadonlySet<string> | undefined,
  mentionedBefore: (word: string) => ReturnType<MentionedBefore>,
  sourceLowerCase: (lang: string) => ReadonlySet<string> | undefined,
  givenNames: (word: string) => ReadonlySet<string>,
  namedAlone: (word: string, before: string) => boolean,
  { unlikeNames, otherScriptNames }: { readonly unlikeNames: Severity; readonly otherScriptNames?: Severity },
): Finding[] {
  const target = new TargetText(withoutAddresses(targetText), pair.targetLang, lowerCase(pair.targetLang), src);
  const findings: Finding[] = [];
  const covered: Array<[number, number]> = [];
  const glossaryNames = context.glossary.entries.filter((e) => e.isName);
  if (glossaryNames.length) {
    // The source read once for every glossary name.
    const source = new TargetText(src, pair.sourceLang);
    for (const entry of glossaryNames) {
      const at = source.folded.indexOf(fold(entry.source));
      if (at < 0 || !source.hasPhrase(entry.source)) continue;
      covered.push([at, at + entry.source.length]);
      const renderings = renderingsFor(entry, pair.targetLang);
      if (renderings.some((r) => target.hasPhrase(r))) continue;
      findings.push(glossaryFinding(entry.source, renderings, target, entry.doNotTranslate));
    }
  }
  const seen = new Set<string>();
  let sourceText: TargetText | undefined;
  let ownNames: boolean | undefined;
  let ownAcronyms: boolean | undefined;
  const found = findNames(src, pair.sourceLang);
  const addresses = addressSpans(src);
  // What CLDR calls the source's countries in the target: a target name that is one of those translates no other name.
  const renderings = found.flatMap((n) => (n.cldr ? cldrRenderings(n.cldr, pair.targetLang) : []));
  const look = (name: FoundName): Finding | undefined =>
    lookFor(
      name,
      target,
      {
        text: src,
        lang: pair.sourceLang,
        renderings,
        expands: (acronym) => (sourceText ??= new TargetText(src, pair.sourceLang)).hasExpansion(acronym),
        acronymsOf: (n) => {
          const initials = letters(n.words.filter((w) => !CONNECTORS.has(w)).map((w) => fold(w)[0]!));
          return found
            .filter((o) => o.kind === 'acronym' && letters([...fold(o.text).replace(/s$/u, '')]) === initials)
            .map((o) => o.text);
        },
        unlikeNames,
        otherScriptNames: otherScriptNames ?? otherScriptDefault(pair.targetLang),
        kept: (n) => kept(n, src, pair.targetLang),
        keptWord: (n, w) => kept.word(n, w, src, pair.targetLang),
        mentionedBefore,
        givenNames,
        namedAlone,
        keptInLatin: (n) =>
          target.nonLatin
            ? found.find(
                (o) =>
                  o !== n &&
                  (o.kind === 'opaque' || o.kind === 'coded') &&
                  o.text.length >= 4 &&
                  /^[\p{Script=Latin}\p{N}\s.-]+$/u.test(o.text) &&
                  target.hasPhrase(o.text),
              )?.text
            : undefined,
        onlyAsName: (word) => {
          const lower = sourceLowerCase(pair.sourceLang);
          return lower !== undefined && !lower.has(fold(word));
        },
        keptFullName: (n) =>
          found.find(
            (o) =>
              o !== n &&
              o.kind === 'opaque' &&
              o.words.length >= 2 &&
              personLike(o, pair.sourceLang, true) &&
              target.hasPhrase(o.text),
          )?.text,
        otherNames: (n) => {
          const mine = new Set(n.words.map((w) => fold(w)));
          return new Set(
            found
              .filter((o) => o !== n)
              .flatMap((o) => o.words.map((w) => fold(w)).filter((w) => !mine.has(w) && !CONNECTORS.has(w))),
          );
        },
        targetHasOwnNames: () => (ownNames ??= target.unexplainedCapitals(src, renderings).length > 0),
        targetHasOwnAcronyms: () => {
          if (ownAcronyms === undefined) {
            const words = new Set(fold(src).match(/[\p{L}\p{M}\p{N}]+/gu));
            ownAcronyms = target.acronyms().some((a) => !words.has(a));
          }
          return ownAcronyms;
        },
      },
      pair.targetLang,
      context.learnt?.(name.text, pair.targetLang) ?? [],
    );
  const asked: FoundName[] = [];
  for (const name of found) {
    const end = name.start + name.text.length;
    // The glossary governs its own spans; a name that occurs twice is looked for once.
    if (
      covered.some(([s, e]) => name.start < e && end > s) ||
      seen.has(name.text) ||
      addresses.some(([s, e]) => name.start >= s && name.start < e)
    )
      continue;
    seen.add(name.text);
    // A run of more capitalised words than any name has is a heading or noise, not a name.
    if (name.words.length > MAX_NAME_WORDS) continue;
    asked.push(name);
  }
  // Each gap to one lost name: first to those lost by other means (where they stood), then to the asking name
  // nearest to it, then to any that asks.
  target.gapsFirstToLost();
  const nameFindings: Array<Finding | undefined> = [];
  const askers: number[] = [];
  const askedAt: number[] = [];
  for (const [k, name] of asked.entries()) {
    const finding = look(name);
    nameFindings.push(finding);
    const places = target.takeAsked();
    if (places.length === 0 || isError(finding)) continue;
    askers.push(k);
    for (const place of places) if (place !== undefined) askedAt.push(place);
  }
  if (askers.length && target.hasGap) {
    target.gapsToNearest(askedAt);
    const refused: number[] = [];
    for (const k of askers) {
      nameFindings[k] = look(asked[k]!);
      if (target.takeRefusal() && !isError(nameFindings[k])) refused.push(k);
    }
    target.gapsToFirst();
    if (refused.length && target.hasGap) for (const k of refused) nameFindings[k] = look(asked[k]!);
  }
  for (const finding of nameFindings) if (finding) findings.push(finding);
  if (target.respellingsSkipped)
    context.notice(
      `names: a unit of more than ${MAX_WORDS_FOR_RESPELLINGS} distinct words is checked for names kept as written or inflected only`,
    );
  return findings;
}

const MAX_NAME_WORDS = 12;

/**
 * qa.otherScriptNames where the configuration leaves it out: an error in Arabic, whose transliterations the check
 * reads (romanize.ts), so a name neither kept nor transliterated there was lost; a warning in other scripts, where a
 * correct transliteration (テイジン, Μεντικάγκο) is not read as one.
 */
function otherScriptDefault(targetLang: string): Severity {
  return primarySubtag(targetLang) === 'ar' ? 'error' : 'warning';
}

function isError(finding: Finding | undefined): boolean {
  return finding !== undefined && (finding.severity ?? 'error') === 'error';
}

function glossaryFinding(
  name: string,
  renderings: readonly string[],
  target: TargetText,
  doNotTranslate: boolean,
): Finding {
  const approved = renderings.filter((r) => r !== name);
  if (!doNotTranslate && target.hasPhrase(name)) {
    // The name is intact, only not in its approved form: a terminology matter, not a lost name.
    return {
      message: `name "${name}" is kept as in the source; the approved rendering is ${renderings.map(quote).join(' or ')}`,
      severity: 'warning',
    };
  }
  if (doNotTranslate) return { message: `name "${name}" is not to be translated and is missing from the target` };
  return {
    message: `name "${name}" is missing from the target${approved.length ? ` (approved: ${approved.map(quote).join(', ')})` : ''}`,
  };
}

/** What a name is looked for against, besides the target. */
interface SourceSide {
  readonly text: string;
  readonly lang: string;
  /** Target renderings of the source's CLDR names. */
  readonly renderings: readonly string[];
  /** Whether the source spells an acronym out in capitalised words ("Free Trade Agreement" for FTA). */
  expands(acronym: string): boolean;
  /** The source's acronyms whose letters are the initials of a name's words (NCUA: National Credit Union Administration). */
  acronymsOf(name: FoundName): string[];
  /** The severity of a lost one-word name where no target name is like it (the option qa.unlikeNames). */
  readonly unlikeNames: Severity;
  /** Whether a name lost from another script's target that keeps no Latin word is an error (qa.otherScriptNames). */
  readonly otherScriptNames: Severity;
  /** Whether the target has capitalised words no source word explains (asked once per unit). */
  targetHasOwnNames(): boolean;
  /** Whether the target has acronyms the source has not (asked once per unit). */
  targetHasOwnAcronyms(): boolean;
  /** Another person's name of the source (two words or more, none a dictionary's) that the target keeps in full. */
  keptFullName(name: FoundName): string | undefined;
  /** The folded words of the source's names other than this one. */
  otherNames(name: FoundName): ReadonlySet<string>;
  /** How the run's other units with the name in their source render it. */
  kept(name: string): KeptCount;
  /** How the run's other units with the name in their source render one word of it. */
  keptWord(name: string, word: string): KeptCount;
  /** Whether an earlier unit of the text names this word; undefined for a unit alone in its file. */
  mentionedBefore(word: string): boolean | undefined;
  /** Whether the run's sources, enough of them to know the language's words, never write this word in lower case. */
  onlyAsName(word: string): boolean;
  /** The folded given names the text writes before this word, a person's surname there ("Steve" before "Jobs"). */
  givenNames(word: string): ReadonlySet<string>;
  /** Whether the text writes this word as a name without `before` right before it ("Pelta said", not only "Miroslav Pelta"). */
  namedAlone(word: string, before: string): boolean;
  /** Another name of the source, no dictionary's nor an acronym, that a target in another script keeps in Latin letters. */
  keptInLatin(name: FoundName): string | undefined;
}

/** A name the run's other units keep as written, mostly: one this unit should keep too. */
function keptByOthers({ withName, keeping }: KeptCount): boolean {
  return keeping >= MIN_KEEPING_UNITS && keeping >= SHARE_KEEPING * withName;
}
const MIN_KEEPING_UNITS = 2;
// Units enough that keep an acronym as written for a unit without it to have lost it beside an acronym of its own.
const MIN_KEEPING_ACRONYM = 3;
const SHARE_KEEPING = 0.8;

/** One source name against the target: undefined when it is there in some accepted form. */
function lookFor(
  name: FoundName,
  target: TargetText,
  source: SourceSide,
  targetLang: string,
  learnt: readonly string[],
): Finding | undefined {
  const finding = lookForLost(name, target, source, targetLang, learnt);
  // A name found lost otherwise stood where it stood: a gap there is its own, not a later name's (`de aux États-Unis`
  // where `Portillo` was cut is no loss of `United States`).
  if (finding && isError(finding) && !finding.message.includes('has a gap')) {
    const place = placeFor(name, source.text);
    if (place !== undefined && target.hasGap) target.gap(place, true);
  }
  return finding;
}

function lookForLost(
  name: FoundName,
  target: TargetText,
  source: SourceSide,
  targetLang: string,
  learnt: readonly string[],
): Finding | undefined {
  const found = lookForAsName(name, target, source, targetLang, learnt);
  if (!found || (found.severity ?? 'error') !== 'error') {
    const start = lostAtSentenceStart(name, source.text, target);
    if (start !== undefined)
      return {
        message: `name "${name.text}" is ${start.inTarget > 0 ? `${start.inSource} times in the source, ${start.inTarget} in the target` : 'not in the target'}, whose sentence begins in lower case where it stood ("${start.word}")`,
      };
  }
  // A name not in the target, where the target has a gap about where the name stood — a preposition before nothing,
  // "la Universidad de, en", "à et" —: the words that stood there were cut out, not translated. So also for a name
  // taken as rendered by no word of it as written (an adjective, a respelling, a translated common word: "Costa Rica"
  // by "costarricenses", "Windows" by nothing), where no CLDR, learnt or glossary rendering stands.
  if (!found) {
    const fewer = fewerRegionMentions(name, source.text, target, targetLang);
    if (fewer)
      return {
        message: `name "${name.text}" is named ${fewer.inSource} times in the source, by its name or a word made from it, ${fewer.inTarget} in the target`,
      };
    const site = siteLost(name, source.text, target);
    if (site !== undefined)
      return { message: `name "${name.text}" is lost before "${site}", where the source writes "${name.text}${site}"` };
    const torn = tornRendering(name, target, targetLang);
    if (torn !== undefined)
      return { message: `name "${name.text}" is not in the target: "${torn}" is left of its name there` };
    // (each way below needs a gap, found last: most names are kept as written, and most targets never read for gaps;
    // a target in another script is read for them first, its words compared more dearly)
    if (target.nonLatin && !target.hasGap) return undefined;
    if (!cutOut(name, target, source.lang, targetLang, learnt))
      return lostMention(name, source.text, target) ?? cutInPart(name, source.text, target);
    const gap = gapFor(name, source.text, target);
    return gap === undefined
      ? undefined
      : { message: `name "${name.text}" is not in the target as written, and the target has a gap there ("${gap}")` };
  }
  if (isError(found)) return found;
  // (a mention lost where the target has a gap about where it stood: cut out, no pronoun there)
  const counted = `name "${name.text}" is `;
  if (found.message.startsWith(counted) && /^\d+ times in the source, /u.test(found.message.slice(counted.length)))
    return (target.hasGap ? lostMention(name, source.text, target) : undefined) ?? found;
  if (!found.message.startsWith(`name "${name.text}" is not in the target`)) return found;
  const gap = gapFor(name, source.text, target);
  if (gap === undefined) return found;
  return { message: `${found.message.replace(/[;?].*$/u, '')}, and the target has a gap there ("${gap}")` };
}

/**
 * A name that begins a sentence of the source, one of whose mentions the target lacks, where the target's sentence
 * begins with a lower-case word about there (`Kelso also sells` → `también vende`, `… Colonia. detalló`): the words
 * before it were cut, for a translation begins every sentence with a capital. Not after an abbreviation's period
 * (`a.m. una`, `etc. y`): a lower-case word of three letters or more, not an abbreviation, ends the sentence before.
 */
function lostAtSentenceStart(
  name: FoundName,
  text: string,
  target: TargetText,
): { word: string; inSource: number; inTarget: number } | undefined {
  if (target.nonLatin || !/^\p{Lu}/u.test(name.text)) return undefined;
  const before = text.slice(0, name.start);
  // (first in the text, or after one word: "Weather Conditions")
  const first = /^[\s"“„«'‘(]*(?:\p{Lu}[\p{L}\p{M}'’-]*\s+)?$/u.test(before);
  const afterBreak = /(?:[\p{Ll}\p{N})"”’»][.!?]["”’»]?|\s[-–—])\s+$/u.test(before);
  if (!first && !afterBreak) return undefined;
  const inSource = wholeMentions(text, name.text).length;
  const inTarget = target.phraseCount(name.text, inSource);
  if (inTarget >= inSource) return undefined;
  if (first && /^[\s"“„«'‘(¿¡]*\p{Ll}/u.test(target.text)) {
    const lower = /^[\s"“„«'‘(¿¡]*(\p{Ll}[\p{L}\p{M}'’-]*)/u.exec(target.text);
    return lower === null || /^[\s"“„«'‘(¿¡]*\p{Ll}/u.test(text) ? undefined : { word: lower[1]!, inSource, inTarget };
  }
  if (!afterBreak) return undefined;
  const place = (name.start + name.text.length / 2) / Math.max(1, text.length);
  for (const m of target.text.matchAll(/(?<![\p{L}\p{N}.])(\p{L}{3,})[.!?]["”’»]?\s+(\p{Ll}[\p{L}\p{M}'’-]*)/gu)) {
    if (ABBREVIATIONS.has(m[1]!.toLowerCase()) || isTitle(m[1]!) || isLegalForm(m[1]!)) continue;
    const at = (m.index + m[0].length) / Math.max(1, target.text.length);
    if (Math.abs(at - place) <= PLACE_MARGIN) return { word: m[2]!, inSource, inTarget };
  }
  return undefined;
}

// Lower-case abbreviations of three letters or more that end in a period inside a sentence.
const ABBREVIATIONS = new Set(
  'etc aprox approx núm pág págs tel art arts cap caps vol vols ed eds fig figs dept corp bros ca env bzw usw vgl ggf evtl inkl zzgl'.split(
    ' ',
  ),
);

/**
 * A name the source writes more often than the target, where the target has a gap about where one of its mentions
 * stood (`die Twitter-Sprecherin` → `die-Sprecherin` beside `Twitter-Menü`): that mention was cut out, not replaced by
 * a pronoun.
 */
function lostMention(name: FoundName, text: string, target: TargetText): Finding | undefined {
  // (a target in another script only where it keeps the name in Latin letters: "MVA--S" beside "ChAdOx1-MERS")
  if (target.nonLatin && !target.hasLatinWords) return undefined;
  const mentions = wholeMentions(text, name.text);
  if (mentions.length < 2) return undefined;
  const inTarget = target.phraseCount(name.text, mentions.length);
  if (inTarget >= mentions.length || (target.nonLatin && inTarget === 0) || placeFor(name, text) === undefined)
    return undefined;
  for (const at of mentions) {
    const gap = target.gap((at + name.text.length / 2) / Math.max(1, text.length));
    if (gap !== undefined)
      return {
        message: `name "${name.text}" is ${mentions.length} times in the source, ${inTarget} in the target, and the target has a gap where one stood ("${gap}")`,
      };
  }
  return undefined;
}

/**
 * A name some word of which the target has only respelled or not at all, where the target has a gap about where it
 * stood (`Royal Society of Canada` → `la Société Royale du.`, beside `Canadiens`): that word was cut out, not rendered.
 */
function cutInPart(name: FoundName, text: string, target: TargetText): Finding | undefined {
  // (a target in another script that keeps words in Latin letters: its gaps are where those stood)
  if (target.nonLatin && !target.hasLatinWords) return undefined;
  const words = name.words.filter((w) => !CONNECTORS.has(w) && !isTitle(w));
  if (words.every((w) => target.hasVerbatim(fold(w)))) return undefined;
  const place = placeFor(name, text);
  if (place === undefined) return undefined;
  const gap = target.gap(place);
  return gap === undefined
    ? undefined
    : { message: `name "${name.text}" is not in the target as written, and the target has a gap there ("${gap}")` };
}

/** Whether no word of a name stands in the target as written or inflected, nor a rendering CLDR or the project knows. */
function cutOut(
  name: FoundName,
  target: TargetText,
  sourceLang: string,
  targetLang: string,
  learnt: readonly string[],
): boolean {
  if (target.hasPhrase(name.text) || learnt.some((r) => target.hasPhrase(r))) return false;
  if (name.cldr && cldrRenderings(name.cldr, targetLang).some((r) => target.hasPhrase(r))) return false;
  const words = name.words.filter((w) => !CONNECTORS.has(w));
  // (in another script: a name with a word no dictionary has, taken as translated, nor transliterated: "(APP)" → "()")
  if (target.nonLatin)
    return (
      words.some((w) => !isCommonWord(w, sourceLang)) &&
      words.every((w) => partsOf(fold(w)).every((p) => target.findWord(p) === undefined))
    );
  return words.every((w) => !target.hasVerbatim(fold(w)));
}

function lookForAsName(
  name: FoundName,
  target: TargetText,
  source: SourceSide,
  targetLang: string,
  learnt: readonly string[],
): Finding | undefined {
  const plain = lookForAs(name, undefined, target, source, targetLang, learnt);
  if (isError(plain)) return plain;
  // A person's name is kept, adapted or transliterated, never translated, though its words are common ones: read as
  // one, a name may be lost where read by its words it was translated (never the other way round).
  // (a word abbreviated inside a sentence, "the Law Dept. could", names an office, not a person)
  const abbreviated = /^\.\s*\p{Ll}/u.test(source.text.slice(name.start + name.text.length));
  const person = abbreviated ? undefined : (personWords(name, source.lang) ?? surnameInText(name, source));
  // (a name whose every word stands in the target as written is no more lost read as a person's)
  if (!person || (!plain && [...person].every((w) => target.hasVerbatim(w)))) return plain;
  const asPerson = lookForAs(name, person, target, source, targetLang, learnt);
  return isError(asPerson) ? asPerson : plain;
}

function lookForAs(
  asFound: FoundName,
  personal: ReadonlySet<string> | undefined,
  target: TargetText,
  source: SourceSide,
  targetLang: string,
  learnt: readonly string[],
): Finding | undefined {
  const sourceLang = source.lang;
  let person = personal;
  let name: FoundName = person && asFound.kind === 'common' ? { ...asFound, kind: 'opaque' } : asFound;
  const content = name.words.filter((w) => !CONNECTORS.has(w) && !isTitle(w)).map((w) => fold(w));
  const parts = content.flatMap(partsOf);
  // A slip of the keyboard in a name that is otherwise kept: "Tymoshenko" → "Tymoshneko", "Austria" → "Austira",
  // also when another mention of the name is spelt right.
  for (const w of parts) {
    if (w.length < 5) continue;
    const slip = target.transposed(w);
    // A common word's ending may be respelled (Center → centre, Minister → ministre); a name's letters may not.
    if (!slip || (isCommonWord(w, sourceLang) && slip.slice(0, -2) === w.slice(0, -2))) continue;
    // A common word respelled into a word of the target's language ("Specialties" → "spécialités") is a rendering.
    if (isCommonWord(w, sourceLang) && target.writesInLowerCase(slip)) continue;
    return { message: `name "${name.text}" is misspelt in the target ("${slip}")` };
  }
  const cldr = name.cldr ? cldrRenderings(name.cldr, targetLang) : [];
  if (target.hasPhrase(name.text)) return fewerMentions(name, target, source.text);
  if (learnt.some((r) => target.hasPhrase(r)) || cldr.some((r) => target.hasPhrase(r))) return undefined;
  // A country rendered by its adjective: "Germany" → "alemán", "United States" → "estadounidense", "World" →
  // "mundial"; a word made from it, not a lower-case word merely like it ("Costa Rica" is no "cosas"; another script
  // has no capitals to tell: "للفلبين" is "الفلبين" with a clitic).
  // (not by another country's name the source gives, which the target has: "Iran" is no "Irak", "Nigeria" no "Niger")
  const others = name.cldr?.kind === 'region' ? otherRegionWords(cldr, source.renderings) : undefined;
  const another = (words: Iterable<string>): boolean => {
    if (others === undefined || others.size === 0) return false;
    let any = false;
    for (const t of words) {
      if (!others.has(t)) return false;
      any = true;
    }
    return any;
  };
  if (
    cldr.some((r) => {
      const main = mainWord(r);
      if (main === undefined) return false;
      const match = target.findWord(main, !target.nonLatin);
      if (match === 'verbatim' || (match !== undefined && !another(target.wordsLike(main)))) return true;
      return target.hasWordStartingLike(main) && !another(target.wordsStartingLike(main));
    })
  )
    return undefined;
  // Or by the adjective CLDR gives it in a regional language's name: "US competitors" → "concurrents américains".
  if (name.cldr && cldrAdjectives(name.cldr, targetLang).some((a) => target.findWord(fold(a)) !== undefined))
    return undefined;
  // Or by the word of its own language, where the source has no such word to explain it: "Greece's workers" →
  // "trabajadores griegos" (not "Greek workers in Greece" → "trabajadores griegos").
  if (name.cldr && rendersByItsLanguage(name.cldr, target, source.text, sourceLang, targetLang)) return undefined;
  // A temperature scale after "degrees" is written as its symbol: "50 degrees Celsius" → "50 °C", "50 degrés C".
  if (name.words.length === 1 && /(?:°|\bdegrees?)\s*$/iu.test(source.text.slice(0, name.start))) {
    const symbol = new RegExp(`(?:°|\\s)\\s*${name.text.charAt(0)}(?![\\p{L}\\p{N}])`, 'u');
    if (symbol.test(target.text)) return undefined;
  }
  // An acronym is kept, localised or written out, never respelled: "NFS" is not the word "nos".
  const respelled = (m: WordMatch | undefined): WordMatch | undefined =>
    name.kind === 'acronym' && m === 'cognate' ? undefined : m;
  // A word of a name no dictionary has is rendered as a name, not as a lower-case word like it.
  const proper = (w: string): boolean =>
    person?.has(w) || ((name.kind === 'opaque' || name.kind === 'coded') && !isCommonWord(w, sourceLang));
  const look = (): Map<string, WordMatch | undefined> =>
    new Map(
      parts.map((w) => [
        w,
        /^(?:\p{N}+|\p{L})$/u.test(w)
          ? target.hasToken(w)
            ? 'verbatim'
            : undefined
          : respelled(target.findWord(w, proper(w))),
      ]),
    );
  let found = look();
  // (a country's name respelled is another country's the source gives: "Iran" is no "Irak")
  if (others !== undefined)
    for (const [w, m] of found) if (m === 'cognate' && another(target.wordsLike(w))) found.set(w, undefined);
  // No person's name after all: a common word of it rendered respelled, a word translated ("Star League" → "Liga de las
  // Estrellas"); or a word of it kept where only frequent words are missing, a place's head translated ("Victoria
  // Station" → "gare Victoria").
  const words = person ? [...person] : [];
  const unfound = words.filter((w) => found.get(w) === undefined);
  if (
    words.some((w) => isCommonWord(w, sourceLang) && found.get(w) === 'cognate') ||
    (unfound.length > 0 &&
      unfound.length < words.length &&
      unfound.every((w) => isFrequentWord(w, sourceLang)) &&
      // (not a given name alone lost before a surname no dictionary has: "Bill" of "Bill Clinton")
      !(unfound.length === 1 && unfound[0] === words[0] && !isCommonWord(words[words.length - 1]!, sourceLang)))
  ) {
    person = undefined;
    name = asFound;
    found = look();
  }

  // Words only a name has: the dictionary words of a name ("President", "University") may be translated.
  const own = person
    ? parts.filter((w) => person.has(w))
    : name.kind === 'opaque' || name.kind === 'coded'
      ? parts.filter((w) => !isCommonWord(w, sourceLang))
      : [];
  // A nationality before the office and name it describes ("Israeli Prime Minister X") splits nothing when an office
  // comes between: "der israelische Premierminister X".
  // (a person's common words may stand in a compound: "Star League" → "Starliga … League")
  const joined = own.filter((w) => !isGroupWord(w, sourceLang) && !(person && isCommonWord(w, sourceLang)));
  if (joined.length > 1 && joined.every((w) => found.get(w) === 'verbatim')) {
    const split = splitApart(joined, parts, target, name.words);
    if (split) return { message: `name "${name.text}" is split apart in the target (${split})` };
  }
  if (name.kind === 'acronym' && (target.hasLocalisedAcronym(name.text) || target.hasExpansion(name.text)))
    return undefined;
  // A name of common words translated word by word, whose rendering lacks a word for one of its words (also where the
  // target gives its acronym beside it: the words it writes out are short of one).
  if (name.kind === 'common' && !person) {
    const short = shortRendering(parts, (w) => found.get(w) !== undefined, target, targetLang);
    if (short)
      return {
        message: `name "${name.text}" is not in the target in full: "${short.run}" has no word for ${short.lacking.map(quote).join(' ')}`,
      };
  }
  // An acronym the source spells out ("the Free Trade Agreement (FTA)"): the written-out name is checked on its own,
  // and a translation may give only that.
  if (name.kind === 'acronym' && source.expands(name.text)) return undefined;
  // And the other way round: a written-out name beside its acronym ("the National Credit Union Administration
  // (NCUA)") may be given by the acronym only.
  if (
    name.words.length > 1 &&
    source.acronymsOf(name).some((a) => target.hasPhrase(a) || target.hasLocalisedAcronym(a))
  )
    return undefined;
  // The target's names of its own that no source word explains, where the name stood: found once, asked twice.
  let candidateList: readonly string[] | undefined;
  // A surname the text gives with a given name ("Jobs" of "Steve Jobs") is one person's, named only by a proper name.
  const surname = person !== undefined && asFound.words.length === 1;
  const candidates = (): readonly string[] =>
    (candidateList ??= target.nonLatin
      ? []
      : target
          .candidatesFor(
            source.text,
            source.renderings,
            source.otherNames(name),
            placeFor(name, source.text),
            personLike(name, source.lang) || name.cldr?.kind === 'region' || surname,
            // (a person's name of common words, "Law Department" or "Bill Gates", may be a name translated after all)
            person !== undefined && asFound.kind === 'common' && !surname,
          )
          // A given name the text writes before the name is that person's, no rendering of the surname ("Steve ∅").
          .filter(
            (c) =>
              mayRenderAName(c, fold(name.text), targetLang) && !asFound.words.some((w) => source.givenNames(w).has(c)),
          ));
  // A name the other units keep as written is one translators keep: where nothing here renders it, it was lost,
  // though its words are common ones or the target has other capitalised words a translation could be.
  const lost = keptButLost(name, parts, found, target, source, () => candidates().length > 0);
  if (lost) return lost;
  const partly =
    keptWithoutAWord(name, parts, found, target, sourceLang) ??
    lostLastWord(name, parts, found, target, sourceLang) ??
    lostWordRunKeeps(name, found, target, source) ??
    lostSurname(name, person, found, target, source) ??
    keptInEnglishButFor(name, found, target, targetLang) ??
    lostBetweenKept(name, found, target) ??
    lostParticle(name, target) ??
    lostLastOwnWord(name, found, target, sourceLang) ??
    keptInLatinButFor(name, found, target, sourceLang);
  if (partly) return partly;
  const present = parts.filter((w) => found.get(w) !== undefined).length;
  const enough = own.length > 0 ? own.every((w) => found.get(w) !== undefined) : present * 2 >= parts.length;
  if (enough) return undefined;
  // German makes a name one compound ("Charles University" → "Karlsuniversität"): a word of it there, with a part before.
  // (a person's name by a word of it, not by the office before it: "Prime Minister X" → "Premierminister")
  if (
    parts.length > 1 &&
    parts.some((w) => (person === undefined || person.has(w)) && found.get(w) !== undefined && target.hasInCompound(w))
  )
    return undefined;
  // A name shortened to its last word ("Deutsche Bahn" → "die Bahn", "Herman Van Rompuy" → "Van Rompuy") is a style; its last word lost is not.
  const last = own[own.length - 1];
  if (name.kind === 'opaque' && own.length > 1 && last !== undefined && found.get(last) !== undefined) {
    const shortened = `name "${name.text}" is shortened in the target to ${own
      .filter((w) => found.get(w) !== undefined)
      .map(quote)
      .join(' ')}`;
    // Shortened where the text names it for the first time, the reader never learns the rest (see shortenedLoss).
    const why = shortenedLoss(name, person, last, target, source, found);
    if (why !== undefined) return { message: `${shortened}, ${why}` };
    const runKeeps = shortenedWhereRunKeeps(name, own, found, source);
    if (runKeeps !== undefined) return { message: `${shortened}, where ${runKeeps}` };
    return { message: shortened, severity: 'warning' };
  }

  const missing = `name "${name.text}" is not in the target`;
  // A target name of its own that no source word explains: the name was translated, not lost.
  const translatedAs = (): Finding | undefined => {
    const other = candidates();
    return other.length
      ? { message: `${missing} as written; translated as ${other.map(quote).join(' or ')}?`, severity: 'warning' }
      : undefined;
  };
  switch (name.kind) {
    case 'coded': {
      // Another script spells out or translates the letters (ACE2 → "أيه سي إي 2", CoVs → "فيروسات كورونا"); its digits still stand.
      const digits = parts.filter((w) => /^\p{N}+$/u.test(w));
      if (target.nonLatin && digits.length > 0 && digits.every((w) => found.get(w))) return undefined;
      if (target.nonLatin && digits.length === 0 && codedLost(name, sourceLang, target, source, found))
        return { message: `${missing}: a name with inner capitals is kept as written or transliterated` };
      if (target.nonLatin && digits.length === 0)
        return target.hasLatinWords
          ? { message: `${missing} as written; its letters translated?`, severity: 'warning' }
          : undefined;
      return { message: `${missing}: a name with digits or inner capitals is kept as written` };
    }
    case 'opaque': {
      if (target.nonLatin) {
        // (a name of words no dictionary has and the run's sources never write in lower case: not "Robert Koch
        // Institute", whose "Institute" is translated, nor "Coronavirus")
        // (or one that ends in such a word, a firm's own name after common words, none of its own words there,
        // neither kept nor transliterated: "Emergent Biosolutions" → ∅ beside "Novavax Inc." kept; not one whose
        // common head a translation renders, "Kestrava Institute" → "المعهد")
        const head = name.words[name.words.length - 1]!;
        const latin =
          name.words.every((w) => CONNECTORS.has(w) || (!isCommonWord(w, sourceLang) && source.onlyAsName(w))) ||
          (!isCommonWord(head, sourceLang) && source.onlyAsName(head) && own.every((w) => found.get(w) === undefined))
            ? source.keptInLatin(name)
            : undefined;
        if (latin !== undefined) return keptNoneInLatin(missing, latin);
        // Or a name of such words, or one kept but for such a word ("Themis ∅"), in a target that keeps Latin letters.
        const lacking = name.words.filter(
          (w) => own.includes(fold(w)) && found.get(fold(w)) === undefined && source.onlyAsName(w),
        );
        const partly = own.some((w) => found.get(w) !== undefined);
        // (only where the target keeps Latin letters, unless qa.otherScriptNames makes every such loss an error)
        const judged = target.hasLatinWords || source.otherScriptNames === 'error';
        const lost =
          judged && (partly || name.words.every((w) => CONNECTORS.has(w) || !isCommonWord(w, sourceLang)))
            ? lostFromOtherScript(name, source.text, sourceLang, lacking, partly, source.kept)
            : [];
        if (lost.length > 0)
          return {
            message: `${missing}, neither kept nor transliterated (${lost.map(quote).join(', ')}: no dictionary's word)`,
          };
        // Or, whatever Latin letters this target keeps, one the run's other units keep in Latin letters.
        const keptElsewhere = keptElsewhereInLatin(name, sourceLang, lacking, source.kept);
        if (keptElsewhere.length > 0) {
          const units = Math.min(...keptElsewhere.map((w) => source.kept(w).keeping));
          return {
            message: `${missing}, neither kept nor transliterated, where ${units === 1 ? '1 other unit keeps' : `${units} other units keep`} ${keptElsewhere.map(quote).join(' ')} in Latin letters`,
          };
        }
        return { message: `${missing}, neither kept nor transliterated`, severity: 'warning' };
      }
      // A country or region the target's language writes as the source does (CLDR: "Portugal", "Ukraine"), with its
      // adjectives looked for above: none there, it was lost, whatever other name the target has ("Portugal" is no
      // "Eurocopa"). Not one written otherwise, which may have exonyms CLDR lacks (Netherlands → Holanda, Hungary →
      // le Magyar).
      if (lostRegion(name, parts, cldr) && cldr.some((r) => fold(r) === parts[0]))
        return { message: `${missing}, neither kept nor adapted (CLDR: ${cldr.map(quote).join(', ')})` };
      // An exonym for each word the target lacks ("Bayern Munich" → "Bayern München").
      const lacking = own.length > 0 ? own.filter((w) => found.get(w) === undefined) : parts;
      const exonyms = lacking.map((w) => target.soundsLike(w, source.text, source.renderings));
      if (lacking.length > 0 && exonyms.every((e) => e !== undefined))
        return { message: `${missing} as written; rendered as ${exonyms.map(quote).join(' ')}?`, severity: 'warning' };
      // A person's full name with no word of it in the target, not even respelled, was lost: a surname is kept or
      // transliterated, and only a target name that begins like one of its words may give it another way (Steve →
      // Esteban); another renders something else.
      // So is one led by a given name (Mark Toner, Marcel Ospel), but for one of common words only in German, whose
      // capitalised nouns may translate them (Law Department → Juristische Fakultät).
      if (
        (personLike(name, sourceLang, true) ||
          (person !== undefined &&
            // (a surname the text gives with a given name is known to be one, "Jobs" of "Steve Jobs")
            !(
              primarySubtag(targetLang) === 'de' &&
              name.words.length > 1 &&
              name.words.every((w) => isCommonWord(w, sourceLang))
            ))) &&
        own.every((w) => found.get(w) === undefined) &&
        // (a common word of it may be translated by a word that only starts alike: "Law Department" → "Derecho")
        !candidates().some((c) =>
          own.some((w) => (isCommonWord(w, sourceLang) ? startsAlike(w, c) : soundsLikeAPersonsWord(w, c))),
        )
      )
        return { message: `${missing}, neither kept nor adapted` };
      // A name written as an acronym of the target's own that begins like it (Czechoslovakia → ČSSR).
      const acronyms =
        parts.length === 1 ? target.ownAcronyms(source.text).filter((a) => fold(a)[0] === parts[0]![0]) : [];
      if (acronyms.length)
        return {
          message: `${missing} as written; abbreviated as ${acronyms.map(quote).join(' or ')}?`,
          severity: 'warning',
        };
      // A name of one word no dictionary has (a person, a firm, a town) is kept, respelled or replaced by an exonym
      // that starts with a like sound (Munich → München, Aachen → Aquisgrán); a target name unlike it is another name.
      const unlike = candidates();
      if (parts.length === 1 && unlike.length && !unlike.some((c) => startsAlike(parts[0]!, c))) {
        // Where every other unit of the run with it keeps it as written, one at least, this translator keeps the name:
        // lost, whatever the unlike names here render.
        const others = source.kept(name.text);
        if (others.keeping >= 1 && others.keeping === others.withName)
          return {
            message: `${missing}, where ${others.keeping === 1 ? '1 other unit keeps' : `${others.keeping} other units keep`} it as written (no target name begins like it: ${unlike.map(quote).join(', ')})`,
          };
        return {
          message: `${missing} as written; translated as ${unlike.map(quote).join(' or ')}? (none begins like it)`,
          severity: source.unlikeNames,
        };
      }
      // So is a name of several words whose own words, none in the target, no target name begins like (Credit Suisse,
      // Deutsche Bank, Galerie Belvedere): its common words may be translated, not its own.
      // (not a country or a nationality in it, which has renderings of its own: "Turkish Community of Germany" →
      // "Comunidad Turca de Alemania"; nor a common word read as a person's, "Law Department")
      const unlikeOwn = own.filter(
        (w) => !isCommonWord(w, sourceLang) && !isGroupWord(w, sourceLang) && cldrNameOf(w, sourceLang) === undefined,
      );
      // (a person's name is read as one below: kept, adapted, or lost)
      if (
        parts.length > 1 &&
        unlikeOwn.length > 0 &&
        personWords(name, sourceLang) === undefined &&
        own.every((w) => found.get(w) === undefined) &&
        unlike.length &&
        !unlike.some((c) => own.some((w) => startsAlike(w, c)))
      )
        return {
          message: `${missing} as written; translated as ${unlike.map(quote).join(' or ')}? (none begins like ${unlikeOwn.map(quote).join(' or ')})`,
        };
      return (
        translatedAs() ?? {
          message: `${missing}, neither kept nor adapted${cldr.length ? ` (CLDR: ${cldr.map(quote).join(', ')})` : ''}`,
        }
      );
    }
    case 'acronym':
      // Two letters are mostly an abbreviation a translation writes its own way (TV → Fernsehen, US → amerikanisch);
      // only a country whose adjective CLDR gives in the target language ("britannique" for UK) is known to be lost.
      if (
        !target.nonLatin &&
        name.text.replace(/s$/u, '').length <= 2 &&
        !(name.cldr && cldrAdjectives(name.cldr, targetLang).length > 0)
      )
        return { message: `${missing}; written out as?`, severity: 'warning' };
      // In a Latin-script target without another acronym or an unexplained name, a lost acronym is lost, not localised.
      if (!target.nonLatin && target.acronyms().length === 0)
        return translatedAs() ?? { message: `${missing}, neither kept nor localised` };
      // A target in another script writes acronyms out or translates them; only one that keeps some Latin words may have lost one.
      if (target.nonLatin && !target.hasLatinWords) return undefined;
      return { message: `${missing}; localised as?`, severity: 'warning' };
    default:
      // One common word with a capital ("the West", "the Pope") is a word, translated like any other;
      // and in another script a translated name has nothing left to compare.
      // A country or region CLDR names ("China", "Turkey") is no such word: its name and adjective are known.
      // (not "World", CLDR's region 001, which names no place a text is about: "World's Fair" → "exposición universal")
      if (!target.nonLatin && lostRegion(name, parts, cldr))
        return { message: `${missing} (CLDR: ${cldr.map(quote).join(', ')})` };
      if (lostCurrency(name, parts, cldr, target, source, targetLang))
        return { message: `${missing} (CLDR: ${cldr.map(quote).join(', ')})` };
      if (
        parts.length === 1 &&
        lostOneWordName(name, parts[0]!, target, source, targetLang) &&
        candidates().length === 0
      )
        return { message: `${missing}, a word the text writes only as a name` };
      if (parts.length === 1 || target.nonLatin) return undefined;
      return { message: `${missing}; translated as?`, severity: 'warning' };
  }
}

/**
 * The folded one-word renderings of the source's other CLDR names (`Irak` for Iraq beside Iran), none of this one's.
 */
function otherRegionWords(mine: readonly string[], renderings: readonly string[]): ReadonlySet<string> {
  const own = new Set(mine.map((r) => fold(r)));
  return new Set(renderings.map((r) => fold(r)).filter((r) => !own.has(r) && /^[\p{L}\p{M}]+$/u.test(r)));
}

/**
 * Why a name shortened to its last words lost the rest, if it did: a person's (a Latin-script target; another script's
 * transliterations are matched too loosely to tell a first name lost), shortened where the text names it for the first
 * time, or where the target gives another person of the sentence the full name the source gives (a translator who
 * names people as the source does there shortens none of them for style); and not where the target renders the first
 * name by a name of its own before the surname (Honza Pokorný → Jan Pokorný, Vycheslav → Wjatscheslaw).
 */
function shortenedLoss(
  name: FoundName,
  person: ReadonlySet<string> | undefined,
  last: string,
  target: TargetText,
  source: SourceSide,
  found: ReadonlyMap<string, WordMatch | undefined>,
): string | undefined {
  if (target.nonLatin || !(personLike(name, source.lang, true) || surnamed(name, person, source.lang)))
    return undefined;
  // (the first mention of the words it lost with the rest: a headline or an earlier unit may name the person by the
  // surname alone, "Slezáková resigns", or another person by the same first name, before the text gives this full
  // name, which the reader then learns here only)
  // (not where a place or people ends it, no surname: "Knights Templar Norway" → "Norwegen")
  const lastWord = name.words[name.words.length - 1]!;
  const from = name.words.findIndex(
    (w) =>
      !isTitle(w) &&
      found.get(fold(w)) === undefined &&
      /^\p{Lu}/u.test(w) &&
      (!isCommonWord(w, source.lang) || isGivenName(w)),
  );
  const first =
    source.mentionedBefore(lastWord) === false ||
    (from >= 0 &&
      cldrNameOf(lastWord, source.lang) === undefined &&
      !isGroupWord(lastWord, source.lang) &&
      source.mentionedBefore(name.words.slice(from).join(' ')) === false);
  const full = first ? undefined : source.keptFullName(name);
  if ((!first && full === undefined) || target.nameBefore(last, source.text, source.renderings) !== undefined)
    return undefined;
  return first ? 'where the text names it for the first time' : `where it gives "${full}" in full`;
}

/**
 * Whether a person's name ends in a surname no dictionary has, its given name first ("Bill Clinton", "Benjamin
 * Netanyahu", also after an office: "President Bill Clinton"), or begins with a given name no dictionary has ("Barack
 * Obama"): a given name that is also a common word ("Bill") is a person's where a surname of its own follows it.
 */
function surnamed(name: FoundName, person: ReadonlySet<string> | undefined, lang: string): boolean {
  if (person === undefined) return false;
  if (!isCommonWord(name.words[0]!, lang)) return true;
  const last = name.words[name.words.length - 1]!;
  return (
    person.has(fold(last)) &&
    !isCommonWord(last, lang) &&
    !isGermanWord(last) &&
    cldrNameOf(last, lang) === undefined &&
    !isGroupWord(last, lang)
  );
}

/**
 * Whether the run's other units with the name keep each word this target lacks, two of them or more and nearly all
 * (`Felipe Calderón` there, `Calderón` here): a translator who names someone in full wherever the source does shortens
 * the name nowhere, so the word was lost. What those units do ("2 other units keep "Felipe""), if so.
 */
function shortenedWhereRunKeeps(
  name: FoundName,
  own: readonly string[],
  found: ReadonlyMap<string, WordMatch | undefined>,
  source: SourceSide,
): string | undefined {
  const missing = name.words.filter((w) => own.includes(fold(w)) && found.get(fold(w)) === undefined);
  if (missing.length === 0) return undefined;
  // (asked of the name from its first word lacking: an office before it, "President" of "President Felipe Calderón",
  // is no part of what the others write)
  const from = name.words.indexOf(missing[0]!);
  const asked = from > 0 ? name.words.slice(from).join(' ') : name.text;
  const counts = missing.map((w) => source.keptWord(asked, w));
  if (!counts.every((c) => keptByOthers(c) || (c.keeping >= 1 && c.keeping === c.withName))) return undefined;
  const fewest = Math.min(...counts.map((c) => c.keeping));
  return `${fewest === 1 ? '1 other unit keeps' : `${fewest} other units keep`} ${missing.map(quote).join(' ')}`;
}

/**
 * A one-word country or region CLDR names in the target's language (not "World", CLDR's region 001, which names no
 * place a text is about: "World's Fair" → "exposición universal"), none of whose renderings stands in the target.
 */
function lostRegion(name: FoundName, parts: readonly string[], cldr: readonly string[]): boolean {
  return parts.length === 1 && name.cldr?.kind === 'region' && name.cldr.code !== '001' && cldr.length > 0;
}

/**
 * A one-word currency CLDR names (capitalised, a name: "the Euro fell"), in the target by none of its CLDR names
 * (looked for before), nor its ISO code or symbol ("€"); not the name of something else, "Euro 2012", a championship,
 * which the target may call by an acronym of its own, "EM".
 */
function lostCurrency(
  name: FoundName,
  parts: readonly string[],
  cldr: readonly string[],
  target: TargetText,
  source: SourceSide,
  targetLang: string,
): boolean {
  if (target.nonLatin || parts.length !== 1 || name.cldr?.kind !== 'currency' || cldr.length === 0) return false;
  if (/^\s*\p{N}/u.test(source.text.slice(name.start + name.text.length)) || source.targetHasOwnAcronyms())
    return false;
  const code = name.cldr.code;
  if (target.text.includes(code)) return false;
  return !currencySymbols(code, targetLang).some((s) => target.text.includes(s));
}

/** A currency's symbols in a language ("€", "US$", "$"), as its numbers are written. */
function currencySymbols(code: string, lang: string): string[] {
  return (['symbol', 'narrowSymbol'] as const).flatMap((currencyDisplay) => {
    try {
      const parts = new Intl.NumberFormat(lang, { style: 'currency', currency: code, currencyDisplay }).formatToParts(
        1,
      );
      return parts.filter((p) => p.type === 'currency').map((p) => p.value);
    } catch {
      return [];
    }
  });
}

/**
 * A name the run's other units keep as written, of which this target has nothing: no word of it in any accepted
 * form, nor one that begins like it (an adjective or inflection: "Barcelona" → "barceloneses", "Pilsen" →
 * "Pilsner"), nor a written-out acronym. A name shortened to its last word stays the warning it was.
 */
function keptButLost(
  name: FoundName,
  parts: readonly string[],
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  source: SourceSide,
  hasCandidate: () => boolean,
): Finding | undefined {
  const last = parts[parts.length - 1];
  // A country or language has renderings and adjectives no list holds all of ("USA" → "Amerika"): CLDR's decide.
  // A target in another script counts too: where the other units keep a name in Latin letters (PubMed, IgG), a unit
  // with neither it nor its transliteration lost it.
  if (last === undefined || found.get(last) !== undefined || name.cldr) return undefined;
  // (a word of it inflected or made into another: "Barcelona" → "barceloneses")
  if (parts.some((w) => found.get(w) === undefined && target.hasWordStartingLike(w))) return undefined;
  const others = source.kept(name.text);
  // (only a name the run's other units keep, or the one other unit with it keeps, is lost so: told before the dearer
  // questions below, which most names never reach)
  if (!keptByOthers(others) && !(others.keeping === 1 && others.withName === 1)) return undefined;
  // A name of common words may be translated by a name of the target's own ("employers' Federation" →
  // "Confindustria"): only a target with no such word lost it.
  // (unless three other units or more keep it and no name of the target's own stands about where it stood)
  if (
    name.kind === 'common' &&
    source.targetHasOwnNames() &&
    !(others.keeping >= 3 && keptByOthers(others) && !hasCandidate())
  )
    return undefined;
  // An acronym may be localised ("CZ" → "ČR"): beside an acronym of the target's own, its loss is not clear, unless
  // three other units or more keep it as written (a translator localises an acronym everywhere or nowhere).
  if (
    name.kind === 'acronym' &&
    ((source.targetHasOwnAcronyms() && !(others.keeping >= MIN_KEEPING_ACRONYM && keptByOthers(others))) ||
      target.hasExpansion(name.text, true))
  )
    return undefined;
  // One other unit is evidence enough where every unit with the name keeps it and this target has no capitalised
  // word a translation could be; in another script only for a name with inner capitals or digits (TraceTogether,
  // IgM), or of words no dictionary has (Medicago), whose words a translation does not render one by one.
  const onlyOther =
    others.keeping === 1 &&
    others.withName === 1 &&
    (!target.nonLatin || name.kind === 'coded' || ownWordsOnly(name, source.lang)) &&
    !source.targetHasOwnNames();
  if (!keptByOthers(others) && !onlyOther) return undefined;
  const units = others.keeping === 1 ? '1 other unit keeps' : `${others.keeping} other units keep`;
  return { message: `name "${name.text}" is not in the target, where ${units} it as written` };
}

/**
 * A name kept as written but for its last word, a word rarer than those every text has (`Jacques Martin` → `Jacques`,
 * `Rajat Nag` → `Rajat`): a person's surname or a name's own word, lost. Dropping a name's last word is a style only
 * where that word is a common head a translation drops or translates (`Forrester Research` → `Forrester`).
 */
function lostLastWord(
  name: FoundName,
  parts: readonly string[],
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  lang: string,
): Finding | undefined {
  const last = parts[parts.length - 1];
  const before = parts.slice(0, -1);
  // Two names joined by "of" are two; a coded or acronym name has rules of its own.
  if (name.kind !== 'opaque' || target.nonLatin || name.words.some((w) => CONNECTORS.has(w))) return undefined;
  if (before.length < 1 || before.length > 3 || last === undefined || !/^\p{L}{3,}$/u.test(last)) return undefined;
  // Its first words no dictionary has, kept as written; its last a rarer common word, not a nationality.
  if (!isCommonWord(last, lang) || isFrequentWord(last, lang) || isGroupWord(last, lang)) return undefined;
  if (before.some((w) => isCommonWord(w, lang) || found.get(w) !== 'verbatim') || found.get(last) !== undefined)
    return undefined;
  // Not where the target has the word inflected or in a compound ("Aquadome"), nor where a particle before the kept
  // words says a translated head stands before them ("Cumbre del Microcrédito", "Parlamentsgebäude von Nebraska").
  if (target.hasWordStartingLike(last) || target.hasCompoundEnding(last)) return undefined;
  const preceding = target.wordBefore(before[0]!);
  if (preceding !== undefined && HEAD_PARTICLES.has(preceding)) return undefined;
  return { message: `name "${name.text}" is kept as written but for its last word, "${last}"` };
}

/**
 * A person's name kept as written but for its surname (`Bob Goodlatte` → `Bob`, `Petr Jiráček` → `Petr`): news and
 * encyclopedic text never names a person by the given name alone after the source gave the full name, so the surname
 * was lost. Its surname is a word only a name has, or one the run's sources never write in lower case (`Susan Burke`;
 * not `Victoria Falls` → `cataratas Victoria`, a place whose common head is translated).
 */
function lostSurname(
  name: FoundName,
  person: ReadonlySet<string> | undefined,
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  source: SourceSide,
): Finding | undefined {
  if (target.nonLatin || name.kind !== 'opaque' || name.words.some((w) => CONNECTORS.has(w))) return undefined;
  // The person's words in order: a given name first, or every word one no dictionary has (after any office before it).
  let words: string[];
  if (person) words = [...person];
  else if (personLike(name, source.lang, true)) {
    const plain = name.words.filter((w) => !isTitle(w) && w.length > 1);
    words = plain
      .slice(
        Math.max(
          0,
          plain.findIndex((w) => !isCommonWord(w, source.lang)),
        ),
      )
      .map((w) => fold(w));
  } else return undefined;
  const surname = words[words.length - 1];
  const given = words.slice(0, -1);
  if (surname === undefined || given.length === 0 || !/^\p{L}{3,}$/u.test(surname)) return undefined;
  if (!given.every((w) => found.get(w) === 'verbatim') || found.get(surname) !== undefined) return undefined;
  // (written as a name only: its source word as written)
  const written = name.words.find((w) => fold(w) === surname);
  if (written === undefined || (isCommonWord(surname, source.lang) && !source.onlyAsName(written))) return undefined;
  // (a place or people after a name is no surname: "Knights Templar Norway")
  if (cldrNameOf(written, source.lang) !== undefined || isGroupWord(written, source.lang)) return undefined;
  // Not inflected, adapted or compounded ("Merkels", "Goodlatte-Gesetz").
  if (target.hasWordStartingLike(surname) || target.hasCompoundEnding(surname)) return undefined;
  return { message: `name "${name.text}" is kept as written but for its surname, "${written}"` };
}

/**
 * A name the target keeps in English — its joining word stands there with the word after or before it, "of Scotland"
 * or "Need for" in a Spanish text — keeps all its words: one missing was lost, not translated (`Royal Bank of Scotland` → `el of Scotland`).
 */
function keptInEnglishButFor(
  name: FoundName,
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  targetLang: string,
): Finding | undefined {
  if (target.nonLatin || primarySubtag(targetLang) === 'en') return undefined;
  const joined = (i: number): string | undefined => {
    const w = name.words[i]!;
    if (!ENGLISH_JOINERS.has(w.toLowerCase()) || i === 0 || i + 1 === name.words.length) return undefined;
    return [`${w} ${name.words[i + 1]}`, `${name.words[i - 1]} ${w}`].find((p) => target.hasPhrase(p));
  };
  const at = name.words.findIndex((_, i) => joined(i) !== undefined);
  if (at < 0) return undefined;
  const missing = name.words.filter(
    (w) =>
      !CONNECTORS.has(w) && !ENGLISH_JOINERS.has(w.toLowerCase()) && !isTitle(w) && found.get(fold(w)) !== 'verbatim',
  );
  if (missing.length === 0) return undefined;
  const kept = joined(at)!;
  return { message: `name "${name.text}" is kept in English ("${kept}") but for ${missing.map(quote).join(' ')}` };
}
/**
 * A person's surname kept without the particle that begins it, capitalised in the source (`Herman Van Rompuy` →
 * `Herman Rompuy`, `Marine Le Pen` → `Marine Pen`): a capitalised particle is part of the surname, which no translation
 * halves; the target writes the surname where no mention has the particle before it. Not a lower-case particle
 * (`Ludwig van Beethoven`), which a translation may leave out.
 */
function lostParticle(name: FoundName, target: TargetText): Finding | undefined {
  if (target.nonLatin || name.kind !== 'opaque') return undefined;
  const words = name.words;
  for (let j = 1; j + 1 < words.length; j++) {
    const particle = words[j]!;
    if (!/^\p{Lu}/u.test(particle) || !CONNECTORS.has(particle.toLowerCase())) continue;
    const surname = fold(words[j + 1]!);
    if (surname.length < 4 || CONNECTORS.has(surname) || !/^\p{Lu}/u.test(words[j - 1]!)) continue;
    const stem = surname.slice(0, Math.max(4, surname.length - 2));
    const at = target.words
      .map((t, i) => ((t.capitalised || t.initialCapital) && t.folded.startsWith(stem) ? i : -1))
      .filter((i) => i > 0);
    if (at.length === 0) continue;
    const p = fold(particle);
    if (at.some((i) => target.words[i - 1]!.folded === p)) continue;
    const kept = target.words[at[0]!]!;
    return {
      message: `name "${name.text}" is in the target as "${target.text.slice(kept.start, kept.end)}", without "${particle}"`,
    };
  }
  return undefined;
}

/**
 * A name whose words on either side of one of its words stand side by side in the target, as written and in order,
 * without it (`Martín Murillo Gómez` → `Martín Gómez`, `Harvard Business School` → `Harvard School`): nothing there
 * renders the word, which was lost. Not a given name between a given name and a surname (`John Fitzgerald Kennedy` →
 * `John Kennedy`), nor an initial or a particle.
 */
function lostBetweenKept(
  name: FoundName,
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
): Finding | undefined {
  if (target.nonLatin || name.kind === 'acronym' || name.kind === 'coded') return undefined;
  // (three words in a row of the name, none a particle, a title or an initial: "Rosa Ibarra Quintero" of "Rosa Ibarra
  // Quintero of Oaxaca")
  const plain = (w: string | undefined): boolean =>
    w !== undefined && !CONNECTORS.has(w.toLowerCase()) && !isTitle(w) && /^\p{L}{2,}$/u.test(w);
  const words = name.words;
  for (let j = 1; j + 1 < words.length; j++) {
    if (!plain(words[j - 1]) || !plain(words[j]) || !plain(words[j + 1])) continue;
    const lost = words[j]!;
    const f = fold(lost);
    if (found.get(f) !== undefined || isGivenName(lost) || target.hasWordStartingLike(f)) continue;
    const before = fold(words[j - 1]!);
    const after = fold(words[j + 1]!);
    if (found.get(before) !== 'verbatim' || found.get(after) !== 'verbatim') continue;
    const side = target.words.findIndex(
      (t, i) =>
        t.folded === before &&
        target.words[i + 1]?.folded === after &&
        /^\s+$/u.test(target.text.slice(t.end, target.words[i + 1]!.start)),
    );
    if (side < 0) continue;
    const kept = target.text.slice(target.words[side]!.start, target.words[side + 1]!.end);
    return { message: `name "${name.text}" is in the target as "${kept}", without "${lost}"` };
  }
  return undefined;
}

/**
 * A name of three words or more kept as written and side by side but for its last word, a word rarer than those every
 * text has (`Víctor Estrada Paredes` → `Víctor Estrada`, `Gilberto López Meyer` → `Gilberto López`): a surname or a
 * name's own word, which no translation renders by nothing. Not a common head a translation drops or translates
 * (`Forrester Research Group`), a legal form (`Siemens Medical AG`), a nationality or a country.
 */
function lostLastOwnWord(
  name: FoundName,
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  sourceLang: string,
): Finding | undefined {
  if (target.nonLatin || name.kind !== 'opaque' || name.cldr) return undefined;
  const words = name.words.filter((w) => !isTitle(w));
  if (words.length < 3 || !words.every((w) => /^\p{L}{2,}$/u.test(w) && !CONNECTORS.has(w.toLowerCase())))
    return undefined;
  const last = words[words.length - 1]!;
  const f = fold(last);
  if (
    found.get(f) !== undefined ||
    isFrequentWord(last, sourceLang) ||
    isLegalForm(last) ||
    isGroupWord(last, sourceLang) ||
    cldrNameOf(last, sourceLang) !== undefined ||
    target.hasWordStartingLike(f) ||
    target.hasCompoundEnding(f)
  )
    return undefined;
  const kept = words.slice(0, -1).map((w) => fold(w));
  if (!kept.every((w) => found.get(w) === 'verbatim')) return undefined;
  const at = target.words.findIndex((t, i) =>
    kept.every(
      (w, k) =>
        target.words[i + k]?.folded === w &&
        (k === 0 || /^\s+$/u.test(target.text.slice(target.words[i + k - 1]!.end, target.words[i + k]!.start))),
    ),
  );
  if (at < 0) return undefined;
  const shown = target.text.slice(target.words[at]!.start, target.words[at + kept.length - 1]!.end);
  return { message: `name "${name.text}" is in the target as "${shown}", without "${last}"` };
}

/**
 * A name a target in another script keeps in Latin letters — two of its words side by side as written there — keeps
 * all its words there: one neither kept nor transliterated was lost (`Silent Computer Club` → `Computer Club`), but a
 * nationality, which the translation writes in its own words (`German Silent Computer Club` → `Silent Computer Club الألماني`).
 */
function keptInLatinButFor(
  name: FoundName,
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  sourceLang: string,
): Finding | undefined {
  if (!target.nonLatin || name.words.length < 3) return undefined;
  const kept = name.words
    .slice(1)
    .map((w, i) => `${name.words[i]} ${w}`)
    .find((p) => /^[\p{Script=Latin} ]+$/u.test(p) && target.hasPhrase(p));
  if (kept === undefined) return undefined;
  const missing = name.words.filter(
    (w) => !CONNECTORS.has(w) && !isTitle(w) && !isGroupWord(w, sourceLang) && found.get(fold(w)) === undefined,
  );
  if (missing.length === 0) return undefined;
  return {
    message: `name "${name.text}" is kept in Latin letters ("${kept}") but for ${missing.map(quote).join(' ')}`,
  };
}

// Words that join the words of an English name and no word of the languages it is translated into.
const ENGLISH_JOINERS = new Set(['of', 'for', 'and']);

// Particles that join a translated head to the name it names, in the languages names are written in.
const HEAD_PARTICLES = new Set('of de del des du di della la le von vom der den van al'.split(' '));

/**
 * Where a name stands in its source, as a share of its length (its middle): its rendering stands near there. Not for
 * a country or language (CLDR's names are not all a translation has: Netherlands → Holanda) nor a name of German
 * words (Schweizer Garten → Jardin Suisse), which may be translated anywhere in the sentence.
 */
function placeFor(name: FoundName, text: string): number | undefined {
  if (name.cldr || name.words.some((w) => isGermanWord(w))) return undefined;
  return middleOf(name, text);
}

function middleOf(name: FoundName, text: string): number {
  return (name.start + name.text.length / 2) / Math.max(1, text.length);
}

/**
 * A gap where the name stood, if no name that asks stood nearer to it; a name placeFor places anywhere is compared
 * by where it stands all the same (`Pike Slip`, a German word in it, nearer to `de con` than `Manhattan Bridge`).
 */
function gapFor(name: FoundName, text: string, target: TargetText): string | undefined {
  return target.gap(placeFor(name, text), false, middleOf(name, text));
}

/**
 * A name the target keeps in part, without a word that the run's other units with the name keep as written (`New York`
 * → `Nueva`, where they write `Nueva York`; `Deutsche Bank` → `la Deutsche`): that word was lost. Not a name shortened
 * to its last words (`Yulia Tymoshenko` → `Tymoshenko`), a style.
 */
function lostWordRunKeeps(
  name: FoundName,
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  source: SourceSide,
): Finding | undefined {
  if (target.nonLatin || name.kind === 'acronym') return undefined;
  const words = name.words.filter((w) => !CONNECTORS.has(w) && !isTitle(w) && /^\p{L}{2,}$/u.test(w));
  if (words.length < 2) return undefined;
  const lost = (w: string): boolean => found.get(fold(w)) === undefined && !target.hasWordStartingLike(fold(w));
  const missing = words.filter(lost);
  const firstKept = words.findIndex((w) => found.get(fold(w)) !== undefined);
  if (missing.length === 0) return undefined;
  // Nothing of it here: lost where the others keep a word of it as written and the target has no name of its own
  // that could render it ("New York" → "Nueva York" elsewhere, nothing here).
  if (firstKept < 0) {
    if (missing.length < words.length) return undefined;
    // (what the run keeps asked first: it is known from the name's other questions, the target's own names are not)
    const kept = missing.map((w) => ({ w, count: source.keptWord(name.text, w) })).filter((k) => keptByOthers(k.count));
    if (kept.length === 0 || source.targetHasOwnNames() || source.targetHasOwnAcronyms()) return undefined;
    return {
      message: `name "${name.text}" is not in the target, where ${kept[0]!.count.keeping} other units keep "${kept[0]!.w}"`,
    };
  }
  // Lost only where the run's other units keep every missing word (asked first: most names are not so kept).
  const counts = missing.map((w) => source.keptWord(name.text, w));
  if (!counts.every(keptByOthers)) return undefined;
  // (a person's: a given name before a word no dictionary has, "Felipe Calderón"; not a country, "Costa Rica", nor a
  // given name before common words, "Red Casino"; and where the words lost are no given name a list has, only where
  // the text itself names it by its last words, "Pelta said" beside "Miroslav Pelta": not "Boko Haram" → "Haram")
  if (
    missing.every((w) => words.indexOf(w) < firstKept) &&
    !name.cldr &&
    (personLike(name, source.lang, true) ||
      (missing.some((w) => isGivenName(w)) && words.slice(firstKept).some((w) => !isCommonWord(w, source.lang)))) &&
    (missing.some((w) => isGivenName(w)) || source.namedAlone(words[firstKept]!, words[firstKept - 1]!))
  )
    return undefined;
  const fewest = Math.min(...counts.map((c) => c.keeping));
  return {
    message: `name "${name.text}" is in the target without ${missing.map((w) => `"${w}"`).join(' ')}, where ${fewest} other units keep it`,
  };
}

/**
 * A name of one common word the run's sources never write in lower case (`Xerox`, `Scrabble`, `Manhattan`,
 * `Carrefour`): a name in this text, kept or adapted, not translated; lost where the target has no word beginning like
 * it. Not a plural (`the Blues`, `Crowns`), an abbreviation (`Sens.`), a word of a title (`The Beauty and the Sorrow`)
 * or a thing after an indefinite article (`a Jacuzzi`), which are translated; in German, whose capitalised nouns hide a
 * translation, only where no other unit of the run renders it otherwise.
 */
function lostOneWordName(
  name: FoundName,
  word: string,
  target: TargetText,
  source: SourceSide,
  targetLang: string,
): boolean {
  if (target.nonLatin || name.cldr || word.length < 3) return false;
  // German writes every noun with a capital, so its translation hides among them ("Pope" → "Papst", "Cologne" →
  // "Köln"): there only a name none of the run's other units with it renders otherwise.
  if (primarySubtag(targetLang) === 'de') {
    const others = source.kept(name.text);
    if (others.keeping < others.withName) return false;
    // (nor one whose end stands in a compound: "Microfinance" → "Kleinstfinanzierungen")
    if (word.length >= 9 && target.hasInCompound(word.slice(-7))) return false;
  }
  if (
    /s$/u.test(word) &&
    (isCommonWord(word.slice(0, -1), source.lang) || isCommonWord(word.slice(0, -2), source.lang))
  )
    return false;
  const end = name.start + name.text.length;
  // (an abbreviation before a name: "Sens. John McCain")
  if (source.text.charAt(end) === '.' && /^\.\s*\p{L}/u.test(source.text.slice(end))) return false;
  if (inTitle(source.text, name.start, end)) return false;
  // A thing after an indefinite article ("relax in a Jacuzzi") is a common noun, whatever its capital.
  if (/\b(?:a|an)\s+$/iu.test(source.text.slice(Math.max(0, name.start - 4), name.start))) return false;
  return !target.hasWordStartingLike(word) && source.onlyAsName(name.words[0]!);
}

// Short words that join the capitalised words of a title ("The Beauty and the Sorrow", "Triumph of the Nerds").
const TITLE_JOINERS = new Set(['and', 'the', 'of', 'for', 'a', 'an', 'in', 'on', 'to', 'with']);

/**
 * Whether the word at [start, end) stands in a title: a capitalised word beside it across joining words only, "the"
 * among them ("Paris on Monday", "Xerox and IBM" are two names).
 */
function inTitle(text: string, start: number, end: number): boolean {
  const before = text
    .slice(Math.max(0, start - 40), start)
    .split(/\s+/u)
    .filter((w) => w !== '');
  const after = text
    .slice(end, end + 40)
    .split(/\s+/u)
    .filter((w) => w !== '');
  const capitalisedAcross = (words: readonly string[]): boolean => {
    const joiners: string[] = [];
    for (const w of words) {
      if (TITLE_JOINERS.has(w)) {
        if (joiners.push(w) > 2) return false;
        continue;
      }
      return joiners.includes('the') && /^\p{Lu}/u.test(w);
    }
    return false;
  };
  return capitalisedAcross([...before].reverse()) || capitalisedAcross(after);
}

/**
 * A name kept in its own language — its last word, a common word, stands in the target as written, a word the
 * target's language does not have (`Harvard Business School` → `… Harvard School`) — keeps all its words: one missing
 * was lost, not translated. Not a name shortened to its last words (`Bill Gates` → `Gates`), a style.
 */
function keptWithoutAWord(
  name: FoundName,
  parts: readonly string[],
  found: ReadonlyMap<string, WordMatch | undefined>,
  target: TargetText,
  sourceLang: string,
): Finding | undefined {
  // Two names joined by "of" ("Face of Vogue") are two: the first is read, up to its last word.
  const cut = name.words.findIndex((w) => CONNECTORS.has(w));
  const first = new Set((cut < 0 ? name.words : name.words.slice(0, cut)).map((w) => fold(w)));
  const words = parts.filter((w) => first.has(w));
  if (words.length < 2 || target.nonLatin) return undefined;
  // Its last word is its head in English: kept as written, a word the target's language does not have, the name was
  // kept, not translated ("School" in "… Harvard School").
  const head = words[words.length - 1]!;
  if (!(
    head.length >= 4 &&
    isCommonWord(head, sourceLang) &&
    found.get(head) === 'verbatim' &&
    target.keepsForeign(head)
  ))
    return undefined;
  const missing = words.filter((w) => found.get(w) === undefined);
  const kept = words.findIndex((w) => found.get(w) !== undefined);
  // Only its first words missing: shortened, a style.
  if (missing.length === 0 || missing.every((w) => words.indexOf(w) < kept)) return undefined;
  return { message: `name "${name.text}" is kept as written but for ${missing.map(quote).join(' ')}` };
}

/**
 * A name of several words none of which a dictionary has, English or German ("Steve Wozniak", "Anand Sharma"): a
 * person's name, kept or transliterated, never rendered by a word of the target language.
 */
function personLike(name: FoundName, lang: string, afterOffice = false): boolean {
  if (name.kind !== 'opaque') return false;
  let words = name.words.filter((w) => !CONNECTORS.has(afterOffice ? w.toLowerCase() : w));
  // (`afterOffice`: an office before the name is no part of the person's, "Ambassadress Milena Vicenová"; particles
  // count in any case, "Herman Van Rompuy")
  if (afterOffice)
    words = words.slice(
      Math.max(
        0,
        words.findIndex((w) => !isCommonWord(w, lang) && !isTitle(w)),
      ),
    );
  return words.length >= 2 && words.every((w) => !isCommonWord(w, lang) && !isGermanWord(w) && !isTitle(w));
}

/**
 * The folded words of a person's name: after any office before it ("President Bill Clinton"), two to four words, the
 * first an English given name ("Bill Gates", "Mark Toner", "Manfred Kaiser"); not a country or language CLDR names.
 */
function personWords(name: FoundName, lang: string): Set<string> | undefined {
  if ((name.kind !== 'common' && name.kind !== 'opaque') || name.cldr) return undefined;
  // Two names joined by "of" are no person's ("King of Jordan").
  if (name.words.some((w) => CONNECTORS.has(w))) return undefined;
  // (initials aside: "Thomas J. Watson")
  let words = name.words.filter((w) => !CONNECTORS.has(w.toLowerCase()) && !isTitle(w) && w.length > 1);
  // (an office before it, and a nationality before the office, are no part of it where a surname no dictionary has
  // ends it: "Israeli Prime Minister Benjamin Netanyahu"; not "Breaking Dawn Part")
  const from = words.findIndex((w) => isGivenName(w));
  if (
    from > 0 &&
    words.length - from >= 2 &&
    words.slice(0, from).every((w) => isCommonWord(w, lang) || isGroupWord(w, lang)) &&
    !isCommonWord(words[words.length - 1]!, lang)
  )
    words = words.slice(from);
  if (words.length < 2 || words.length > 3 || !isGivenName(words[0]!)) return undefined;
  // A given name that is also a common word ("Bill", "Law", "Star") makes a person only of two words, the other no
  // nationality ("Bill Gates", not "West European", "Will Come Out Tomorrow").
  if (isCommonWord(words[0]!, lang) && (words.length > 2 || isGroupWord(words[1]!, lang))) return undefined;
  // Nor is a given name before common words only ("Yale Law School", "Alma Consulting Group").
  if (words.length > 2 && words.slice(1).every((w) => isCommonWord(w, lang))) return undefined;
  return new Set(words.flatMap((w) => partsOf(fold(w))));
}

/**
 * A one-word name of a common word that the text gives elsewhere with a given name before it ("Jobs" where it has
 * "Steve Jobs", "Burke" after "Susan Burke") and that the run's other units keep as written: a person's surname, kept
 * or transliterated, not a word translated. The given name is no common word or place ("Royal Bank", "Penn State"),
 * unless the surname is a rarer word ("Mark Kelly").
 */
function surnameInText(name: FoundName, source: SourceSide): Set<string> | undefined {
  if (name.words.length !== 1 || name.kind !== 'common' || name.cldr) return undefined;
  const word = name.words[0]!;
  if (word.length < 3 || isGroupWord(word, source.lang) || isTitle(word)) return undefined;
  const given = [...source.givenNames(word)];
  const personal = (g: string): boolean => !isCommonWord(g, source.lang) && cldrNameOf(g, source.lang) === undefined;
  if (!given.some(personal) && (given.length === 0 || isFrequentWord(word, source.lang))) return undefined;
  return keptByOthers(source.kept(word)) ? new Set([fold(word)]) : undefined;
}

/**
 * Whether a capitalised target word may render a name: not a letter, a code with digits but for one with the name's
 * initial ("CO2" is no "Areva"; "V4" may be the "Visegrad Group"), a courtesy title ("Mlle"), a month or weekday
 * ("Mardi"), nor German's pronoun of address ("Sie", "Ihr"), which name no one.
 */
function mayRenderAName(folded: string, name: string, targetLang: string): boolean {
  const lang = primarySubtag(targetLang);
  return (
    folded.length > 1 &&
    !(/\p{N}/u.test(folded) && folded[0] !== name[0]) &&
    !isTitle(folded) &&
    !calendarNames(lang).has(folded) &&
    !(lang === 'de' && ADDRESS_PRONOUNS.has(folded))
  );
}
const calendarNamesByLang = new Map<string, ReadonlySet<string>>();

/** The folded full names of the months and weekdays of a language (not "mar" of "martes", a sea in "Mar Negro"). */
function calendarNames(lang: string): ReadonlySet<string> {
  let names = calendarNamesByLang.get(lang);
  if (!names) {
    const months = Array.from({ length: 12 }, (_, m) => calendarName('month', m + 1, lang));
    const days = Array.from({ length: 7 }, (_, d) => calendarName('weekday', d, lang));
    calendarNamesByLang.set(lang, (names = new Set([...months, ...days].map((n) => fold(n)))));
  }
  return names;
}
const ADDRESS_PRONOUNS = new Set(['sie', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres', 'ihnen']);

/**
 * A target in another script that keeps one name of the source in Latin letters (Arabic "… Kogenebiotech …") keeps
 * names of its kind so: another such name, neither there nor transliterated, was lost.
 */
/**
 * Whether a name with inner capitals and no digits that a target in another script lacks was lost: where no other unit
 * of the run renders it (or a word of it with inner capitals: "CoV" of "Appalachian Ridge CoV") some other way, and
 * its words' pieces ("AndroidGoogle": "Android", "Google") are not all there.
 */
function codedLost(
  name: FoundName,
  sourceLang: string,
  target: TargetText,
  { kept, otherScriptNames }: SourceSide,
  found: ReadonlyMap<string, WordMatch | undefined>,
): boolean {
  const others = kept(name.text);
  if (renderedOtherwise(others)) return false;
  // (its common words may be translated: "Appalachian Ridge CoV" → "مرتفعات الأبلاش"; and only where the target keeps
  // Latin letters or other units keep the name or the word, unless qa.otherScriptNames says so: a translation of
  // another script that keeps none may render every name its own way)
  return name.words.some((w) => {
    if (isCommonWord(w, sourceLang) || partsOf(fold(w)).every((p) => found.get(p) !== undefined)) return false;
    const word = /\p{Ll}\p{Lu}/u.test(w) ? kept(w) : undefined;
    if (word !== undefined && renderedOtherwise(word)) return false;
    // (or the word as others write it, with its first capital only: "Curevac" for "CureVac")
    const evidence =
      otherScriptNames === 'error' ||
      target.hasLatinWords ||
      others.keeping > 0 ||
      (word?.keeping ?? 0) > 0 ||
      (word !== undefined && kept(firstCapitalOnly(w)).keeping > 0);
    return evidence && !piecesStand(w, target);
  });
}

/** Whether each piece of a word with inner capitals, three letters or more, stands in the target ("AndroidGoogle"). */
function piecesStand(word: string, target: TargetText): boolean {
  const pieces = capitalPieces(word);
  return pieces.length > 1 && pieces.every((p) => p.length >= 3 && target.findWord(fold(p)) !== undefined);
}

/** Whether a name is made of words no dictionary has, and connectors ("Medicago", "Banco de Kestrava" is not). */
const ownWordsOnly = (name: FoundName, lang: string): boolean =>
  name.kind === 'opaque' && name.words.every((w) => CONNECTORS.has(w) || !isCommonWord(w, lang));

function keptNoneInLatin(missing: string, latin: string): Finding {
  return { message: `${missing}, neither kept nor transliterated, where the target keeps "${latin}" in Latin letters` };
}

/** Letters in a canonical order, to compare an acronym with initials in any order. */
const letters = (chars: readonly string[]): string => [...chars].sort().join('');

/** Sound classes of a word's first letter: vowels, the k/g sounds, the labials, the dentals, the sibilants. */
const FIRST_SOUND: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:[aeiouy]|h[aeiou])/u, 'V'],
  [/^(?:kh|ch|[ckqgjx])/u, 'K'],
  [/^(?:ph|[bpvwf])/u, 'P'],
  [/^(?:th|[dt])/u, 'T'],
  [/^(?:sh|ch|tsch|[szcx])/u, 'S'],
];

function firstSounds(word: string): string[] {
  const classes = FIRST_SOUND.filter(([re]) => re.test(word)).map(([, cls]) => cls);
  return classes.length ? classes : [word.charAt(0)];
}

/**
 * Whether two folded words start with a like sound (an exonym keeps it: Venice → Venedig, Cologne → Köln),
 * the e that Spanish puts before s and a consonant aside (Stockholm → Estocolmo).
 */
function startsAlike(a: string, b: string): boolean {
  const mine = firstSounds(a);
  return [b, b.replace(/^e(?=s[^aeiou])/u, '')].some((w) => firstSounds(w).some((c) => mine.includes(c)));
}

/**
 * Whether a target name may give a word of a person's name another way (Steve → Esteban, Gaddafi → Kadhafi, Yulia →
 * Julia): it starts with a like sound, and its first consonants are the word's but for one. A word that only starts
 * alike ("Juppé" and "Gespräches", "Pena" and "Präsidentenamt") renders something else.
 */
function soundsLikeAPersonsWord(word: string, candidate: string): boolean {
  if (!startsAlike(word, candidate)) return false;
  const a = latinSkeletonOf(word).slice(0, 3);
  const b = latinSkeletonOf(candidate.replace(/^e(?=s[^aeiou])/u, '')).slice(0, 3);
  return editDistance(a, b, 1) <= 1;
}

/** The longest word of a rendering, which carries it ("Alemania", "Estados" of "Estados Unidos"). */
function mainWord(rendering: string): string | undefined {
  const words = fold(rendering).match(/[\p{L}\p{M}]{4,}/gu);
  return words ? words.reduce((a, b) => (b.length > a.length ? b : a)) : undefined;
}

/** A coded or hyphenated word in its parts: "sars-cov-2" → sars, cov, 2; "f-35" → f, 35. */
function partsOf(word: string): string[] {
  if (!/[-‐\p{N}]/u.test(word)) return [word];
  return word.split(/[-‐]|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u).filter((p) => p !== '');
}

/** The words of a name found in the same order with other words between them: "Kataib ... Hezbollah". */
function splitApart(
  own: readonly string[],
  all: readonly string[],
  target: TargetText,
  words: readonly string[],
): string | undefined {
  const positions = own.map((w) => target.words.findIndex((t) => t.folded === w || t.folded.startsWith(w)));
  if (positions.some((p) => p < 0)) return undefined;
  const ordered = positions.every((p, i) => i === 0 || p > positions[i - 1]!);
  // Particles between them keep a name whole ("San Nicolás de los Garza"), and so do its other words; a word of substance splits it.
  // Two names joined by "of" ("George Colony of Forrester Research") may take a description between them.
  const folded = words.map((w) => fold(w));
  const joinedByConnector = (a: string, b: string): boolean =>
    folded.slice(folded.indexOf(a) + 1, folded.indexOf(b)).some((w) => CONNECTORS.has(w));
  const gaps = positions
    .slice(1)
    .some(
      (p, i) =>
        !joinedByConnector(own[i]!, own[i + 1]!) &&
        target.words.slice(positions[i]! + 1, p).some((t) => t.folded.length > 3 && !all.includes(t.folded)),
    );
  if (!ordered || !gaps) return undefined;
  const first = target.words[positions[0]!]!;
  const last = target.words[positions[positions.length - 1]!]!;
  return `"${target.text.slice(first.start, last.end)}"`;
}

/**
 * Whether a country is rendered by the word of its own language (its people and things: "griegos", "grecque",
 * "griechische"), which the source does not have ("Greek").
 */
function rendersByItsLanguage(
  cldr: CldrName,
  target: TargetText,
  source: string,
  sourceLang: string,
  targetLang: string,
): boolean {
  const word = cldrLanguageOfRegion(cldr, targetLang);
  if (word === undefined) return false;
  // Its stem, the inflected endings aside: "griego" → "grieg" (griegos, griega).
  const folded = fold(word);
  const stem = /[aeiou]$/u.test(folded) && folded.length > 4 ? folded.slice(0, -1) : folded;
  if (!target.hasWordStartingWith(stem)) return false;
  const own = cldrLanguageOfRegion(cldr, sourceLang);
  return own === undefined || !new TargetText(source, sourceLang).hasWordStartingWith(fold(own));
}

/**
 * A name the source writes more often than the target (Boeing … Boeing → Boeing … ∅): one mention may have been lost,
 * or replaced by a pronoun, as translators do with a repeat — a warning; an error where the mention lost named a model
 * by its maker and a code ("50 Boeing 777 jets" → "50 777"). Not a name of common words or a country, which the target
 * may render by other words.
 */
function fewerMentions(name: FoundName, target: TargetText, text: string): Finding | undefined {
  if (name.kind === 'common' || name.kind === 'unknown' || name.cldr) return undefined;
  if (text.indexOf(name.text, name.start + name.text.length) < 0) return undefined;
  const inSource = wholeMentions(text, name.text).length;
  if (inSource < 2) return undefined;
  const inTarget = target.phraseCount(name.text, inSource);
  if (inTarget >= inSource) return undefined;
  // Not where the mention lost named a model by its maker and a code ("Boeing 777"): no pronoun stands there.
  const model = modelLost(name.text, text, target);
  if (model !== undefined)
    return {
      message: `name "${name.text}" is lost before "${model}", where the source writes "${name.text} ${model}"`,
    };
  const message = `name "${name.text}" is ${inSource} times in the source, ${inTarget} in the target`;
  // A target in another script that keeps a name of no dictionary in Latin letters keeps it at each mention (see
  // keptAtEachMention); elsewhere a pronoun may stand for one.
  if (keptAtEachMention(name, target.nonLatin)) return { message: `${message}, where it keeps it in Latin letters` };
  return { message: `${message}; replaced by a pronoun?`, severity: 'warning' };
}

/**
 * A website the source names by its domain ("Monster.com", "Booking.com"): a name no translation renders, only keeps.
 * The domain's ending the target keeps without the name, if it does ("le site de carrière.com").
 */
function siteLost(name: FoundName, text: string, target: TargetText): string | undefined {
  DOMAIN_AFTER.lastIndex = name.start + name.text.length;
  const m = DOMAIN_AFTER.exec(text);
  if (!m || target.hasPhrase(name.text)) return undefined;
  return target.text.includes(m[0]) ? m[0] : undefined;
}
// A domain's ending right after a name: ".com", ".org", ".co.uk".
const DOMAIN_AFTER = /(?:\.(?:com|org|net|info|co|[a-z]{2}))+(?![\p{L}\p{N}])/uy;

/**
 * A model or product the source names by a maker's name and a code ("Boeing 777", "Boeing 787-8s"): no pronoun stands
 * for the maker there. The code that stands in the target without the name before it, if any.
 */
function modelLost(name: string, text: string, target: TargetText): string | undefined {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at - 1))) continue;
    CODE_AFTER.lastIndex = at + name.length;
    const m = CODE_AFTER.exec(text);
    if (!m) continue;
    const code = m[1]!.replace(/s$/u, '');
    if (!target.hasToken(fold(code)) && !target.hasPhrase(code)) continue;
    if (target.hasPhrase(`${name} ${code}`) || target.hasPhrase(`${name}-${code}`)) continue;
    return code;
  }
  return undefined;
}
// A code right after a name: "777", "787-8s", "3D".
const CODE_AFTER = /\s+(\p{N}[\p{L}\p{N}-]*)/uy;
