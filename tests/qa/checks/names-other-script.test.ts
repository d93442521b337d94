import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/config.js';
import { loadChecks } from '../../../src/qa/checks/index.js';
import { runChecks } from '../../../src/qa/runner.js';
import { arabicFiller, pair } from '../helpers.js';

/**
 * Names lost from a target in another script: kept in Latin letters, transliterated, or translated where the name's
 * words or the run show it may be. Filler units first, so that the run knows which words its sources write in lower
 * case (a word written so is no name only).
 */
const filler = arabicFiller();

/**
 * The names findings of the last unit, after the filler and the units before it; with qa.otherScriptNames "warning"
 * (other scripts' default) unless told otherwise, for the evidence a target that keeps no Latin word needs.
 */
async function run(
  units: Array<[string, string]>,
  settings: Record<string, string> = { otherScriptNames: 'warning' },
): Promise<string[]> {
  const { issues } = await runChecks([...filler, ...units.map(([s, t], i) => pair(s, t, 'ar', `u${i}`))], {
    checks: await loadChecks(['names']),
    settings,
  });
  return issues.filter((i) => i.unit === `u${units.length - 1}`).map((i) => `${i.severity}: ${i.message}`);
}

describe('a name with inner capitals lost from a target that keeps Latin letters', () => {
  it('is an error: such a name is kept or transliterated, not translated', async () => {
    expect(await run([['The lab ZentroVax tested the QBX kit.', 'اختبر المختبر مجموعة QBX.']])).toEqual([
      'error: name "ZentroVax" is not in the target: a name with inner capitals is kept as written or transliterated',
    ]);
  });

  it('not where the run renders it otherwise, nor where its pieces stand apart', async () => {
    const translated: Array<[string, string]> = [
      ['The MeroVs spread fast.', 'انتشرت فيروسات ميرو بسرعة.'],
      ['Two MeroVs were found.', 'عُثر على فيروسين من فيروسات ميرو.'],
    ];
    expect(
      (await run([...translated, ['The MeroVs reached the QBX lab.', 'وصلت الفيروسات إلى مختبر QBX.']])).join('\n'),
    ).not.toMatch(/error/u);
    expect(
      (await run([['Apps for KestrelDunmoor users.', 'تطبيقات لمستخدمي Kestrel وDunmoor.']])).join('\n'),
    ).not.toMatch(/error/u);
  });
});

describe('a name with inner capitals lost from a target that keeps no Latin word', () => {
  const lost: [string, string] = ['The lab ZentroVax won a grant.', 'فاز المختبر بمنحة كبيرة.'];

  it('is an error where another unit keeps it in Latin letters, also written with its first capital only', async () => {
    expect(await run([['Funding went to Zentrovax and others.', 'ذهب التمويل إلى Zentrovax وغيرها.'], lost])).toEqual([
      'error: name "ZentroVax" is not in the target: a name with inner capitals is kept as written or transliterated',
    ]);
  });

  it('not where no other unit keeps it so', async () => {
    const transliterated: [string, string] = [
      'Funding went to Zentrovax and others.',
      'ذهب التمويل إلى زنتروفاكس وغيرها.',
    ];
    for (const units of [[lost], [transliterated, lost]]) expect((await run(units)).join('\n')).not.toMatch(/error/u);
  });
});

describe('a name of words no dictionary has, lost from a target that keeps Latin letters', () => {
  it('is an error where the target keeps part of it, or another word in Latin letters', async () => {
    expect(await run([['Vaccines from Themora Kestrix were tested.', 'تم اختبار لقاحات Themora.']])).toEqual([
      'error: name "Themora Kestrix" is not in the target, neither kept nor transliterated ("Kestrix": no dictionary\'s word)',
    ]);
    expect(await run([['The QBX team met Vandrel on Monday.', 'التقى فريق QBX يوم الاثنين.']])).toEqual([
      'error: name "Vandrel" is not in the target, neither kept nor transliterated ("Vandrel": no dictionary\'s word)',
    ]);
  });

  it('also a compound of a common word, beside a word of the name the target keeps', async () => {
    expect(await run([['Vaccines from Themora Kelbioscience were tested.', 'تم اختبار لقاحات Themora.']])).toEqual([
      'error: name "Themora Kelbioscience" is not in the target, neither kept nor transliterated ("Kelbioscience": no dictionary\'s word)',
    ]);
    // (not a plural in -ies, a common word: "مختبرات" renders it)
    expect(
      (await run([['Vaccines from Themora Laboratories were tested.', 'تم اختبار لقاحات مختبرات Themora.']])).join(
        '\n',
      ),
    ).not.toMatch(/error/u);
  });

  it("not a sentence's first word, a country, a nationality, a compound of a common word, nor a name the run renders otherwise", async () => {
    for (const [source, target] of [
      ['Zorbidities and QBX: both were rare.', 'الأمراض المصاحبة وQBX: كلاهما نادر.'],
      ['The QBX team flew to Hungary.', 'سافر فريق QBX إلى المجر.'],
      ['The QBX team met the Chinese Zorvan Group.', 'التقى فريق QBX مجموعة زورفان الصينية.'],
      ['The QBX team follows Biosafety rules.', 'يتبع فريق QBX قواعد السلامة الحيوية.'],
    ])
      expect((await run([[source, target]])).join('\n')).not.toMatch(/error/u);
    const renderedOtherwise: Array<[string, string]> = [
      ['Vandrel is a city.', 'بكين مدينة.'],
      ['The QBX team met Vandrel on Monday.', 'التقى فريق QBX يوم الاثنين.'],
    ];
    expect((await run(renderedOtherwise)).join('\n')).not.toMatch(/error/u);
  });
});

