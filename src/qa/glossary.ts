import { extname } from 'node:path';
import { LocflowError } from '../errors.js';
import { primarySubtag } from '../model/language.js';
import { readText } from '../io/files.js';
import { childElements, localName, parseXml, textContent, type XmlElement } from '../io/xml.js';

/**
 * A glossary: terms of the source language with their approved renderings per
 * target language, or marked do-not-translate. Read from CSV or TBX.
 */
export interface GlossaryEntry {
  readonly source: string;
  /** Approved renderings per target language (primary subtag, lower case). */
  readonly targets: Readonly<Record<string, readonly string[]>>;
  readonly doNotTranslate: boolean;
  /** A proper name (capitalised, or flagged so): checked by "names"; other terms by "terminology". */
  readonly isName: boolean;
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
}

export const EMPTY_GLOSSARY: Glossary = { entries: [] };

/** Renderings a target may use for an entry: approved ones, and the term itself when it is not to be translated. */
export function renderingsFor(entry: GlossaryEntry, targetLang: string): string[] {
  const approved = [
    ...new Set([
      ...(entry.targets[targetLang.toLowerCase()] ?? []),
      ...(entry.targets[primarySubtag(targetLang)] ?? []),
    ]),
  ];
  return entry.doNotTranslate || approved.length === 0
    ? [entry.source, ...approved.filter((a) => a !== entry.source)]
    : approved;
}

export function loadGlossary(path: string, sourceLang: string): Glossary {
  const text = readText(path, 'glossary');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return parseCsvGlossary(text, path, sourceLang, ext === '.tsv' ? '\t' : ',');
  if (ext === '.tbx' || ext === '.xml') return parseTbxGlossary(text, path, sourceLang);
  throw new LocflowError(`unknown glossary format "${ext}"`, {
    file: path,
    hint: 'use CSV (.csv, .tsv) or TBX (.tbx)',
  });
}

/** RFC 4180 fields: quotes, doubled quotes, separators and newlines inside quotes. */
export function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

const isCapitalised = (term: string): boolean => /^\p{Lu}/u.test(term) || /^\p{Lu}{2,}$/u.test(term);

/**
 * CSV: a header row of language codes, plus optional "translate" (no = do not
 * translate) and "type" (name|term) columns; several renderings split by "|".
 *   en,es,fr,translate
 *   Central Command,Comando Central,Commandement central,
 *   Centcom,,,no
 */
function parseCsvGlossary(text: string, file: string, sourceLang: string, sep: string): Glossary {
  const rows = parseCsv(text.replace(/^\uFEFF/u, ''), sep);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header) return EMPTY_GLOSSARY;
  const src =
    header.indexOf(primarySubtag(sourceLang)) >= 0
      ? header.indexOf(primarySubtag(sourceLang))
      : header.indexOf(sourceLang.toLowerCase());
  if (src < 0)
    throw new LocflowError(`the header has no column for the source language "${sourceLang}"`, {
      file,
      line: 1,
      hint: `start the file with a header such as "${primarySubtag(sourceLang)},es,fr,translate"`,
    });
  const entries: GlossaryEntry[] = [];
  rows.forEach((row) => {
    const source = row[src]?.trim();
    if (!source) return;
    const targets: Record<string, string[]> = {};
    let doNotTranslate = false;
    let type: string | undefined;
    header.forEach((h, col) => {
      const value = row[col]?.trim() ?? '';
      if (col === src || value === '') return;
      if (h === 'translate') doNotTranslate = /^(?:no|false|0)$/iu.test(value);
      else if (h === 'dnt') doNotTranslate = /^(?:yes|true|1|x)$/iu.test(value);
      else if (h === 'type') type = value.toLowerCase();
      else if (h === 'note' || h === 'comment') return;
      else if (/^[a-z]{2,3}(?:-[a-z0-9]+)*$/u.test(h))
        targets[h] = value
          .split('|')
          .map((v) => v.trim())
          .filter(Boolean);
      else
        throw new LocflowError(`unknown column "${h}"`, {
          file,
          line: 1,
          hint: 'columns are language codes, "translate", "type" and "note"',
        });
    });
    entries.push({ source, targets, doNotTranslate, isName: type ? type === 'name' : isCapitalised(source) });
  });
  return { entries };
}

/**
 * TBX (TBX-Basic or TBX v3): a termEntry per concept, a langSet per language.
 * An entry with `<termNote type="transferComment">do not translate</termNote>`
 * (or `<descrip type="translate">no</descrip>`), or with terms in the source
 * language only, is do-not-translate.
 */
function parseTbxGlossary(text: string, file: string, sourceLang: string): Glossary {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (err) {
    const e = err as Error & { line?: number; column?: number };
    throw new LocflowError(`malformed TBX: ${e.message}`, {
      file,
      ...(e.line ? { line: e.line } : {}),
      ...(e.column ? { column: e.column } : {}),
      cause: err,
    });
  }
  const entries: GlossaryEntry[] = [];
  const visit = (el: XmlElement): void => {
    if (localName(el.name) === 'termEntry' || localName(el.name) === 'conceptEntry') {
      entries.push(...tbxEntry(el, sourceLang));
      return;
    }
    for (const child of childElements(el)) visit(child);
  };
  visit(root);
  return { entries };
}

function tbxEntry(entry: XmlElement, sourceLang: string): GlossaryEntry[] {
  const terms = new Map<string, string[]>();
  let dnt = false;
  const walk = (el: XmlElement, lang: string | undefined): void => {
    const name = localName(el.name);
    const l = el.attrs['xml:lang'] ?? lang;
    if (name === 'term' && l)
      terms.set(l.toLowerCase(), [...(terms.get(l.toLowerCase()) ?? []), textContent(el).trim()]);
    if (
      (name === 'termNote' || name === 'descrip' || name === 'note') &&
      /do\s*not\s*translate|^no$|^dnt$/iu.test(textContent(el).trim())
    )
      dnt = true;
    for (const child of childElements(el)) walk(child, l);
  };
  walk(entry, undefined);
  const srcTerms = terms.get(sourceLang.toLowerCase()) ?? terms.get(primarySubtag(sourceLang)) ?? [];
  const targets: Record<string, string[]> = {};
  for (const [lang, list] of terms)
    if (lang !== sourceLang.toLowerCase() && lang !== primarySubtag(sourceLang)) targets[lang] = list;
  const onlySource = Object.keys(targets).length === 0;
  return srcTerms.map((source) => ({
    source,
    targets,
    doNotTranslate: dnt || onlySource,
    isName: isCapitalised(source),
  }));
}
