import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { primary } from '../glossary.js';
import { textWithoutCodes } from '../text.js';
import type { CollectionCheck, Finding, QaPair } from '../types.js';

const DICTIONARY_DIRS = ['/usr/share/hunspell', '/usr/share/myspell', '/usr/share/myspell/dicts', '/usr/local/share/hunspell'];

/** The installed hunspell dictionary for a language: "es-MX" → es_MX, else es_ES, else any es_*. */
export function findDictionary(lang: string): string | null {
  const available = DICTIONARY_DIRS.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.dic')).map((f) => f.slice(0, -4)));
  const tag = lang.replace('-', '_');
  const p = primary(lang);
  return available.find((d) => d.toLowerCase() === tag.toLowerCase()) ?? available.find((d) => d.toLowerCase() === `${p}_${p}`) ?? available.find((d) => d.toLowerCase().startsWith(`${p}_`) || d.toLowerCase() === p) ?? null;
}

function hunspellAvailable(): boolean {
  return spawnSync('hunspell', ['-v'], { encoding: 'utf8' }).status === 0;
}

/**
 * Spelling through hunspell's pipe mode, one run per language. Names found in
 * the source and glossary renderings form a personal word list, so "Kirkuk" is
 * no misspelling. Without hunspell or a dictionary the check says so once.
 */
export const spelling: CollectionCheck = {
  id: 'spelling',
  severity: 'warning',
  description: 'Misspelled words in the target, with hunspell where a dictionary for the target language is installed.',
  runAll(pairs, context) {
    const out: Array<{ pair: QaPair; finding: Finding }> = [];
    const byLang = new Map<string, QaPair[]>();
    for (const p of pairs) byLang.set(p.targetLang, [...(byLang.get(p.targetLang) ?? []), p]);
    if (byLang.size === 0) return out;
    if (!hunspellAvailable()) {
      context.notice('spelling: hunspell is not installed, so spelling was not checked (Debian: apt-get install hunspell hunspell-es …)');
      return out;
    }
    for (const [lang, group] of byLang) {
      const dictionary = findDictionary(lang);
      if (!dictionary) {
        context.notice(`spelling: no hunspell dictionary for "${lang}" is installed, so its spelling was not checked (Debian: hunspell-${primary(lang)})`);
        continue;
      }
      const personal = new Set<string>();
      for (const p of group) for (const w of textWithoutCodes(p.source).match(/\p{Lu}[\p{L}'’-]*/gu) ?? []) personal.add(w.replace(/['’]s$/u, ''));
      for (const e of context.glossary.entries) for (const t of [e.source, ...Object.values(e.targets).flat()]) for (const w of t.split(/[\s.]+/u)) if (w) personal.add(w);
      const dir = mkdtempSync(join(tmpdir(), 'locflow-spell-'));
      try {
        const words = join(dir, 'names.dic');
        writeFileSync(words, [...personal].join('\n') + '\n');
        // "^" keeps each line from being read as a pipe-mode command.
        const input = group.map((p) => '^' + textWithoutCodes(p.target).replace(/[\r\n\uFFFC]+/gu, ' ')).join('\n') + '\n';
        const r = spawnSync('hunspell', ['-a', '-d', dictionary, '-p', words, '-i', 'utf-8'], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        if (r.status !== 0) {
          context.notice(`spelling: hunspell failed for "${lang}": ${r.stderr.trim()}`);
          continue;
        }
        const blocks = r.stdout.split('\n').slice(1).join('\n').split(/\n\n/u);
        group.forEach((pair, i) => {
          for (const line of (blocks[i] ?? '').split('\n')) {
            const m = /^[&#] (\S+) (?:\d+ )?(\d+)(?::\s*(.*))?$/u.exec(line);
            if (!m) continue;
            const start = Math.max(0, Number(m[2]) - 1);
            out.push({ pair, finding: { message: `"${m[1]}" may be misspelled${m[3] ? ` (suggestions: ${m[3].split(', ').slice(0, 3).join(', ')})` : ''}`, targetSpan: { start, end: start + m[1]!.length } } });
          }
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return out;
  },
};
