import { describe, expect, it } from 'vitest';
import { readTextSettings } from '../../src/formats/registry.js';
import { LocflowError } from '../../src/errors.js';

const place = { file: '/project/locflow.config.json', root: '/project' };

/** The "text" section is checked against the keys each format declares in its own file. */
describe('the text section of the configuration', () => {
  it('is empty when the configuration has none', async () => {
    expect(await readTextSettings(undefined, place)).toEqual({});
  });

  it("keeps the plain-text and Markdown formats' keys, validated by their declarations", async () => {
    const read = await readTextSettings({ relatedLabels: ['see more'], frontMatter: ['title'] }, place);
    expect(read).toMatchObject({ relatedLabels: ['see more'], frontMatter: ['title'] });
    await expect(readTextSettings({ frontMatter: 'title' }, place)).rejects.toThrow(/text\.frontMatter/u);
    await expect(readTextSettings({ boilerplate: ['(unclosed'] }, place)).rejects.toThrow(
      /text\.boilerplate\[0\] is not a valid regular expression/u,
    );
  });

  it('refuses an unknown key with the keys of every format as the hint, naming the file', async () => {
    const err: unknown = await readTextSettings({ frontMater: ['title'] }, place).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocflowError);
    const e = err as LocflowError;
    expect(e.message).toBe('unknown key "text.frontMater"');
    expect(e.file).toBe(place.file);
    for (const key of ['boilerplate', 'relatedLabels', 'frontMatter']) expect(e.hint).toContain(key);
  });

  it('refuses a section that is not an object', async () => {
    await expect(readTextSettings(['boilerplate'], place)).rejects.toThrow(/text/u);
  });
});