describe('a name that ends in a word no dictionary has, after common words, lost where the target keeps another name in Latin letters', () => {
  it('is an error: the translator keeps such names in Latin letters', async () => {
    expect(await run([['Yesterday Northern Dravenko signed with Novarion Inc.', 'وقعت أمس مع Novarion Inc.']])).toEqual(
      [
        'error: name "Northern Dravenko" is not in the target, neither kept nor transliterated, where the target keeps "Novarion" in Latin letters',
      ],
    );
  });

  it('not where a word of it is transliterated, nor where no other name is kept in Latin letters', async () => {
    expect(
      (
        await run([
          ['Yesterday Northern Dravenko signed with Novarion Inc.', 'وقعت شركة نورثرن درافينكو أمس مع Novarion Inc.'],
        ])
      ).join('\n'),
    ).not.toMatch(/error/u);
    expect(
      (await run([['Northern Dravenko signed a deal yesterday.', 'وقعت الشركة أمس صفقة.']])).join('\n'),
    ).not.toMatch(/error/u);
  });
});

describe('a name of words no dictionary has that the one other unit with it keeps in Latin letters', () => {
  it('is an error where this unit lacks it', async () => {
    expect(
      await run([
        ['Vandrel makes vaccines.', 'تصنع Vandrel اللقاحات.'],
        ['Funding went to Vandrel and universities.', 'ذهب التمويل إلى الجامعات.'],
      ]),
    ).toEqual(['error: name "Vandrel" is not in the target, where 1 other unit keeps it as written']);
  });
});

describe('a word no dictionary has, lost from a target of another script that keeps no Latin word', () => {
  // (the name of several words only its first of which no dictionary has: the rule above asks for the whole name)
  const lost: [string, string] = [
    'Dravenko Pharmaceutical Companies announced a trial.',
    'أعلنت شركات الصيدلانية عن تجربة.',
  ];

  it('is an error where every other unit of the run with the word keeps it in Latin letters', async () => {
    expect(await run([['Later Dravenko hired staff.', 'لاحقًا وظفت Dravenko موظفين.'], lost])).toEqual([
      'error: name "Dravenko Pharmaceutical Companies" is not in the target, neither kept nor transliterated, where 1 other unit keeps "Dravenko" in Latin letters',
    ]);
  });

  it('a warning where no other unit has it, or one renders it otherwise', async () => {
    expect(await run([lost])).toEqual([
      'warning: name "Dravenko Pharmaceutical Companies" is not in the target, neither kept nor transliterated',
    ]);
    const transliterated: [string, string] = ['Then Dravenko sold a plant.', 'ثم باعت درافينكو مصنعًا.'];
    const keeping: [string, string] = ['Later Dravenko hired staff.', 'لاحقًا وظفت Dravenko موظفين.'];
    for (const others of [[transliterated], [keeping, transliterated]])
      expect((await run([...others, lost])).join('\n')).not.toMatch(/error/u);
  });
});

