import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecks } from '../src/qa/checks/index.js';
import { EMPTY_GLOSSARY, loadGlossary, type Glossary } from '../src/qa/glossary.js';
import { findNames } from '../src/qa/names/detect.js';
import { learnRenderings, type ApprovedPair } from '../src/qa/names/learnt.js';
import { runChecks } from '../src/qa/runner.js';
import { CLI, locflowInProcess, tempProject } from './helpers.js';
import { spawnSync } from 'node:child_process';

// Sentences written for these tests: each shows one class of rendering or of defect, not a corpus line.

interface Found {
  readonly severity: string;
  readonly message: string;
}

async function names(
  source: string,
  target: string,
  targetLang = 'es',
  options: { glossary?: Glossary; approved?: readonly ApprovedPair[] } = {},
): Promise<Found[]> {
  const pair = { id: 'u', source: [source], target: [target], sourceLang: 'en', targetLang, file: 't' };
  const { issues } = await runChecks([pair], {
    checks: await loadChecks(['names']),
    glossary: options.glossary ?? EMPTY_GLOSSARY,
    ...(options.approved ? { approved: options.approved } : {}),
  });
  return issues.map((i) => ({ severity: i.severity, message: i.message }));
}

const errors = (found: Found[]): Found[] => found.filter((f) => f.severity === 'error');
const detected = (text: string): string[] => findNames(text, 'en').map((n) => n.text);

describe('names: what counts as a name in the source', () => {
  it('leaves out the pronoun I and its contractions', () => {
    expect(detected("Yesterday I met Okonjo, and I'm sure I'll see him again.")).toEqual(['Okonjo']);
  });

  it('leaves out courtesy titles before a name', () => {
    expect(detected('The talks with Mr Abubakar ended when Dr. Okafor left.')).toEqual(['Abubakar', 'Okafor']);
  });

  it('leaves out sentence-first common words, also after quotes and colons, but keeps a sentence-first name', () => {
    expect(detected('With Dogecoin falling, traders left.')).toEqual(['Dogecoin']);
    expect(detected('He said: "Markets will recover."')).toEqual([]);
    expect(detected('Zelenskyy spoke first.')).toEqual(['Zelenskyy']);
  });

  it('leaves out nationality, language and group words', () => {
    expect(detected('American, Spanish and British officials met Iraqis, Kurds and Jews in Paris.')).toEqual(['Paris']);
    expect(detected('Two Frenchmen and a Ukrainian crossed over.')).toEqual([]);
  });

  it('takes a bare -i as a demonym only on a whole place name: Kuwaitis and Somalis are groups, Renzi and Jordi people', () => {
    expect(detected('Kuwaitis, Somalis and an Omani watched.')).toEqual([]);
    expect(detected('They met Renzi and Monti, then Jordi Pujol.')).toEqual(['Renzi', 'Monti', 'Jordi Pujol']);
  });

  it('reads a title-case headline by the word list: only words no dictionary has are names', () => {
    expect(detected('Flood Waters Rise Again Across Northern Bavaria Towns')).toEqual(['Bavaria']);
  });

  it('keeps an acronym apart from the name after it, and a nationality apart from the name it describes', () => {
    expect(detected('The EU envoy Mirela Kovac met Nigerian Boko Haram negotiators.')).toEqual([
      'EU',
      'Mirela Kovac',
      'Boko Haram',
    ]);
  });

  it('sorts names into classes: coded, acronym, opaque, common', () => {
    const kinds = Object.fromEntries(
      findNames('The F-35 of NATO flew over Tikrit near the White House.', 'en').map((n) => [n.text, n.kind]),
    );
    expect(kinds).toEqual({ 'F-35': 'coded', NATO: 'acronym', Tikrit: 'opaque', 'White House': 'common' });
  });
});

