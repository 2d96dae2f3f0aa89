import { describe, expect, it } from 'vitest';
import {
  capitalisedNames,
  governedByHypothesis,
  midSentenceCapitals,
  moneyMeasureLeft,
  sourceStretches,
} from './clause-reading.js';
import { loadClaimsLexicon } from './statements.js';
import { readUnit } from './units.js';

const lexicon = loadClaimsLexicon();
const functionWords = new Set(lexicon.functionWords);
const changeWords = new Set(lexicon.changeWords);
const hypothetical = new RegExp(`\\b(?:${lexicon.hypothetical.join('|')})\\b`, 'i');
const at = (sentence: string, figure: string) => {
  const start = sentence.indexOf(figure);
  return [start, start + figure.length] as const;
};

describe('the clause that governs a figure', () => {
  it('is a forecast only when its own verb says so', () => {
    const forecast = 'The operator said it would have 10 million subscribers by 2010.';
    expect(governedByHypothesis(forecast, ...at(forecast, '10 million'), hypothetical)).toBe(true);
    const stated = 'The operator, which will launch a film channel, has 7 million subscribers.';
    expect(governedByHypothesis(stated, ...at(stated, '7 million'), hypothetical)).toBe(false);
    const after = 'Savings of £3bn are expected from the merger.';
    expect(governedByHypothesis(after, ...at(after, '£3bn'), hypothetical)).toBe(true);
  });
  it('reads the noun a sum of money measures from the words left of it', () => {
    expect(moneyMeasureLeft('The group said net profit was', functionWords, changeWords)).toBe('net profit');
    expect(moneyMeasureLeft('It faces a bill of', functionWords, changeWords)).toBe('bill');
    expect(moneyMeasureLeft('The bank was fined', functionWords, changeWords)).toBe('fined');
  });
  it('leaves out who reports a figure, unless the source reports on itself', () => {
    const trailing = 'Crude stocks fell to 331.8 mln barrels, the Energy Information Administration said.';
    const [start, end] = at(trailing, '331.8 mln barrels');
    expect(sourceStretches(trailing, start, end).all).toEqual([[trailing.indexOf(', the Energy'), trailing.length]]);
    const leading = 'Acme said Widgetco has about 23.1 mln shares outstanding.';
    expect(sourceStretches(leading, ...at(leading, '23.1 mln')).all).toEqual([[0, 'Acme said '.length]]);
    const itself = 'Acme said it sold 400,000 widgets.';
    expect(sourceStretches(itself, ...at(itself, '400,000')).all).toEqual([]);
  });
});

describe('names the recogniser missed', () => {
  const context = (text: string) => ({
    functionWords,
    capitals: midSentenceCapitals(text, [{ start: 0, end: text.length }]),
    covered: () => false,
  });
  it('reads runs of capitalised words, joined by `of`, without a leading function word', () => {
    const sentence = 'The Bank of England lent Jet Airways 40 mln stg.';
    expect(capitalisedNames(sentence, 0, sentence.length, context(sentence))).toEqual([
      'Bank of England',
      'Jet Airways',
    ]);
  });
  it('takes a lone word opening a sentence as a name only if the document capitalises it elsewhere', () => {
    const text = 'Shares in Google rose. Google sold 20 million shares.';
    const sentences = [
      { start: 0, end: 22 },
      { start: 23, end: text.length },
    ];
    const names = { functionWords, capitals: midSentenceCapitals(text, sentences), covered: () => false };
    expect(capitalisedNames('Shares in Google rose.', 0, 22, names)).toEqual(['Google']);
    expect(capitalisedNames('Google sold 20 million shares.', 0, 30, names)).toEqual(['Google']);
  });
  it('reads a word after a colon as a sentence opener, and a month or weekday alone as no name', () => {
    const note = 'Note: Oper data does not include year ago extraordinary gain of 750,000 dlrs.';
    expect(midSentenceCapitals(note, [{ start: 0, end: note.length }]).has('Oper')).toBe(false);
    expect(capitalisedNames(note, 0, note.length, context(note))).toEqual([]);
    // After a colon a name the document writes mid-sentence elsewhere is still a name.
    const text = 'Fog grounded Lufthansa. Note: Lufthansa carried 200 passengers.';
    const names = {
      ...context(text),
      capitals: midSentenceCapitals(text, [
        { start: 0, end: 23 },
        { start: 24, end: text.length },
      ]),
    };
    const second = text.slice(24);
    expect(capitalisedNames(second, 0, second.length, names)).toEqual(['Lufthansa']);
    const corn = 'Corn (Barges) April - 21 ov May bid, 22 offered by Cargill on Monday.';
    expect(capitalisedNames(corn, 22, corn.length, context(corn))).toEqual(['Cargill']);
  });
});

describe('units of wire copy', () => {
  it('reads currencies and scales written in short', () => {
    expect(readUnit('mln dlrs', 120, lexicon)).toEqual({ kind: 'money', currency: 'US dollars', value: 120_000_000 });
    expect(readUnit('cts vs', 59, lexicon)).toEqual({ kind: 'money', currency: 'US cents', value: 59 });
    expect(readUnit('pct', 3.8, lexicon)).toEqual({ kind: 'percent', value: 3.8 });
    expect(readUnit('US troops', 2500, lexicon)).toEqual({ kind: 'count', unit: 'US troops', value: 2500 });
  });
});
