import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insideProject, writeFileAtomic } from '../src/io/files.js';
import { locflowInProcess } from './helpers.js';

/** A project and, beside it, an "outside" folder that links point to. */
function setup(): { d: string; out: string } {
  const base = mkdtempSync(join(tmpdir(), 'locflow-paths-'));
  const d = join(base, 'project');
  const out = join(base, 'outside');
  mkdirSync(join(d, 'source'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(d, 'source', 'a.txt'), 'Hello there.\n\nA second paragraph.\n');
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
  );
  return { d, out };
}

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>Hello there.</seg></tuv><tuv xml:lang="es"><seg>Hola.</seg></tuv></tu></body></tmx>
`;

describe('symbolic links out of the project (issue 10.8)', () => {
  it('a source linked to an outside file is not sent to the translator', async () => {
    const { d, out } = setup();
    writeFileSync(join(out, 'creds.txt'), 'password=hunter2\n');
    symlinkSync(join(out, 'creds.txt'), join(d, 'source', 'creds.txt'));
    await locflowInProcess(d, 'extract');
    const xliffs = existsSync(join(d, 'xliff', 'es'))
      ? readdirSync(join(d, 'xliff', 'es')).map((f) => readFileSync(join(d, 'xliff', 'es', f), 'utf8'))
      : [];
    expect(xliffs.join('')).not.toContain('hunter2');
  });

  it('extract does not write through a linked xliff folder', async () => {
    const { d, out } = setup();
    mkdirSync(join(d, 'xliff'));
    symlinkSync(out, join(d, 'xliff', 'es'));
    const r = await locflowInProcess(d, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(d, 'xliff', 'es')} → ${out}`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('build and import do not write through a linked locales folder', async () => {
    const { d, out } = setup();
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    const xlf = join(d, 'xliff', 'es', 'a.xlf');
    writeFileSync(
      xlf,
      readFileSync(xlf, 'utf8').replace('</source>', '</source>\n        <target state="translated">Hola.</target>'),
    );
    mkdirSync(join(d, 'locales'));
    symlinkSync(out, join(d, 'locales', 'es'));
    const imp = await locflowInProcess(d, 'import', xlf);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toMatch(/link to a (?:file|folder|file or folder) outside the project folder/u);
    const b = await locflowInProcess(d, 'build', '--lang', 'es');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/link to a (?:file|folder|file or folder) outside the project folder/u);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a dangling link out of the project is refused too', async () => {
    const { d, out } = setup();
    symlinkSync(join(out, 'not-yet'), join(d, 'xliff'));
    const r = await locflowInProcess(d, 'extract');
    expect(r.code).toBe(2);
    expect(existsSync(join(out, 'not-yet'))).toBe(false);
  });

  it('the memory is not written through a linked tm/project.db', async () => {
    const { d, out } = setup();
    writeFileSync(join(out, 'victim.db'), 'precious');
    mkdirSync(join(d, 'tm'));
    symlinkSync(join(out, 'victim.db'), join(d, 'tm', 'project.db'));
    writeFileSync(join(d, 'mem.tmx'), TMX);
    const r = await locflowInProcess(d, 'tm', 'import', 'mem.tmx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/link to a (?:file|folder|file or folder) outside the project folder/u);
    expect(readFileSync(join(out, 'victim.db'), 'utf8')).toBe('precious');
  });

  it('links that stay inside the project are followed', async () => {
    const { d } = setup();
    mkdirSync(join(d, 'work', 'xliff'), { recursive: true });
    symlinkSync(join(d, 'work', 'xliff'), join(d, 'xliff'));
    const r = await locflowInProcess(d, 'extract');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(d, 'work', 'xliff', 'es', 'a.xlf'))).toBe(true);
  });

  it('insideProject and writeFileAtomic refuse a link out, naming it and its target', () => {
    const { d, out } = setup();
    symlinkSync(out, join(d, 'locales'));
    expect(() => insideProject(d, 'locales/es/a.json', 'path')).toThrow(`${join(d, 'locales')} → ${out}`);
    expect(() => writeFileAtomic(join(d, 'locales', 'es', 'a.json'), '{}')).toThrow(/outside the project folder/u);
    expect(readdirSync(out)).toEqual([]);
  });
});
