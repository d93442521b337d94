import { describe, expect, it } from 'vitest';
import { canonicalTag, intlCanonicalTag, primarySubtag } from '../../src/model/language.js';
import { loadProject } from '../../src/project/load.js';
import { chooseLanguages } from '../../src/project/languages.js';
import { rulesFor } from '../../src/segment/languages.js';
import { tempProject } from '../helpers.js';

/**
 * The tags each reader accepts, as a table. A file or a command line is read as Intl reads it ("_" is no
 * separator there), the configuration and the check command's path parts with "_" read as "-".
 */
const TAGS: ReadonlyArray<[tag: string, intl: string | undefined, lenient: string | undefined, primary: string]> = [
  ['es', 'es', 'es', 'es'],
  ['ES', 'es', 'es', 'es'],
  ['es-mx', 'es-MX', 'es-MX', 'es'],
  ['es_MX', undefined, 'es-MX', 'es'],
  ['zh_hant', undefined, 'zh-Hant', 'zh'],
  ['sr-latn', 'sr-Latn', 'sr-Latn', 'sr'],
  ['art-lojban', 'jbo', 'jbo', 'art'],
  ['iw', 'he', 'he', 'iw'],
  ['qps-ploc', 'qps-Ploc', 'qps-Ploc', 'qps'],
  ['de-x-pseudo', 'de-x-pseudo', 'de-x-pseudo', 'de'],
  ['es-419', 'es-419', 'es-419', 'es'],
  ['abcde', 'abcde', undefined, 'abcde'],
  ['en-GB-oed', undefined, undefined, 'en'],
  ['i-klingon', undefined, undefined, 'i'],
  ['en-', undefined, undefined, 'en'],
  ['', undefined, undefined, ''],
];

describe('language tags, one home', () => {
  it.each(TAGS)('%s: Intl reads %s, the lenient reader %s, primary subtag %s', (tag, intl, lenient, primary) => {
    expect(intlCanonicalTag(tag)).toBe(intl);
    expect(canonicalTag(tag)).toBe(lenient);
    expect(primarySubtag(tag)).toBe(primary);
  });

  it('--lang takes what Intl reads, in canonical form, and refuses the rest naming the tag', async () => {
    const project = await loadProject(tempProject());
    expect(chooseLanguages(project, ['ES', 'fr'])).toEqual(['es', 'fr']);
    expect(chooseLanguages(project, undefined)).toEqual(['es', 'fr', 'de', 'ar']);
    expect(() => chooseLanguages(project, ['es_ES'])).toThrow('"es_ES" is not a valid language tag');
    expect(() => chooseLanguages(project, ['pt'])).toThrow('"pt" is not a target language of this project');
  });

  it('the segmenter keys its rules by the primary subtag, "_" or "-", any case; an empty tag is English', () => {
    expect(rulesFor('DE_at').nounsCapitalised).toBe(true);
    expect(rulesFor('de-AT')).toEqual(rulesFor('de'));
    expect(rulesFor('')).toEqual(rulesFor('en'));
    expect(rulesFor('zh-Hant').spaceless).toBe(true);
  });
});
