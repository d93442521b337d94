import { describe, expect, it } from 'vitest';
import { loadChecks } from '../src/qa/checks/index.js';
import { runChecks } from '../src/qa/runner.js';
import type { QaPair } from '../src/qa/types.js';
import { EMAIL, URL } from '../src/protect/patterns.js';
import { findProtectedSpans } from '../src/protect/protect.js';

/** The warning-level checks on correct translations: style choices pass, real slips are still found. */

const pair = (source: string, target: string, targetLang = 'es', id = 'u1'): QaPair => ({
  id,
  source: [source],
  target: [target],
  sourceLang: 'en',
  targetLang,
  file: 'f.txt',
});

async function found(
  check: string,
  source: string,
  target: string,
  lang = 'es',
): Promise<Array<{ message: string; severity: string }>> {
  const r = await runChecks([pair(source, target, lang)], { checks: await loadChecks([check]) });
  return r.issues.map((i) => ({ message: i.message, severity: i.severity }));
}
const warnings = async (check: string, source: string, target: string, lang = 'es'): Promise<string[]> =>
  (await found(check, source, target, lang)).filter((f) => f.severity !== 'info').map((f) => f.message);

describe('brackets-quotes', () => {
  it('takes every quotation style for the same quotes', async () => {
    expect(
      await warnings(
        'brackets-quotes',
        'The mayor called it "a good day" for the town.',
        'Le maire a parlé d’« une bonne journée » pour la ville.',
        'fr',
      ),
    ).toEqual([]);
    expect(
      await warnings(
        'brackets-quotes',
        'The mayor called it "a good day" for the town.',
        'Der Bürgermeister sprach von einem „guten Tag“ für die Stadt.',
        'de',
      ),
    ).toEqual([]);
    expect(
      await warnings(
        'brackets-quotes',
        'The mayor called it "a good day" for the town.',
        'Der Bürgermeister sprach von einem »guten Tag« für die Stadt.',
        'de',
      ),
    ).toEqual([]);
  });
  it('leaves quotes added or dropped around a quotation alone', async () => {
    expect(
      await warnings('brackets-quotes', 'She said the bridge was closed.', 'Dijo: "El puente está cerrado".'),
    ).toEqual([]);
    expect(
      await warnings('brackets-quotes', '"We will rebuild the school," she said.', 'Reconstruiremos la escuela, dijo.'),
    ).toEqual([]);
  });
  it('a quotation that runs into the next sentence or comes from the previous one is at most information', async () => {
    expect(
      await warnings(
        'brackets-quotes',
        '"We will rebuild the school," she said.',
        'Reconstruiremos la escuela", dijo.',
      ),
    ).toEqual([]);
    expect(
      await warnings(
        'brackets-quotes',
        'The farmer said the harvest was poor.',
        'El granjero dijo: "La cosecha fue mala.',
      ),
    ).toEqual([]);
    const info = await found(
      'brackets-quotes',
      '"We will rebuild the school," she said.',
      'Reconstruiremos la escuela", dijo.',
    );
    expect(info.map((f) => f.severity)).toEqual(['info']);
  });
  it('reads a straight quote between letters as an apostrophe or a missing space', async () => {
    expect(await warnings('brackets-quotes', 'The building stayed open.', 'L"édifice est resté ouvert.', 'fr')).toEqual(
      [],
    );
    expect(
      await warnings(
        'brackets-quotes',
        'He called it a "miracle" on Sunday.',
        'Er nannte es ein"Wunder" am Sonntag.',
        'de',
      ),
    ).toEqual([]);
  });
  it('still reports a quotation left open inside the target and a lost bracket', async () => {
    expect(
      await warnings(
        'brackets-quotes',
        'Critics called the plan "reckless" and "costly" last week.',
        'Los críticos llamaron al plan "temerario y "costoso" la semana pasada.',
      ),
    ).toHaveLength(1);
    expect(
      await warnings(
        'brackets-quotes',
        'The river (the longest in the region) flooded.',
        'El río (el más largo de la región se desbordó.',
      ),
    ).toEqual(['unbalanced () in the target (1 opening, 0 closing)']);
  });
});

