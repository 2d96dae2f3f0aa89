/** Who said what on real prose (BBC-like sentences, written for the test). */
import { describe, expect, it } from 'vitest';
import type { Span } from '../../model/index.js';
import { createQuotesStage } from './index.js';
import { makeDoc } from './test-helpers.js';

const stage = createQuotesStage();
const silent = { error() {}, warning() {}, info() {} };

function quotesOf(text: string, entities: Parameters<typeof makeDoc>[1] = []): Span[] {
  return stage.run(makeDoc(text, entities), silent).quotes;
}

function shown(text: string, spans: Span[]) {
  return spans.map((span) => ({
    kind: span.label,
    text: text.slice(span.start, span.end),
    speaker: span.attrs?.speakerName ?? null,
  }));
}

describe('quotes on real prose', () => {
  it('gives a quote after a colon that names no verb of saying to the speaker named after it', () => {
    const text =
      'Some of the comments were humorous: "This game is so good I\'m not going to get it," wrote Charles MacIntyre, from England.';
    const quotes = quotesOf(text, [{ text: 'Charles MacIntyre', label: 'PERSON', entity: 'Charles MacIntyre' }]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['Charles MacIntyre']);
    // A verb of saying before the colon still introduces the quote.
    const said = 'The minister said: "We will not go back," wrote the paper.';
    expect(shown(said, quotesOf(said)).map((quote) => quote.speaker)).toEqual(['the minister']);
  });

  it('gives words said after a description whose closing comma is missing to the person it describes', () => {
    const text = 'Petra Lindqvist, executive partner of Halden Maritime said the port would reopen in May.';
    const quotes = quotesOf(text, [
      { text: 'Petra Lindqvist', label: 'PERSON', entity: 'Petra Lindqvist' },
      // The tagger can take a firm for a person: it qualifies the description, it does not head it.
      { text: 'Halden Maritime', label: 'PERSON', entity: 'Halden Maritime' },
    ]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'indirect', text: 'the port would reopen in May', speaker: 'Petra Lindqvist' },
    ]);
  });

  it('does not take a person named in an opening phrase for the one a description after it describes', () => {
    const text = 'Echoing Ilsa Varnholt, the prime minister said the port would reopen in May.';
    const quotes = quotesOf(text, [{ text: 'Ilsa Varnholt', label: 'PERSON', entity: 'Ilsa Varnholt' }]);
    expect(quotes).toHaveLength(1);
    expect(shown(text, quotes)[0]?.speaker).not.toBe('Ilsa Varnholt');
  });

  it('gives a quote introduced by a title (`the cardinal`) to the person given that title, however far back', () => {
    const filler = 'Aid agencies say the money could have been spent on schools and hospitals. '.repeat(25);
    const text = `Cardinal Edmund Varga has criticised the cost of the war. ${filler}"How is it that peace has not arrived?" the cardinal will ask.`;
    const quotes = quotesOf(text, [{ text: 'Edmund Varga', label: 'PERSON', entity: 'Edmund Varga' }]);
    expect(shown(text, quotes).find((quote) => quote.kind === 'direct')).toEqual({
      kind: 'direct',
      text: 'How is it that peace has not arrived?',
      speaker: 'Edmund Varga',
    });
  });

  it('gives a quote introduced by an age (`the 31-year-old`) to the person named before', () => {
    const text =
      'Sprinter Kostas Varelis has been charged over missed tests. "I have done nothing wrong," the 31-year-old said.';
    const quotes = quotesOf(text, [{ text: 'Kostas Varelis', label: 'PERSON', entity: 'Kostas Varelis' }]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'direct', text: 'I have done nothing wrong,', speaker: 'Kostas Varelis' },
    ]);
  });

  it('keeps a quotation nested inside a quote in the outer quote', () => {
    const text = '"He told me "go away" and walked off," said Mara Quill.';
    const quotes = quotesOf(text, [{ text: 'Mara Quill', label: 'PERSON', entity: 'Mara Quill' }]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'direct', text: 'He told me "go away" and walked off,', speaker: 'Mara Quill' },
    ]);
  });

  it('splits a long quote whose paragraphs were run together where each one reopens', () => {
    const text =
      '"We were poor in the first half," said Tomas Brel. "We lost our shape. "In the end we were lucky to draw."';
    const quotes = quotesOf(text, [{ text: 'Tomas Brel', label: 'PERSON', entity: 'Tomas Brel' }]);
    expect(shown(text, quotes).map((quote) => [quote.text, quote.speaker])).toEqual([
      ['We were poor in the first half,', 'Tomas Brel'],
      ['We lost our shape.', 'Tomas Brel'],
      ['In the end we were lucky to draw.', 'Tomas Brel'],
    ]);
  });

  it('resolves an appositive speaker to the person, not the office or age', () => {
    const text =
      "Vellmark's finance minister, Ilsa Varnholt, said the budget would balance. Robert Dane, 58, MP for Orrin, said he was leaving.";
    const quotes = quotesOf(text, [
      { text: 'Vellmark', label: 'LOC', entity: 'Vellmark' },
      { text: 'Ilsa Varnholt', label: 'PERSON', entity: 'Ilsa Varnholt' },
      { text: 'Robert Dane', label: 'PERSON', entity: 'Robert Dane' },
      { text: 'Orrin', label: 'LOC', entity: 'Orrin' },
    ]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['Ilsa Varnholt', 'Robert Dane']);
  });

  it('takes the person an organisation name modifies as the speaker', () => {
    const text = '"Demand is weak," said Harlow Bank economist Lena Sorby.';
    const quotes = quotesOf(text, [
      { text: 'Harlow Bank', label: 'ORG', entity: 'Harlow Bank' },
      { text: 'Lena Sorby', label: 'PERSON', entity: 'Lena Sorby' },
    ]);
    expect(shown(text, quotes)[0]?.speaker).toBe('Lena Sorby');
  });

  it('attributes "Police in Calloway said" to the police, not the place', () => {
    const text = 'Police in Calloway said two men had been arrested after the match.';
    const quotes = quotesOf(text, [{ text: 'Calloway', label: 'LOC', entity: 'Calloway' }]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'indirect', text: 'two men had been arrested after the match', speaker: 'Police in Calloway' },
    ]);
  });

  it('needs a verb of saying: thinking, showing and pushing report nobody', () => {
    const text =
      'Figures showed the number of claims had risen. Many fans believe the club will be sold. The single pushed the band from number one to number three.';
    expect(quotesOf(text)).toEqual([]);
  });

  it('needs the speaker to be the subject of the verb, not a possessive before a modifier', () => {
    const text = "Rover's proposed tie-up with the carmaker has been delayed, the paper said.";
    const quotes = quotesOf(text);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['the paper']);
  });

  it('reports nothing where the words after the verb only continue it', () => {
    const text = 'Borrowing is still higher than Mr Brann predicted in his March budget.';
    expect(quotesOf(text, [{ text: 'Brann', label: 'PERSON', entity: 'Brann' }])).toEqual([]);
  });

  it('shows an unnamed speaker by its description and a definite description as the person named before', () => {
    const text =
      'David Marlow was relieved after the win. The England skipper admitted another poor season would not be tolerated. Analysts said the club was in good shape.';
    const quotes = quotesOf(text, [{ text: 'David Marlow', label: 'PERSON', entity: 'David Marlow' }]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['David Marlow', 'Analysts']);
  });

  it('attributes both parts of a quote split by an appositive speaker', () => {
    const text = '"We will fight on," said Anna Kell, the union leader, "whatever the board decides."';
    const quotes = quotesOf(text, [{ text: 'Anna Kell', label: 'PERSON', entity: 'Anna Kell' }]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'direct', text: 'We will fight on,', speaker: 'Anna Kell' },
      { kind: 'direct', text: 'whatever the board decides.', speaker: 'Anna Kell' },
    ]);
  });

  it('does not start reported words with the speech verb of another clause', () => {
    const text =
      "In a broadcast announcing the measure, the president's chief aide said it was needed because of rising costs.";
    const quotes = quotesOf(text);
    expect(shown(text, quotes)).toEqual([
      { kind: 'indirect', text: 'it was needed because of rising costs', speaker: "the president's chief aide" },
    ]);
  });

  it('shows two conjoined speakers together', () => {
    const text = 'Tomas Brel and Anna Kell have said the strike will go on.';
    const quotes = quotesOf(text, [
      { text: 'Tomas Brel', label: 'PERSON', entity: 'Tomas Brel' },
      { text: 'Anna Kell', label: 'PERSON', entity: 'Anna Kell' },
    ]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['Tomas Brel and Anna Kell']);
  });

  it('reports both parts of words split by a parenthetical attribution, as split direct quotes are', () => {
    const text = 'If the scheme works, said Mr Fahey, other makers may be tempted to copy it.';
    const quotes = quotesOf(text, [{ text: 'Fahey', label: 'PERSON', entity: 'Fahey' }]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'indirect', text: 'If the scheme works', speaker: 'Fahey' },
      { kind: 'indirect', text: 'other makers may be tempted to copy it', speaker: 'Fahey' },
    ]);
  });

  it('never takes the addressee of told for the speaker of the quote after it', () => {
    const text = 'Carla Dunn did not name her rivals, but told her supporters, "Our nation is in trouble."';
    const quotes = quotesOf(text, [{ text: 'Carla Dunn', label: 'PERSON', entity: 'Carla Dunn' }]);
    expect(shown(text, quotes).find((quote) => quote.kind === 'direct')?.speaker).not.toBe('her supporters');
  });

  it('does not attribute a quote that ends its sentence to the next statement', () => {
    const text =
      '"This is a great day," said Bern Tanto. "There is a long way to go." The chairwoman, Mira Holt, said the fund would be paid.';
    const quotes = quotesOf(text, [
      { text: 'Bern Tanto', label: 'PERSON', entity: 'Bern Tanto' },
      { text: 'Mira Holt', label: 'PERSON', entity: 'Mira Holt' },
    ]);
    expect(shown(text, quotes)).toEqual([
      { kind: 'direct', text: 'This is a great day,', speaker: 'Bern Tanto' },
      { kind: 'direct', text: 'There is a long way to go.', speaker: 'Bern Tanto' },
      { kind: 'indirect', text: 'the fund would be paid', speaker: 'Mira Holt' },
    ]);
  });

  it('never resolves he to a speaker the text calls a woman', () => {
    const text =
      'Ms Mira Holt said the fund was safe. She declined to comment on Mr Tomas Brel. On Thursday, he told a news conference that his party would win.';
    const quotes = quotesOf(text, [
      { text: 'Mira Holt', label: 'PERSON', entity: 'Mira Holt' },
      { text: 'Tomas Brel', label: 'PERSON', entity: 'Tomas Brel' },
    ]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['Mira Holt', 'Tomas Brel']);
  });

  it('finds the subject before an appositive set off by dashes', () => {
    const text =
      'Liberal Democrat Alan Brede - who chairs the committee that monitors the Department of Affairs - said the claims were true.';
    const quotes = quotesOf(text, [
      { text: 'Alan Brede', label: 'PERSON', entity: 'Alan Brede' },
      { text: 'Department of Affairs', label: 'ORG', entity: 'Department of Affairs' },
    ]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['Alan Brede']);
  });

  it('takes a bare role before the name after the cue as part of the speaker', () => {
    const text = '"It is a huge bonus," said team-mate Chris Dane. "He brings a new dimension to us."';
    const quotes = quotesOf(text, [{ text: 'Chris Dane', label: 'PERSON', entity: 'Chris Dane' }]);
    expect(shown(text, quotes).map((quote) => quote.speaker)).toEqual(['Chris Dane', 'Chris Dane']);
  });

  it('never takes a sentence adverb before an appositive for the speaker', () => {
    const text =
      'However, one dealer, who asked not to be named, told Reuters the sales were "not what people had hoped for".';
    const quotes = quotesOf(text);
    expect(shown(text, quotes).map((quote) => quote.speaker)).not.toContain('However');
  });

  describe('speakers carried over to quotes that name nobody', () => {
    const speakerOf = (text: string, quote: string, entities: Parameters<typeof makeDoc>[1]) =>
      shown(text, quotesOf(text, entities)).find((item) => item.text.startsWith(quote))?.speaker;

    it('gives a quote opening the paragraph after an attributed quote to the same speaker', () => {
      const text =
        'Voters are angry, Ilsa Varnholt said.\n\n"Millions are frustrated by the economy," she continued.\n\n"We must stand with those who are struggling."';
      const entities = [{ text: 'Ilsa Varnholt', label: 'PERSON' as const, entity: 'Ilsa Varnholt' }];
      expect(speakerOf(text, 'We must stand', entities)).toBe('Ilsa Varnholt');
    });

    it('gives a quote after reported speech to its speaker', () => {
      const text =
        'A Labour spokesman played down the row and said Mr Brown already had a role. "This election is a choice between two futures."';
      expect(speakerOf(text, 'This election', [])).toBe('a Labour spokesman');
    });

    it('gives each part of a long quote run into one paragraph the speaker named after its last part', () => {
      const text =
        'Film makers must take care. "When we did the first version, everybody was sun-tanned. "In the new version, the make-up lines showed up," explains Mr Dane.';
      const entities = [{ text: 'Dane', label: 'PERSON' as const, entity: 'Dane' }];
      expect(speakerOf(text, 'When we did', entities)).toBe('Dane');
    });

    it('carries nothing over to a quote whose own sentence goes on after it', () => {
      const text = 'Ilsa Varnholt said the vote was close. "This is fantastic!" beamed a delegate from Halden.';
      const entities = [{ text: 'Ilsa Varnholt', label: 'PERSON' as const, entity: 'Ilsa Varnholt' }];
      expect(speakerOf(text, 'This is fantastic', entities)).not.toBe('Ilsa Varnholt');
    });

    it('never reaches past a quote nobody is named for', () => {
      const text =
        'Ilsa Varnholt said the port would reopen. Physio sessions have helped him. "The needles are effective. "They go close to my spine."';
      const entities = [{ text: 'Ilsa Varnholt', label: 'PERSON' as const, entity: 'Ilsa Varnholt' }];
      expect(speakerOf(text, 'They go close', entities)).toBeNull();
    });
  });

  it('reads a circumstance after the cue of a quote that ends its sentence as part of its attribution', () => {
    const text =
      'Ilsa Varnholt spoke in Halden. "How do you control these banks?" Varnholt said to a crowd of about 500.';
    const quotes = quotesOf(text, [{ text: 'Varnholt', label: 'PERSON', entity: 'Ilsa Varnholt', nth: 1 }]);
    expect(shown(text, quotes)).toContainEqual({
      kind: 'direct',
      text: 'How do you control these banks?',
      speaker: 'Ilsa Varnholt',
    });
  });

  it('gives a quote introduced by a participle after a comma to the speaker of the cue before it', () => {
    const text =
      '"We worked hard and it paid off," Ilsa Varnholt said, adding: "They will help everybody down the ballot."';
    const quotes = quotesOf(text, [{ text: 'Ilsa Varnholt', label: 'PERSON', entity: 'Ilsa Varnholt' }]);
    expect(shown(text, quotes).find((item) => item.text.startsWith('They will'))?.speaker).toBe('Ilsa Varnholt');
  });

  it('never lets he continue a woman whose gender the text told only after she first spoke', () => {
    const text =
      'Managing director Karen Bradey called the bid "derisory". She added: "He is not for sale." Fans cheered. "The crowd gave me an ovation," he said.';
    const quotes = quotesOf(text, [{ text: 'Karen Bradey', label: 'PERSON', entity: 'Karen Bradey' }]);
    expect(shown(text, quotes).find((item) => item.text.startsWith('The crowd'))?.speaker).not.toBe('Karen Bradey');
  });

  it('never lets he continue a place that spoke', () => {
    const text =
      'Halden have said that a bid was made. Fans cheered the news. "The crowd gave me an ovation," he said.';
    const quotes = quotesOf(text, [{ text: 'Halden', label: 'LOC', entity: 'Halden' }]);
    expect(shown(text, quotes).find((item) => item.text.startsWith('The crowd'))?.speaker).not.toBe('Halden');
  });

  it('takes a person named after a role with a possessive before it as the subject he continues', () => {
    const text =
      'Ilsa Varnholt said the year was quiet. Screen Weekly\'s US editor Mike Gooding thinks the films failed. "People did not adore them," he said.';
    const quotes = quotesOf(text, [
      { text: 'Ilsa Varnholt', label: 'PERSON', entity: 'Ilsa Varnholt' },
      { text: 'Mike Gooding', label: 'PERSON', entity: 'Mike Gooding' },
    ]);
    expect(shown(text, quotes).find((item) => item.kind === 'direct')?.speaker).toBe('Mike Gooding');
  });

  it('takes a participle after an object for the subject of the clause', () => {
    const text = 'Earlier, party chairman Matthew Tayler wrote to the watchdog saying: "Such calls are illegal."';
    const quotes = quotesOf(text, [{ text: 'Matthew Tayler', label: 'PERSON', entity: 'Matthew Tayler' }]);
    expect(shown(text, quotes).find((item) => item.kind === 'direct')?.speaker).toBe('Matthew Tayler');
  });

  it('lets he continue a spokesman shown as the body he speaks for, not a woman named before', () => {
    const text =
      'Ms Jowell said the law would ban trickery. A spokesman for the Casino Guild said the plans were unfair. He said firms were at a disadvantage.';
    const quotes = quotesOf(text, [
      { text: 'Jowell', label: 'PERSON', entity: 'Tessa Jowell' },
      { text: 'Casino Guild', label: 'ORG', entity: 'Casino Guild' },
    ]);
    expect(shown(text, quotes).at(-1)?.speaker).toBe('Casino Guild');
  });

  it('gives a definite description to the person the text gave that role, over a name said since', () => {
    const text =
      'Sporting director Frank Arnesson denied a rift. And he denied that coach Jacques Santoni was paid off. "That is nonsense," said the club\'s sporting director.';
    const quotes = quotesOf(text, [
      { text: 'Frank Arnesson', label: 'PERSON', entity: 'Frank Arnesson' },
      { text: 'Jacques Santoni', label: 'PERSON', entity: 'Jacques Santoni' },
    ]);
    expect(shown(text, quotes).find((item) => item.kind === 'direct')?.speaker).toBe('Frank Arnesson');
  });
});