describe('names: renderings translators use are accepted', () => {
  it('exonyms and adapted spellings (cognates)', async () => {
    expect(await names('Talks in Tehran and Kyiv ended.', 'Las conversaciones en Teherán y Kiev terminaron.')).toEqual(
      [],
    );
    expect(await names('Flights to Baghdad resumed.', 'Se reanudaron los vuelos a Bagdad.')).toEqual([]);
    expect(
      await names('Prime minister Karamanlis met Tsipras.', 'El primer ministro Karamanlís se reunió con Tsipras.'),
    ).toEqual([]);
  });

  it('institutions of translated words, in any order (most content words found)', async () => {
    expect(await names('The Heritage Foundation disagreed.', 'La Fundación Heritage no estuvo de acuerdo.')).toEqual(
      [],
    );
    expect(await names('Storms hit South Dakota.', 'Las tormentas azotaron Dakota del Sur.')).toEqual([]);
  });

  it('CLDR territories, long, short, variant and adjective forms', async () => {
    expect(await names('Exports from the United States rose.', 'Las exportaciones de EE.UU. subieron.')).toEqual([]);
    expect(await names('He moved to the Czech Republic.', 'Se mudó a Chequia.')).toEqual([]);
    expect(await names('Investors in Germany worried.', 'Los inversores alemanes se preocuparon.')).toEqual([]);
    expect(await names('The US envoy arrived.', "L'envoyé des É.-U. est arrivé.", 'fr')).toEqual([]);
  });

  it('localised acronyms: the same letters reordered, or one letter more', async () => {
    expect(await names('NATO and the IMF met the UN.', 'La OTAN y el FMI se reunieron con la ONU.')).toEqual([]);
  });

  it('acronyms written out: capitalised words with its initials, in any order, particles between', async () => {
    expect(await names('The EU imposed tariffs.', 'Die Europäische Union verhängte Zölle.', 'de')).toEqual([]);
    expect(await names('The ECB raised rates.', 'El Banco Central Europeo subió los tipos.')).toEqual([]);
    expect(await names('The UN sent observers.', 'Les Nations Unies ont envoyé des observateurs.', 'fr')).toEqual([]);
    // lower-case words with those initials are not the acronym, nor is a part of it
    expect(errors(await names('The ECB raised rates.', 'El banco central europeo subió los tipos.'))).toHaveLength(1);
    expect(await names('The ECB raised rates.', 'El Banco Europeo subió los tipos.')).toHaveLength(1);
  });

  it('inflected or compounded in German, with Arabic proclitics', async () => {
    expect(await names('Okonjos plan failed.', 'Okonjos Plan scheiterte.', 'de')).toEqual([]);
    expect(await names('Fighting near Kirkuk went on.', 'استمر القتال بكركوك.', 'ar')).toEqual([]);
  });

  it('transliterated into Arabic script', async () => {
    expect(await names('Officials in Najaf said so.', 'قال مسؤولون في النجف ذلك.', 'ar')).toEqual([]);
    expect(await names('Trump spoke to Zhou.', 'تحدث ترامب إلى تشو.', 'ar')).toEqual([]);
  });

  it('titles inside the run: "Mr Peña Nieto" is "Sr. Peña Nieto"', async () => {
    expect(await names('Mr Peña Nieto arrived.', 'Llegó el Sr. Peña Nieto.')).toEqual([]);
  });

  it('a rendering learnt from approved translations', async () => {
    const approved: ApprovedPair[] = [
      {
        source: 'The Tower Hamlets council met.',
        target: 'Se reunió el consejo del distrito oriental.',
        targetLang: 'es',
      },
      { source: 'Tower Hamlets voted.', target: 'El distrito oriental votó.', targetLang: 'es' },
      { source: 'The council met.', target: 'El consejo se reunió.', targetLang: 'es' },
    ];
    const learnt = learnRenderings(approved);
    expect(learnt('Tower Hamlets', 'es')).toContain('distrito oriental');
    expect(
      await names('The vote in Tower Hamlets was close.', 'La votación en el distrito oriental fue reñida.', 'es', {
        approved,
      }),
    ).toEqual([]);
    expect(
      await names('The vote in Tower Hamlets was close.', 'La votación en el consejo fue reñida.', 'es', { approved }),
    ).toHaveLength(1);
  });
});

