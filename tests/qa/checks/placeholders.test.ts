import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('placeholders', () => {
  it.each<[string, string, string, string[]]>([
    [
      'the same set, whatever the syntax',
      'Hello {{name}}, you have %d messages and {count, plural, one {# file} other {# files}}',
      'Hola {{name}}, tienes %d mensajes y {count, plural, one {# archivo} other {# archivos}}',
      [],
    ],
    [
      'a placeholder renamed',
      'Hello {{name}} (%1$s)',
      'Hola {{nombre}} (%1$s)',
      ['placeholder {{name}} is missing from the target', 'placeholder {{nombre}} is not in the source'],
    ],
    [
      "Apple's plural variable, kept and renamed",
      '%1$@ has %#@files@',
      '%1$@ hat %#@dateien@',
      ['placeholder %#@files@ is missing from the target', 'placeholder %#@dateien@ is not in the source'],
    ],
  ])('%s', async (_name, source, target, expected) => {
    expect((await issues('placeholders', pair(source, target))).map((i) => i.message)).toEqual(expected);
  });
});