describe('end-punctuation', () => {
  it('a full stop added or left out is style (a headline written as a sentence)', async () => {
    expect(
      await found('end-punctuation', 'Floods cut off three villages', 'Las inundaciones aíslan tres pueblos.'),
    ).toEqual([]);
    expect(await found('end-punctuation', 'The ferry was cancelled.', 'Fähre gestrichen', 'de')).toEqual([]);
    expect(
      await found('end-punctuation', 'And then the lights went out...', 'Y entonces se apagaron las luces.'),
    ).toEqual([]);
  });
  it('an English semicolon at the end of a list item is no question mark', async () => {
    expect(await found('end-punctuation', 'keep the windows closed;', 'mantener las ventanas cerradas')).toEqual([]);
    expect(await found('end-punctuation', 'keep the windows closed;', 'أبقوا النوافذ مغلقة؛', 'ar')).toEqual([]);
    expect(await warnings('end-punctuation', 'Is the road open?', 'Είναι ανοιχτός ο δρόμος;', 'el')).toEqual([]);
  });
  it('a statement asked as a question, or an exclamation toned down, is information', async () => {
    expect(
      (await found('end-punctuation', 'One may wonder who will pay for it.', '¿Quién pagará por ello?')).map(
        (f) => f.severity,
      ),
    ).toEqual(['info']);
    expect(
      (await found('end-punctuation', 'What a match that was!', 'Fue un gran partido.')).map((f) => f.severity),
    ).toEqual(['info']);
  });
  it('a question that lost its question mark is a warning', async () => {
    expect(
      await warnings('end-punctuation', 'Will the museum reopen in May?', 'Le musée rouvrira en mai.', 'fr'),
    ).toEqual(['the source ends with a question mark, the target with a full stop']);
  });
});

describe('repeated-words', () => {
  it('grammatical doubles are not slips', async () => {
    expect(
      await warnings(
        'repeated-words',
        'The towns that received the aid recovered.',
        'Die Städte, die die Hilfe erhielten, erholten sich.',
        'de',
      ),
    ).toEqual([]);
    expect(
      await warnings(
        'repeated-words',
        'You will feel better at once.',
        'Vous vous sentirez mieux tout de suite.',
        'fr',
      ),
    ).toEqual([]);
    expect(
      await warnings(
        'repeated-words',
        'She had the coat made to measure.',
        'Elle a fait faire le manteau sur mesure.',
        'fr',
      ),
    ).toEqual([]);
  });
  it('a capitalised word inside a sentence before the same word in lower case is two words', async () => {
    expect(
      await warnings('repeated-words', 'Please fold them carefully.', 'Bitte falten Sie sie vorsichtig.', 'de'),
    ).toEqual([]);
  });
  it('an acronym with a doubled letter spelled out in another script', async () => {
    expect(
      await warnings(
        'repeated-words',
        'The WHO and the OPEC met; the BBC reported.',
        'اجتمعت المنظمتان؛ ونقلت بي بي سي الخبر.',
        'ar',
      ),
    ).toEqual([]);
  });
  it('still reports a slip, at sentence start too', async () => {
    expect(
      await warnings('repeated-words', 'The bridge was repaired in June.', 'El puente fue reparado en en junio.'),
    ).toEqual(['"en" is repeated']);
    expect(await warnings('repeated-words', 'The bridge was repaired.', 'El el puente fue reparado.')).toEqual([
      '"El" is repeated',
    ]);
    expect(
      await warnings('repeated-words', 'They left without a word.', 'Sie gingen ohne ohne ein Wort.', 'de'),
    ).toEqual(['"ohne" is repeated']);
  });
});