describe('names: what is wrong whatever the style is an error', () => {
  it('a name lost without trace', async () => {
    const found = await names('Rescuers reached Mosul on Monday.', 'Los equipos de rescate llegaron el lunes.');
    expect(found).toEqual([{ severity: 'error', message: expect.stringMatching(/"Mosul" is not in the target/u) }]);
  });

  it('a name misspelt by two swapped letters', async () => {
    const found = await names('Ministers met Kovalenko today.', 'Los ministros se reunieron hoy con Kovalneko.');
    expect(found).toEqual([{ severity: 'error', message: 'name "Kovalenko" is misspelt in the target ("kovalneko")' }]);
  });

  it('a slip in one mention while another is spelt right', async () => {
    expect(
      errors(await names('Kovalenko won; Kovalenko smiled.', 'Kovalenko ganó; Kovalneko sonrió.'))[0]?.message,
    ).toMatch(/misspelt in the target \("kovalneko"\)/u);
  });

  it("a country's own target name does not excuse another name's loss", async () => {
    expect(
      errors(await names('Rescuers from Ukraine reached Mosul.', 'Los rescatistas de Ucrania llegaron.'))[0]?.message,
    ).toMatch(/"Mosul" is not in the target/u);
  });

  it('a name split apart by other words', async () => {
    const found = await names('They met Amal Clooney yesterday.', 'Ayer se reunieron con Amal, la abogada Clooney.');
    expect(errors(found)[0]?.message).toMatch(/"Amal Clooney" is split apart/u);
  });

  it('a coded name not kept as written', async () => {
    expect(errors(await names('The F-16 landed.', 'El caza aterrizó.'))).toHaveLength(1);
  });

  it('a do-not-translate glossary term not kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    writeFileSync(join(dir, 'g.csv'), 'en,es,type,translate\nBlueSky,,name,no\n');
    const glossary = loadGlossary(join(dir, 'g.csv'), 'en');
    expect(
      errors(await names('Post it on BlueSky.', 'Publícalo en Cielo Azul.', 'es', { glossary }))[0]?.message,
    ).toMatch(/"BlueSky" is not to be translated/u);
  });

  it('the last word of a name lost, while its first is kept', async () => {
    expect(errors(await names('Maria Okonkwo spoke.', 'Habló Maria.'))).toHaveLength(1);
  });
});

describe('names: what is often legitimate is a warning with a question', () => {
  it('a name of common words found by no means', async () => {
    const found = await names('The Supreme Court ruled.', 'El alto tribunal falló.');
    expect(found).toEqual([
      { severity: 'warning', message: 'name "Supreme Court" is not in the target; translated as?' },
    ]);
  });

  it('a name the target renders with a name of its own', async () => {
    const found = await names('The club fined Honza.', 'El club multó a Juanito.');
    expect(found).toEqual([
      {
        severity: 'warning',
        message: 'name "Honza" is not in the target as written; translated as "juanito"? (none begins like it)',
      },
    ]);
  });

  it('a German noun is not a rendering of a name, a German name is', async () => {
    expect(errors(await names('The court heard Okonkwo.', 'Das Gericht hörte die Angeklagte.', 'de'))).toHaveLength(1);
    expect(errors(await names('The club fined Honza.', 'Der Verein bestrafte Jan.', 'de'))).toEqual([]);
  });

  it('an exonym that sounds like the name, even where the dictionary lists it as a noun', async () => {
    expect(await names('The team flew to Naples.', 'Die Mannschaft flog nach Neapel.', 'de')).toEqual([
      { severity: 'warning', message: 'name "Naples" is not in the target as written; rendered as "Neapel"?' },
    ]);
    // a capitalised word that sounds otherwise does not excuse the loss
    expect(errors(await names('The team flew to Naples.', 'Die Mannschaft flog nach Hause.', 'de'))).toHaveLength(1);
  });

  it('a name shortened to its last word', async () => {
    expect(await names('Milena Kovacic resigned.', 'Kovacic dimitió.')).toEqual([
      { severity: 'warning', message: 'name "Milena Kovacic" is shortened in the target to "kovacic"' },
    ]);
  });

  it('one capitalised common word is a word: "the West" may be "Occidente"', async () => {
    expect(await names('Relations with the West cooled.', 'Las relaciones con Occidente se enfriaron.')).toEqual([]);
  });

  it('in another script, acronyms and translated names are left to the translator', async () => {
    expect(
      await names('The WHO warned the European Commission.', 'حذرت منظمة الصحة العالمية المفوضية الأوروبية.', 'ar'),
    ).toEqual([]);
  });
});

