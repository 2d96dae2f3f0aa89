import { describe, expect, it } from 'vitest';
import type { Span } from '../../model/index.js';
import { createQuotesStage } from './index.js';
import { makeDoc } from './test-helpers.js';

const stage = createQuotesStage();
const silent = { error() {}, warning() {}, info() {} };

function quotesOf(text: string, entities: Parameters<typeof makeDoc>[1] = []): Span[] {
  return stage.run(makeDoc(text, entities), silent).quotes;
}

function find(text: string, spans: Span[], words: string): Span {
  const span = spans.find((candidate) => text.slice(candidate.start, candidate.end) === words);
  if (!span) throw new Error(`no quote "${words}" in ${JSON.stringify(spans.map((s) => text.slice(s.start, s.end)))}`);
  return span;
}

function slice(text: string, start: unknown, end: unknown): string | null {
  return typeof start === 'number' && typeof end === 'number' ? text.slice(start, end) : null;
}

describe('nlp/quotes', () => {
  it('declares what it needs and produces', () => {
    expect(stage.requires).toEqual(['sentences', 'entities', 'meta.language']);
    expect(stage.produces).toEqual(['quotes']);
  });

  it('attributes a direct quote to the name after it and leaves the marks out of the span', () => {
    const text = '“There is no friendship with America,” Akram al-Kaabi said on Sunday.';
    const quotes = quotesOf(text, [{ text: 'Akram al-Kaabi', label: 'PERSON', entity: 'Akram al-Kaabi' }]);
    const quote = find(text, quotes, 'There is no friendship with America,');
    expect(quote.label).toBe('direct');
    expect(slice(text, quote.attrs?.speakerStart, quote.attrs?.speakerEnd)).toBe('Akram al-Kaabi');
    expect(quote.attrs?.speakerName).toBe('Akram al-Kaabi');
    expect(quote.attrs?.cueLemma).toBe('say');
    expect(slice(text, quote.attrs?.cueStart, quote.attrs?.cueEnd)).toBe('said');
    expect(quote.attrs?.date).toBe('on Sunday');
  });

  it('resolves he to the person who spoke last, not the last person named', () => {
    const text =
      '“We will stay,” Qais Khazali said.\n\nThe strike was ordered by Donald Trump.\n\n“There is no room for bases,” he said.';
    const quotes = quotesOf(text, [
      { text: 'Qais Khazali', label: 'PERSON', entity: 'Qais Khazali' },
      { text: 'Donald Trump', label: 'PERSON', entity: 'Donald Trump' },
    ]);
    const quote = find(text, quotes, 'There is no room for bases,');
    expect(slice(text, quote.attrs?.speakerStart, quote.attrs?.speakerEnd)).toBe('he');
    expect(quote.attrs?.speakerName).toBe('Qais Khazali');
  });

  it('attributes a split quote across "he continued" to one speaker in two parts', () => {
    const text =
      'Al-Kaabi spoke.\n\n“How can we leave you alone,” he continued, “whilst you still murder the fighters?”';
    const quotes = quotesOf(text, [{ text: 'Al-Kaabi', label: 'PERSON', entity: 'Akram al-Kaabi' }]);
    const first = find(text, quotes, 'How can we leave you alone,');
    const second = find(text, quotes, 'whilst you still murder the fighters?');
    for (const part of [first, second]) {
      expect(part.label).toBe('direct');
      expect(part.attrs?.cueLemma).toBe('continue');
      expect(part.attrs?.speakerName).toBe('Akram al-Kaabi');
    }
  });

  it('lets an organisation speak and reads the medium and date', () => {
    const text =
      'The Iraqi Resistance Coordination Commission (IRCC) met.\n\n“The occupiers are not serious,” the IRCC said in a statement on Tuesday.';
    const quotes = quotesOf(text, [
      {
        text: 'Iraqi Resistance Coordination Commission',
        label: 'ORG',
        entity: 'Iraqi Resistance Coordination Commission',
      },
      { text: 'IRCC', label: 'ORG', entity: 'Iraqi Resistance Coordination Commission', nth: 1 },
    ]);
    const quote = find(text, quotes, 'The occupiers are not serious,');
    expect(slice(text, quote.attrs?.speakerStart, quote.attrs?.speakerEnd)).toBe('the IRCC');
    expect(quote.attrs?.speakerName).toBe('Iraqi Resistance Coordination Commission');
    expect(quote.attrs?.medium).toBe('in a statement');
    expect(quote.attrs?.date).toBe('on Tuesday');
  });

  it('reads an interview venue with its outlet', () => {
    const text = '“We are asking them to leave us alone,” Joey Hood said in an interview with Al Arabiya.';
    const quotes = quotesOf(text, [{ text: 'Joey Hood', label: 'PERSON', entity: 'Joey Hood' }]);
    expect(find(text, quotes, 'We are asking them to leave us alone,').attrs?.medium).toBe(
      'in an interview with Al Arabiya',
    );
  });

  it('continues a quote over a paragraph that opens with a mark again', () => {
    const text = '“The first paragraph of the statement goes on,\n\n“and the second one ends it,” Biden said.';
    const quotes = quotesOf(text, [{ text: 'Biden', label: 'PERSON', entity: 'Joe Biden' }]);
    const quote = find(text, quotes, 'The first paragraph of the statement goes on,\n\n“and the second one ends it,');
    expect(quote.label).toBe('direct');
    expect(quote.attrs?.speakerName).toBe('Joe Biden');
  });

  it('reads straight, single and guillemet marks alike', () => {
    const text =
      '"We stay," Smith said.\n\n‘We leave,’ Jones said.\n\n«We wait,» Brown said.\n\nIraq’s soldiers\' corpses remain.';
    const quotes = quotesOf(text);
    expect(find(text, quotes, 'We stay,').attrs?.speakerText).toBe('Smith');
    expect(find(text, quotes, 'We leave,').attrs?.speakerText).toBe('Jones');
    expect(find(text, quotes, 'We wait,').attrs?.speakerText).toBe('Brown');
    expect(quotes).toHaveLength(3);
  });

  it('marks a partial quote governed by a cue and gives it the cue’s subject', () => {
    const text = 'Al-Kaabi denounced the “outrageous” request.';
    const quotes = quotesOf(text, [{ text: 'Al-Kaabi', label: 'PERSON', entity: 'Akram al-Kaabi' }]);
    const quote = find(text, quotes, 'outrageous');
    expect(quote.label).toBe('partial');
    expect(quote.attrs?.cueLemma).toBe('denounce');
    expect(quote.attrs?.speakerName).toBe('Akram al-Kaabi');
  });

  it('gives a partial quote the speaker of the quote its words come from', () => {
    const text =
      'An official pleaded with the groups to “just leave us alone,” after attacks.\n\n“We ask that they just leave us alone,” Joey Hood said.';
    const quotes = quotesOf(text, [{ text: 'Joey Hood', label: 'PERSON', entity: 'Joey Hood' }]);
    const partial = find(text, quotes, 'just leave us alone');
    expect(partial.label).toBe('partial');
    expect(partial.attrs?.speakerName).toBe('Joey Hood');
  });

  it('marks scare quotes with no speaker', () => {
    const text = 'Some 2,500 US troops remain in what Washington calls an “advisory” mission.';
    const quotes = quotesOf(text, [{ text: 'Washington', label: 'LOC', entity: 'United States' }]);
    const quote = find(text, quotes, 'advisory');
    expect(quote.label).toBe('scare');
    expect(quote.attrs?.speakerName).toBeNull();
    expect(quote.attrs?.speakerStart).toBeNull();
  });

  it('finds reported speech with and without that, and after a pronoun', () => {
    const text =
      'Hadi al-Amiri said all bases must be handed over to the army by the end of the year.\n\nHe said that the need for trainers will be decided later.';
    const quotes = quotesOf(text, [{ text: 'Hadi al-Amiri', label: 'PERSON', entity: 'Hadi al-Amiri' }]);
    const first = find(text, quotes, 'all bases must be handed over to the army by the end of the year');
    expect(first.label).toBe('indirect');
    expect(first.attrs?.speakerName).toBe('Hadi al-Amiri');
    const second = find(text, quotes, 'that the need for trainers will be decided later');
    expect(second.attrs?.speakerText).toBe('He');
    expect(second.attrs?.speakerName).toBe('Hadi al-Amiri');
  });

  it('reads "warned of" and participle clauses as reported speech of the same speaker', () => {
    const text =
      'Elsewhere in his remarks, Khazali warned of certain countries’ agenda in Iraq, saying the UAE is seeking to impact the election.';
    const quotes = quotesOf(text, [{ text: 'Khazali', label: 'PERSON', entity: 'Qais Khazali' }]);
    expect(find(text, quotes, 'certain countries’ agenda in Iraq').attrs?.cueLemma).toBe('warn');
    const saying = find(text, quotes, 'the UAE is seeking to impact the election');
    expect(saying.attrs?.speakerName).toBe('Qais Khazali');
  });

  it('resolves a role description to the person who speaks next', () => {
    const text =
      'The head of the PMU’s public relations said 400 events have been scheduled for the anniversary of Soleimani.\n\n“These programs will start today,” Muhannad al-Uqabi said.';
    const quotes = quotesOf(text, [
      { text: 'Soleimani', label: 'PERSON', entity: 'Qassem Soleimani' },
      { text: 'Muhannad al-Uqabi', label: 'PERSON', entity: 'Muhannad al-Uqabi' },
    ]);
    const reported = find(text, quotes, '400 events have been scheduled for the anniversary of Soleimani');
    expect(reported.attrs?.speakerName).toBe('Muhannad al-Uqabi');
  });

  it('leaves nouns that look like cues alone', () => {
    const text = 'The United States is not serious about leaving, and his remarks were clear.';
    expect(quotesOf(text)).toEqual([]);
  });

  it('keeps every span’s evidence inside the text', () => {
    const text = '“A,” he said. “B and C.” She added that D and E are true.';
    const spans = quotesOf(text);
    // Found at all: a loop over no spans would pass whatever the offsets.
    // `She added that ...` after a quote ending its sentence is a statement of its own, not the quote's attribution.
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['A,', 'B and C.', 'that D and E are true']);
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.end).toBeGreaterThan(span.start);
    }
  });

  it('reads a quote set off by doubled apostrophes as a direct quote, offsets into the text as given', () => {
    const text = "''The scale of the transition is enormous,'' said Matt Baker, a former commissioner.";
    const quotes = quotesOf(text, [{ text: 'Matt Baker', label: 'PERSON', entity: 'Matt Baker' }]);
    const quote = find(text, quotes, 'The scale of the transition is enormous,');
    expect(quote.label).toBe('direct');
    expect(quote.attrs?.speakerName).toBe('Matt Baker');
  });

  it('reports both parts of reported speech that a parenthetical attribution splits', () => {
    const text =
      'Mr Harlow spoke last. At the time of the merger, he said on Tuesday, the board was trying to keep every plant open.';
    const quotes = quotesOf(text, [{ text: 'Harlow', label: 'PERSON', entity: 'Ian Harlow' }]);
    const lead = find(text, quotes, 'At the time of the merger');
    const rest = find(text, quotes, 'the board was trying to keep every plant open');
    for (const part of [lead, rest]) {
      expect(part.label).toBe('indirect');
      expect(slice(text, part.attrs?.speakerStart, part.attrs?.speakerEnd)).toBe('he');
    }
  });

  it('takes no appositive of a speaker named after the cue for a second part', () => {
    const text = 'The scale of the transition is enormous, said Matt Baker, a former commissioner in Colorado.';
    const quotes = quotesOf(text, [{ text: 'Matt Baker', label: 'PERSON', entity: 'Matt Baker' }]);
    expect(quotes.map((quote) => text.slice(quote.start, quote.end))).toEqual([
      'The scale of the transition is enormous',
    ]);
  });

  it('takes a relative pronoun for the mention and the person it stands for as the speaker', () => {
    const text = 'The plan was backed by Ilsa Varnholt, 52, from Bremen, who said the scheme would pay for itself.';
    const quotes = quotesOf(text, [
      { text: 'Ilsa Varnholt', label: 'PERSON', entity: 'Ilsa Varnholt' },
      { text: 'Bremen', label: 'LOC', entity: 'Bremen' },
    ]);
    const quote = find(text, quotes, 'the scheme would pay for itself');
    expect(slice(text, quote.attrs?.speakerStart, quote.attrs?.speakerEnd)).toBe('who');
    expect(quote.attrs?.speakerName).toBe('Ilsa Varnholt');
  });

  it('gives a restrictive relative clause the phrase it qualifies, not a name before it', () => {
    const text = 'Bremen faced a backlash from business leaders who say the law unfairly targets small firms.';
    const quotes = quotesOf(text, [{ text: 'Bremen', label: 'LOC', entity: 'Bremen' }]);
    const quote = find(text, quotes, 'the law unfairly targets small firms');
    expect(quote.attrs?.speakerName).toMatch(/leaders$/u);
  });

  it('ends reported speech before a clause joined on with a speaker and cue of its own', () => {
    const text = 'Mr Harlow noted the limited budget, but the union denied that any plant would close.';
    const quotes = quotesOf(text, [{ text: 'Harlow', label: 'PERSON', entity: 'Ian Harlow' }]);
    expect(find(text, quotes, 'the limited budget').attrs?.speakerText).toBe('Mr Harlow');
    expect(find(text, quotes, 'that any plant would close').attrs?.speakerText).toBe('the union');
  });

  it('reports the infinitive of a promise or a threat, not of other verb chains', () => {
    const text = 'Mr Harlow vowed to keep every plant open. He continued to meet the unions.';
    const quotes = quotesOf(text, [{ text: 'Harlow', label: 'PERSON', entity: 'Ian Harlow' }]);
    expect(quotes.map((quote) => text.slice(quote.start, quote.end))).toEqual(['to keep every plant open']);
  });

  it('reports a second verb of saying of the same subject on its own, but not a verb inside the words', () => {
    const text = 'Mr Harlow said he was not ready to back the plan, and suggested that the board should wait.';
    const quotes = quotesOf(text, [{ text: 'Harlow', label: 'PERSON', entity: 'Ian Harlow' }]);
    expect(find(text, quotes, 'he was not ready to back the plan').attrs?.cueLemma).toBe('say');
    expect(find(text, quotes, 'that the board should wait').attrs?.speakerName).toBe('Ian Harlow');
    const inside = 'He said police arrested and charged the man.';
    expect(quotesOf(inside).map((quote) => inside.slice(quote.start, quote.end))).toEqual([
      'police arrested and charged the man',
    ]);
  });

  it('reads words before a cue whose addressee follows it, and the question after asked', () => {
    const text =
      'The plant will close in June, Mr Harlow told reporters on Monday. The union asked whether any jobs would be kept.';
    const quotes = quotesOf(text, [{ text: 'Harlow', label: 'PERSON', entity: 'Ian Harlow' }]);
    expect(find(text, quotes, 'The plant will close in June').attrs?.speakerName).toBe('Ian Harlow');
    expect(find(text, quotes, 'whether any jobs would be kept').attrs?.speakerText).toBe('The union');
  });

  it('takes no passive for a cue when an adverb stands between the auxiliary and the participle', () => {
    const text = 'The president was also asked whether the war had made the world less safe.';
    expect(quotesOf(text)).toEqual([]);
  });
});
