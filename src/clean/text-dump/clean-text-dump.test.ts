import { describe, expect, it } from 'vitest';
import { loadGold, readSeed } from '../../eval/gold.js';
import { toRawOffset } from '../../model/index.js';
import { cleanTextDump } from './clean-text-dump.js';

const gold = loadGold();

describe('cleanTextDump on the seed articles', () => {
  for (const expected of gold.documents) {
    describe(expected.file, () => {
      const raw = readSeed(expected.file);
      const result = cleanTextDump(raw);

      it('reads the headline, date, sections, captions and subheads', () => {
        expect(result.meta.headline).toBe(expected.headline);
        // The gold names the date a dump states; one chosen among the body's dates is marked estimated.
        const stated = result.meta.published?.estimated ? null : result.meta.published?.value;
        expect(stated ?? null).toBe(expected.published);
        expect(result.meta.sections).toEqual(expected.sections);
        expect(result.meta.captions).toEqual(expected.captions);
        expect(result.meta.subheads).toEqual(expected.subheads ?? []);
      });

      it('drops exactly the boilerplate lines', () => {
        expect(result.meta.boilerplate).toEqual(expected.boilerplate);
        for (const line of expected.boilerplate) expect(result.text).not.toContain(line.trim());
      });

      it('keeps every quote, and maps clean offsets back to the raw offsets of the gold', () => {
        for (const quote of [...expected.quotes, ...expected.indirect_quotes]) {
          const start = result.text.indexOf(quote.text.replace(/\u00a0/g, ' ').replace(/ +/g, ' '));
          expect(start, quote.text).toBeGreaterThanOrEqual(0);
          expect(toRawOffset(result.origin, start)).toBe(quote.start);
        }
      });
    });
  }
});

describe('cleanTextDump on messy input', () => {
  it('folds non-breaking spaces and keeps paragraphs apart', () => {
    const result = cleanTextDump('Headline here\n\nFirst\u00a0 paragraph   of text.\n\nSecond one.');
    expect(result.text).toBe('First paragraph of text.\n\nSecond one.');
    expect(result.meta.headline).toBe('Headline here');
  });

  it('finds the date of a dump whose menus come before it, among the dates of the page', () => {
    const lead =
      'Die Stadt hat am Dienstag beschlossen, die alte Brücke für ein Jahr zu sperren, damit sie gründlich saniert werden kann und danach wieder sicher ist.';
    const raw = `Samstag, 19. Oktober 2019\n\n  • Login\n  • Abo\n\nBrücke wird gesperrt\n\nAnna Muster\n16.10.2019 - 17:08 Uhr\n\n${lead}\n\nMehr: 3. März 2020`;
    expect(cleanTextDump(raw).meta.published).toMatchObject({
      value: '2019-10-16T17:08',
      estimated: true,
      from: 'text',
    });
  });

  it("leaves a wire service's sign-off after the last sentence out of the body", () => {
    const raw =
      'Japan raised its coffee import quota for the year, trade officials said on Tuesday.\n\nThe syndicate is likely to accept the proposed terms immediately, the sources said. REUTER';
    const cleaned = cleanTextDump(raw, { headline: 'JAPAN RAISES COFFEE QUOTA' });
    expect(cleaned.text.endsWith('the sources said.')).toBe(true);
    expect(cleaned.meta.boilerplate).toContain('REUTER');
    const loud = 'The minister spoke for an hour. He ended with a slogan: WE WILL WIN';
    expect(cleanTextDump(loud, { headline: 'Minister speaks' }).text).toContain('WE WILL WIN');
  });

  it('warns about a date header it cannot read', () => {
    const result = cleanTextDump('Published: sometime 12ish\n\nHeadline\n\nBody text here.');
    expect(result.messages.map((message) => message.ruleId)).toContain('dateline-unparsed');
  });

  it('treats learnt corpus boilerplate as boilerplate wherever it stands', () => {
    const known = new Set(['Read our daily briefing every morning.']);
    const result = cleanTextDump('Headline\n\nBody text.\n\nRead our daily briefing every morning.\n\nMore body.', {
      knownBoilerplate: known,
    });
    expect(result.text).toBe('Body text.\n\nMore body.');
  });

  it('gives a menu page an empty body, no headline and a message saying why', () => {
    const menu = [
      'Skip to main content',
      'Menu',
      ...['Home', 'News', 'Sport', 'Weather', 'Contact'].map((item) => `  • ${item}`),
    ];
    const result = cleanTextDump([...menu, '', '© 2024 Example Post'].join('\n'));
    expect(result.text).toBe('');
    expect(result.meta.headline).toBeUndefined();
    const message = result.messages.find((m) => m.ruleId === 'empty-after-clean');
    expect(message?.text).toMatch(/none of the dump's \d+ non-blank lines .* reads as prose/);
  });

  it('keeps a paragraph given alone, in any language, as the body with no headline', () => {
    for (const paragraph of [
      '서울시는 목요일 새로운 예산안을 발표했으며 시장은 학교와 도로에 돈을 쓰겠다고 말했다.',
      'Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen.',
    ]) {
      const result = cleanTextDump(paragraph);
      expect(result.text).toBe(paragraph);
      expect(result.meta.headline).toBeUndefined();
    }
  });

  it('reads Japanese sentences under a headline as the body, not as unpunctuated captions', () => {
    const body = [
      '先日、不正に改造した携帯電話を販売したとして、二十代の男性が逮捕されたというニュースを耳にしました。',
      '報道によると、今回販売されたのは、機能制限を解除した携帯電話だったとのことです。',
    ];
    const result = cleanTextDump(['商品の改造が商標法違反に', '', ...body.flatMap((line) => [line, ''])].join('\n'), {
      lineModel: null,
    });
    expect(result.meta.captions).toEqual([]);
    expect(result.text).toBe(body.join('\n\n'));
  });

  it('says an empty dump is empty', () => {
    const result = cleanTextDump('\n  \n');
    expect(result.text).toBe('');
    expect(result.messages.map((m) => m.text)).toContain('No article text: the dump is empty');
  });

  it('takes the title under the menus, never a skip link, a menu or a cookie banner', () => {
    const body = [
      'The city council voted on Tuesday to close the old river bridge for a year, so that engineers can replace its rusted steel beams.',
      'Residents who cross the bridge every day said they had expected the closure, though many worried about longer trips to work.',
      'The council said a ferry would run every twenty minutes while the bridge is closed, and that buses would be rerouted.',
    ];
    const raw = [
      'Skip to main content',
      'Menu',
      '  • Home',
      '  • Local',
      '  • Business',
      'This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.',
      '',
      'Council closes old river bridge for a year',
      '',
      'By Anna Berg',
      '',
      ...body.flatMap((paragraph) => [paragraph, '']),
      'Share this article',
      '© 2024 Riverton Post. All rights reserved.',
    ].join('\n');
    const result = cleanTextDump(raw);
    expect(result.meta.headline).toBe('Council closes old river bridge for a year');
    expect(result.text).toBe(body.join('\n\n'));
  });
});