describe('a name kept in Latin letters in another script, named fewer times there than in the source', () => {
  it('is an error: the translator who keeps it once keeps it each time', async () => {
    expect(await run([['Vandrel built it, and Vandrel sold it.', 'بنته Vandrel ثم باعته.']])).toEqual([
      'error: name "Vandrel" is 2 times in the source, 1 in the target, where it keeps it in Latin letters',
    ]);
  });

  it('an acronym may be written out once: a warning', async () => {
    expect(await run([['QBX rose, and QBX fell.', 'ارتفعت QBX ثم انخفضت الشركة.']])).toEqual([
      'warning: name "QBX" is 2 times in the source, 1 in the target; replaced by a pronoun?',
    ]);
  });
});

describe('a name not in a target of another script, where the target has a gap there', () => {
  it('brackets with nothing between them, a proclitic written apart before punctuation', async () => {
    expect(await run([['The plan (KLMR) was late this year.', 'تأخرت الخطة () كثيرًا هذا العام.']])).toEqual([
      'error: name "KLMR" is not in the target as written, and the target has a gap there ("()")',
    ]);
    expect(
      (await run([['The feast known as Zhemora, in spring.', 'العيد المعروف بـ، في الربيع.']])).join('\n'),
    ).toMatch(
      /^error: name "Zhemora" is not in the target, neither kept nor transliterated, and the target has a gap there \("بـ"\)/u,
    );
  });

  it('a preposition before a word in the accusative, a kind of body before a comma', async () => {
    expect(await run([['The ministry worked with Zorvanix on an app.', 'عملت الوزارة مع تطبيقًا جديدًا.']])).toEqual([
      'error: name "Zorvanix" is not in the target, neither kept nor transliterated, and the target has a gap there ("مع تطبيقًا")',
    ]);
    expect(
      await run([['Yesterday Kelmora Biotech, a Danish firm, spoke.', 'تحدثت شركة، وهي شركة دنماركية، أمس.']]),
    ).toEqual([
      'error: name "Kelmora Biotech" is not in the target, neither kept nor transliterated, and the target has a gap there ("شركة")',
    ]);
  });

  it('a proclitic written apart right before an opening bracket, the name cut and only its web address left', async () => {
    expect(
      await run([
        [
          'According to Kelmorix (https://www.kelmorix.org/data/), cases rose.',
          'وفقًا لـ (https://www.kelmorix.org/data/)، ارتفعت الحالات.',
        ],
      ]),
    ).toEqual([
      'error: name "Kelmorix" is not in the target, neither kept nor transliterated, and the target has a gap there ("لـ (")',
    ]);
    // (not before a quotation mark or a digit: "يُعرف بـ "تسطيح المنحنى""; nor where the name stands)
    expect(
      await run([
        [
          'According to Kelmorix (https://www.kelmorix.org/data/), cases rose.',
          'وفقًا لـ Kelmorix (https://www.kelmorix.org/data/)، ارتفعت الحالات.',
        ],
      ]),
    ).toEqual([]);
  });

  it("a hashtag's sign left without its tag", async () => {
    expect(
      await run([['In Norway the hashtag #KeepItLocal trended on Twitter.', 'في النرويج، تصدر هاشتاج# تويتر.']]),
    ).toEqual(['error: name "KeepItLocal" is not in the target as written, and the target has a gap there ("#")']);
  });

  it('not where the preposition has its noun, nor a kind of body with its article or ending a sentence', async () => {
    for (const [source, target] of [
      ['The ministry worked with Zorvanix on an app.', 'عملت الوزارة مع الشركة على تطبيق جديد.'],
      ['Zorvanix tested more than 64 patients.', 'اختبرت الشركة أكثر من 64 مريضًا.'],
      ['Yesterday Kelmora Biotech, a Danish firm, spoke.', 'تحدثت الشركة، وهي دنماركية، أمس.'],
      ['Kelmora Biotech is a firm.', 'إنها شركة.'],
    ])
      expect((await run([[source, target]])).join('\n')).not.toMatch(/error/u);
  });

  it('a name in Latin letters cut at one end, a list that lost its first item, a mention cut from a code', async () => {
    const shoes = 'The shoe maker Walk With a Smile said on Monday that it had run out of stock.';
    expect(await run([[shoes, 'قالت شركة الأحذية Walk With a، يوم الاثنين، إن مخزونها نفد.']])).toEqual([
      'error: name "Smile" is not in the target as written, and the target has a gap there ("a")',
    ]);
    expect(await run([['Use apps like Quick Notes and Skype to talk.', 'استخدم تطبيقات مثل وSkype للتحدث.']])).toEqual([
      'error: name "Quick Notes" is not in the target as written, and the target has a gap there ("مثل و")',
    ]);
    const code = 'One KLV vaccine (KLV-7) and one made by KLV (RX-KLV-B) were tested.';
    expect((await run([[code, 'جُرّب لقاح (KLV-7) ولقاح آخر (RX--B).']])).join('\n')).toMatch(
      /^error: name "KLV" is 4 times in the source, 1 in the target, and the target has a gap where one stood \("RX--B"\)/mu,
    );
    // (kept whole, no gap: as before)
    expect(
      (
        await run([['Use apps like Quick Notes and Skype to talk.', 'استخدم تطبيقات مثل Quick Notes وSkype للتحدث.']])
      ).join('\n'),
    ).not.toMatch(/error/u);
  });

  it('not a common word in capitals before a colon', async () => {
    expect((await run([['TO: all staff', 'إلى: جميع الموظفين']])).join('\n')).not.toMatch(/error/u);
  });
});

