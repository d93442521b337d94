import { describe, expect, it } from 'vitest';
import {
  NOT_LATIN,
  NOT_LATIN_FROM,
  OTHER_SCRIPT_WORD,
  OTHER_SCRIPTS_FROM,
  TargetText,
} from '../../../src/qa/names/target.js';

describe('a text all below the first code point of the script patterns is read without them', () => {
  it('no UTF-16 unit below the limits matches the patterns, alone or doubled', () => {
    for (let c = 0; c < OTHER_SCRIPTS_FROM; c++) {
      const ch = String.fromCharCode(c);
      expect(OTHER_SCRIPT_WORD.test(ch + ch)).toBe(false);
      if (c < NOT_LATIN_FROM) expect(NOT_LATIN.test(ch)).toBe(false);
    }
    expect(NOT_LATIN.test(String.fromCharCode(NOT_LATIN_FROM))).toBe(true);
  });

  it('tells a target in another script from a Latin one with accents and symbols', () => {
    expect(new TargetText('Die Ärzte in São Paulo — «très» ½ © ˈʃ', 'de').nonLatin).toBe(false);
    expect(new TargetText('Визит в Москву', 'ru').nonLatin).toBe(true);
    expect(new TargetText('Η Ελλάδα', 'el').nonLatin).toBe(true);
    expect(new TargetText('東京で', 'ja').nonLatin).toBe(true);
    // (a stray Greek letter inside a Latin word is no word of another script)
    expect(new TargetText('ein Wert von 5 µm und β', 'de').nonLatin).toBe(false);
  });

  it('finds a transliteration only in a text with letters of another script', () => {
    expect(new TargetText('زار أوباما بغداد', 'ar').findWord('obama')).toBe('transliterated');
    expect(new TargetText('Obama visitó Bagdad', 'es').findWord('obama')).toBe('verbatim');
  });
});
