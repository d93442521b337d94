import { describe, expect, it } from 'vitest';
import { formatFor, loadFormats } from '../src/formats/registry.js';

const meta = { id: 'a', path: 'a.txt', sourceLang: 'en' };
const TEXT = 'Headline here\n\nWeather for the week ahead\n\nThe council met on Monday. It voted.\n';
const roles = (section: Readonly<Record<string, unknown>>): string[] =>
  formatFor('a.txt')
    .read(TEXT, meta, section)
    .units.map((u) => u.context?.role ?? '');

describe("a format's settings, made once per configuration section", () => {
  it('a document read with other settings is read with those, and the first settings stay as they were', async () => {
    await loadFormats(['a.txt']);
    const plain = {};
    const furniture = { boilerplate: ['^weather\\b'] };
    const before = roles(plain);
    expect(before).not.toContain('boilerplate');
    expect(roles(furniture)).toContain('boilerplate');
    expect(roles(plain)).toEqual(before);
    expect(roles({ boilerplate: ['^nothing matches$'] })).toEqual(before);
    // The same settings asked again, and a unit reader on them, give the same reading.
    expect(roles(furniture)).toContain('boilerplate');
    const reader = formatFor('a.txt').unitReader!(meta, furniture);
    const units = [...reader.push(TEXT), ...reader.end()];
    expect(units.map((u) => u.context?.role)).toEqual(roles(furniture));
  });
});