describe('urls-emails', () => {
  it('a URL with or without its final slash, in any case of host, is the same address', async () => {
    expect(
      await found(
        'urls-emails',
        'Details at http://www.example.org/ today.',
        'Detalles en http://WWW.Example.org hoy.',
      ),
    ).toEqual([]);
  });
  it('a URL followed by punctuation of another script keeps its own characters only', async () => {
    expect(
      await found(
        'urls-emails',
        'See the register (https://data.example.net/list/), updated daily.',
        'انظر السجل (https://data.example.net/list/)، المحدث يوميًا.',
        'ar',
      ),
    ).toEqual([]);
  });
  it('a hashtag typed right to left ("tag#") is a warning that says why', async () => {
    const f = await found('urls-emails', 'The tag #SaveTheReef spread fast.', 'انتشر وسم SaveTheReef# بسرعة.', 'ar');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toMatch(/written "SaveTheReef#"/u);
  });
  it('a handle or hashtag the target adds (an attribution) is a warning; a changed one an error', async () => {
    expect(
      (await found('urls-emails', '"Too slow," a reader wrote.', '"Demasiado lento", escribió @lector_77.')).map(
        (f) => f.severity,
      ),
    ).toEqual(['warning']);
    expect(
      (await found('urls-emails', 'Write to press@example.com today.', 'Escriba a prensa@example.com hoy.')).map(
        (f) => f.severity,
      ),
    ).toEqual(['error', 'error']);
  });
  it('patterns: an e-mail starts where its characters start; URLs end before », ، and 。', () => {
    expect('Mail anna.b@example.co.uk now'.match(EMAIL)).toEqual(['anna.b@example.co.uk']);
    expect('«www.example.com/a» y، http://example.com/b، و http://example.com/c。'.match(URL)).toEqual([
      'www.example.com/a',
      'http://example.com/b',
      'http://example.com/c',
    ]);
    expect(findProtectedSpans('Write to a@b.org or see www.x.org.').map((s) => s.type)).toEqual(['email', 'url']);
  });
});

describe('untranslated and length', () => {
  it('a label made of names keeps its punctuation', async () => {
    expect(await found('untranslated', 'Chile:', 'Chile:', 'de')).toEqual([]);
    expect(await found('untranslated', 'Market Watch:', 'Market Watch:', 'de')).toEqual([]);
    expect(await found('untranslated', 'The market closed early:', 'The market closed early:', 'de')).toHaveLength(1);
  });
  it('a short text written out longer has some slack; a long one does not', async () => {
    expect(
      await found('length', 'Ferry services resumed', 'Los servicios de transbordador se reanudaron ayer por la tarde'),
    ).toEqual([]);
    expect(
      await found(
        'length',
        'The ferry services resumed on Monday.',
        'Los servicios de transbordador se reanudaron el lunes, después de que el temporal que azotó la costa durante toda la semana obligara a cerrar los dos puertos principales.',
      ),
    ).toHaveLength(1);
  });
});

describe('codes at the end of a sentence and percent signs', () => {
  it('a sentence ending in a protected URL ends in no mark', async () => {
    const url = { code: 'standalone' as const, id: '1', type: 'url' as const, data: 'www.example.cz' };
    const r = await runChecks(
      [
        {
          id: 'u',
          source: ['Programme at: ', url],
          target: ['Programa en ', url, '.'],
          sourceLang: 'en',
          targetLang: 'es',
          file: 'f',
        },
      ],
      { checks: await loadChecks(['end-punctuation']) },
    );
    expect(r.issues).toEqual([]);
  });
  it('the protector leaves percent signs in prose alone', () => {
    expect(findProtectedSpans('Between 30%-50% of cases, 100%% sure, %s and %1$d remain.').map((s) => s.type)).toEqual([
      'placeholder',
      'placeholder',
    ]);
  });
});

describe('end-punctuation after a closing quote', () => {
  it('a full stop after the closing quote keeps the mark inside it', async () => {
    expect(await found('end-punctuation', 'She asked, "Who will pay?"', 'Preguntó: «¿Quién pagará?».')).toEqual([]);
    expect(await found('end-punctuation', 'He shouted "Run!"', 'Il a crié « Courez ! ».', 'fr')).toEqual([]);
    expect(await warnings('end-punctuation', 'She asked, "Who will pay?"', 'Preguntó quién pagará.')).toHaveLength(1);
  });
});
