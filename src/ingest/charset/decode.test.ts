import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectLegacy, guessLegacy, looksMostlyUtf8 } from './decode.js';

/** News-style sentences, each encoded in a legacy code page with no declaration. */
const SAMPLES: [string, string][] = [
  [
    'windows-1256',
    'قال وزير الخارجية العراقي إن الحكومة ستعقد اجتماعا طارئا يوم الاثنين لمناقشة الأزمة مع الدول المجاورة، وأضاف أن المفاوضات ستستأنف الأسبوع المقبل في بغداد بحضور ممثلين عن الأمم المتحدة.',
  ],
  [
    'iso-8859-6',
    'قال وزير الخارجية العراقي إن الحكومة ستعقد اجتماعا طارئا يوم الاثنين لمناقشة الأزمة مع الدول المجاورة، وأضاف أن المفاوضات ستستأنف الأسبوع المقبل.',
  ],
  [
    'windows-1252',
    'Le ministre des Affaires étrangères a déclaré « nous sommes prêts » à la presse — mais la réunion a été reportée à l’été, selon un communiqué publié mercredi à Genève.',
  ],
  [
    'windows-1252',
    'Die Bundesregierung hat am Dienstag über die Maßnahmen für Flüchtlinge in Österreich gesprochen. „Wir müssen schnell handeln“, sagte die Ministerin nach dem Treffen in München.',
  ],
  [
    'windows-1252',
    'El presidente anunció el miércoles que el Gobierno aprobará nuevas medidas económicas; según fuentes oficiales, la inflación alcanzó un máximo de 8,5 % en el último año.',
  ],
  [
    'iso-8859-1',
    'O governo anunciou na quarta-feira que São Paulo receberá novos investimentos; a população está preocupada com a situação econômica e as eleições de outubro.',
  ],
  [
    'iso-8859-7',
    'Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα για την οικονομία της χώρας, ενώ οι συνδικαλιστές προειδοποίησαν για απεργίες τις επόμενες εβδομάδες.',
  ],
  [
    'windows-1251',
    'Правительство объявило в среду о новых мерах поддержки экономики страны, а профсоюзы предупредили о забастовках в ближайшие недели по всей России.',
  ],
  [
    'koi8-r',
    'Правительство объявило в среду о новых мерах поддержки экономики страны, а профсоюзы предупредили о забастовках в ближайшие недели по всей России.',
  ],
  [
    'iso-8859-2',
    'Rząd ogłosił w środę nowe środki wsparcia dla gospodarki kraju, a związki zawodowe ostrzegły przed strajkami w najbliższych tygodniach w całej Polsce.',
  ],
  [
    'windows-1254',
    'Hükümet çarşamba günü ülke ekonomisi için yeni destek önlemleri açıkladı; sendikalar önümüzdeki haftalarda tüm Türkiye genelinde grev yapılacağı konusunda uyardı.',
  ],
];

describe('decodeBytes on undeclared legacy encodings', () => {
  it.each(SAMPLES)('reads a %s news sentence back exactly', (charset, text) => {
    const decoded = decodeBytes(iconv.encode(text, charset));
    expect(decoded.from).toBe('detected');
    expect(decoded.text).toBe(text);
  });

  it('reads a short Arabic headline, too short for statistics, by its byte ranges', () => {
    const text = 'بغداد: اجتماع طارئ';
    const bytes = iconv.encode(text, 'windows-1256');
    expect(decodeBytes(bytes)).toEqual({ text, charset: 'windows-1256', from: 'detected' });
    expect(guessLegacy(bytes)).toBe('windows-1256');
  });

  it('reads windows-1252 curly quotes, euro sign and dashes in 0x80–0x9F', () => {
    const bytes = Buffer.from([
      0x93, 0x50, 0x72, 0x69, 0x78, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9,
    ]);
    expect(decodeBytes(bytes).text).toBe('“Prix” €5 – café');
  });

  it('falls back to windows-1252 for a lone accented letter', () => {
    expect(detectLegacy(Buffer.from('caf\xe9', 'latin1'))).toBe('windows-1252');
    expect(decodeBytes(Buffer.from('Caf\xe9 au lait', 'latin1')).text).toBe('Café au lait');
  });
});

describe('decodeBytes on declarations', () => {
  it('reads a Latin-1 declaration as windows-1252, as browsers do', () => {
    const bytes = Buffer.from([0x93, 0x4f, 0x75, 0x69, 0x94, 0x20, 0xe0, 0x20, 0x50, 0x61, 0x72, 0x69, 0x73]);
    expect(decodeBytes(bytes, 'ISO-8859-1')).toEqual({
      text: '“Oui” à Paris',
      charset: 'windows-1252',
      from: 'header',
    });
  });

  it('prefers the byte-order mark, then the header, then <meta charset>', () => {
    const arabic = 'مرحبا بالعالم';
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1256"></head><body>'),
      iconv.encode(arabic, 'windows-1256'),
    ]);
    expect(decodeBytes(html, undefined, true)).toMatchObject({ charset: 'windows-1256', from: 'meta' });
    expect(decodeBytes(html, undefined, true).text).toContain(arabic);
    expect(decodeBytes(html, 'windows-1252', true).from).toBe('header');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich', 'utf16le')]);
    expect(decodeBytes(utf16, 'windows-1252')).toEqual({ text: 'Zürich', charset: 'utf-16le', from: 'bom' });
  });
});

describe('decodeBytes on broken UTF-8', () => {
  it('keeps a mostly UTF-8 text as UTF-8 and marks only the broken bytes', () => {
    const good = Buffer.from('Müller sagte: „Wir sind bereit“ – in Köln ');
    const bytes = Buffer.concat([
      good,
      Buffer.from([0xff]),
      Buffer.from(' und Düsseldorf '),
      Buffer.from([0xe2, 0x80]),
    ]);
    expect(looksMostlyUtf8(bytes)).toBe(true);
    const decoded = decodeBytes(bytes);
    expect(decoded.from).toBe('utf8-lossy');
    expect(decoded.text).toBe(`${good.toString()}\ufffd und Düsseldorf \ufffd`);
  });

  it('does not mistake windows-1252 text for broken UTF-8', () => {
    expect(looksMostlyUtf8(iconv.encode(SAMPLES[3]![1], 'windows-1252'))).toBe(false);
  });
});

describe('decodeBytes normalisation', () => {
  it('returns NFC: a decomposed é becomes one code point', () => {
    const decoded = decodeBytes(Buffer.from('Cafe\u0301 Mu\u0308ller'));
    expect(decoded.text).toBe('Café Müller');
    expect(decoded.text).toHaveLength(11);
  });

  it('returns NFC for every legacy sample', () => {
    for (const [charset, text] of SAMPLES) {
      const decoded = decodeBytes(iconv.encode(text, charset)).text;
      expect(decoded.normalize('NFC')).toBe(decoded);
    }
  });

  it('keeps non-breaking and odd spaces as they are (clean/ folds them)', () => {
    const text = 'A\u00a0B\u2009C\u202fD\u3000E\u200bF';
    expect(decodeBytes(Buffer.from(text)).text).toBe(text);
    expect(decodeBytes(Buffer.from([0x31, 0x30, 0xa0, 0x80, 0x20, 0x70, 0x72, 0xe8, 0x73])).text).toBe(
      '10\u00a0€ près',
    );
  });
});