describe('names: a project learns renderings from its memory', () => {
  const tu = (en: string, es: string): string =>
    `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="es"><seg>${es}</seg></tuv></tu>`;
  const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>
<body>${tu('The Federal Reserve Board met.', 'Se reunió la Junta de la Reserva.')}${tu('The Federal Reserve Board voted.', 'La Junta de la Reserva votó.')}${tu('Rates rose.', 'Los tipos subieron.')}</body></tmx>`;
  const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="n.txt" source-language="en" target-language="es" datatype="plaintext"><body>
<trans-unit id="a"><source>Yesterday the Federal Reserve Board raised rates.</source><target>Ayer la Junta de la Reserva subió los tipos.</target></trans-unit>
</body></file></xliff>`;

  it('warns about an unknown rendering until the memory holds approved pairs that teach it', async () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'n.xlf'), xliff);
    const before = await locflowInProcess(dir, 'check', 'n.xlf', '--format', 'json');
    expect(before.stdout).toMatch(/Federal Reserve Board/u);
    writeFileSync(join(dir, 'tm.tmx'), tmx);
    expect((await locflowInProcess(dir, 'tm', 'import', 'tm.tmx')).code).toBe(0);
    const after = await locflowInProcess(dir, 'check', 'n.xlf', '--format', 'json');
    expect(after.code).toBe(0);
    expect(after.stdout).not.toMatch(/Federal Reserve Board/u);
  });
});

describe('a large run shares its pairs with worker threads', () => {
  it('gives the same report, in the same order, as one thread', () => {
    const dir = tempProject();
    const sentences = [
      ['Rescuers reached Mosul on Monday with 12 trucks.', 'Los equipos de rescate llegaron el lunes con 12 camiones.'],
      ['The Supreme Court ruled on 3 May.', 'El alto tribunal falló el 3 de mayo.'],
      ['Ministers met Kovalenko in Kyiv.', 'Los ministros se reunieron con Kovalneko en Kiev.'],
      ['NATO sent 1,200 troops.', 'La OTAN envió 1.200 soldados.'],
    ];
    const units = Array.from({ length: 2400 }, (_, i) => {
      const [en, es] = sentences[i % sentences.length]!;
      return `<trans-unit id="u${i}"><source>${en} (${i})</source><target>${es} (${i})</target></trans-unit>`;
    });
    writeFileSync(
      join(dir, 'big.xlf'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="big.txt" source-language="en" target-language="es" datatype="plaintext"><body>${units.join('\n')}</body></file></xliff>`,
    );
    const one = spawnSync(process.execPath, [CLI, 'check', 'big.xlf', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: { ...process.env, LOCFLOW_THREADS: '1' },
    });
    const two = spawnSync(process.execPath, [CLI, 'check', 'big.xlf', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: { ...process.env, LOCFLOW_THREADS: '2' },
    });
    expect(one.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout) as { issues: Array<{ unit: string; message: string }> };
    // Every fourth unit misspells a name: 600 of them, found in both halves of the run.
    expect(report.issues.filter((i) => /misspelt/u.test(i.message))).toHaveLength(600);
    expect(report.issues.some((i) => i.unit === 'u2398')).toBe(true);
  }, 120_000);
});

describe('an empty target', () => {
  it('is one finding, "empty", not also every number and name it lacks', async () => {
    const pair = {
      id: 'u',
      source: ['Rescuers reached Mosul with 12 trucks.'],
      target: ['  '],
      sourceLang: 'en',
      targetLang: 'es',
      file: 't',
    };
    const { issues } = await runChecks([pair], { severities: { spelling: 'off' } });
    expect(issues.map((i) => i.check)).toEqual(['empty']);
  });
});