describe('a name a target in another script keeps in Latin letters, but for a word', () => {
  it('is an error: a name kept in Latin letters keeps all its words', async () => {
    expect(await run([['Also the Silent Computer Club issued lists.', 'وأصدر Computer Club قوائم أيضًا.']])).toEqual([
      'error: name "Silent Computer Club" is kept in Latin letters ("Computer Club") but for "Silent"',
    ]);
  });

  it('not a nationality, which the translation writes in its own words, nor a word transliterated', async () => {
    for (const target of [
      'اجتمع نادي Silent Computer Club الألماني يوم الاثنين.',
      'اجتمع سايلنت Computer Club يوم الاثنين.',
    ])
      expect((await run([['Also the German Silent Computer Club issued lists.', target]])).join('\n')).not.toMatch(
        /error/u,
      );
  });
});

describe('qa.otherScriptNames: a name lost from a target in another script that keeps no Latin word', () => {
  const opaque: [string, string] = ['Vaccines from Kestrava were tested.', 'تم اختبار لقاحات في المختبر.'];
  const coded: [string, string] = ['Many people use ZenoTrack every day.', 'يستخدم الكثيرون التطبيق كل يوم.'];

  it('an error by default in Arabic, whose transliterations are read; none with "warning"', async () => {
    for (const unit of [opaque, coded]) {
      expect((await run([unit], {})).join('\n')).toMatch(/^error: name "(?:Kestrava|ZenoTrack)"/u);
      expect((await run([unit], { otherScriptNames: 'error' })).join('\n')).toMatch(
        /^error: name "(?:Kestrava|ZenoTrack)"/u,
      );
      expect((await run([unit], { otherScriptNames: 'warning' })).join('\n')).not.toMatch(/error/u);
    }
  });

  it('no error by default in another script, whose transliterations are not read (Greek: Κεστράβα)', async () => {
    const greek = async (target: string, settings = {}): Promise<string> =>
      (
        await runChecks([pair('Vaccines from Kestrava were tested.', target, 'el', 'g')], {
          checks: await loadChecks(['names']),
          settings,
        })
      ).issues
        .map((i) => `${i.severity}: ${i.message}`)
        .join('\n');
    expect(await greek('Δοκιμάστηκαν εμβόλια από την Κεστράβα.')).not.toMatch(/error/u);
    expect(await greek('Δοκιμάστηκαν εμβόλια στο εργαστήριο.')).not.toMatch(/error/u);
  });

  it('a doctrine in -ism is a common noun, translated: no error, even with "error" (Taoism → الطاوية)', async () => {
    expect(
      (
        await run([['Taoism and Jainism teach calm.', 'تعلّم الطاوية والجاينية الهدوء.']], { otherScriptNames: 'error' })
      ).join('\n'),
    ).not.toMatch(/error/u);
  });

  it('not for a name the rules leave out whatever the setting (a country, a name the run renders otherwise)', async () => {
    expect(
      (await run([['The team flew to Hungary.', 'سافر الفريق إلى المجر.']], { otherScriptNames: 'error' })).join('\n'),
    ).not.toMatch(/error/u);
    expect(
      (
        await run(
          [
            ['Kestrava is a city.', 'بكين مدينة.'],
            ['Vaccines from Kestrava were tested.', 'تم اختبار لقاحات في المختبر.'],
          ],
          { otherScriptNames: 'error' },
        )
      ).join('\n'),
    ).not.toMatch(/error/u);
  });

  it('takes "warning" or "error" only', async () => {
    await expect(validateConfig({ qa: { otherScriptNames: 'fatal' } }, 'locflow.config.json', '/tmp')).rejects.toThrow(
      /otherScriptNames must be "warning" or "error"/u,
    );
  });
});
