import { describe, expect, it } from 'vitest';
import { backgroundOf } from './attachment.js';

/** The background reason for the marked date: `[[...]]` marks it in the sentence. */
function reason(marked: string) {
  const start = marked.indexOf('[[');
  const end = marked.indexOf(']]') - 2;
  return backgroundOf(marked.replace('[[', '').replace(']]', ''), start, end);
}

describe('backgroundOf', () => {
  it('keeps a date that is the time of the main clause', () => {
    expect(reason('The EU imposed its arms ban on China in [[1989]] after troops opened fire.')).toBeUndefined();
    expect(reason('[[On Sunday]], the minister said the talks had failed.')).toBeUndefined();
    expect(reason('Taylor was injured against Ireland in the [[2004]] Six Nations.')).toBeUndefined();
    expect(reason('Sony says it intends to ship three million consoles by [[March 2005]].')).toBeUndefined();
    expect(reason('The company said sales fell to $2bn from $3bn in 2003 and rose again in [[2004]].')).toBeUndefined();
  });

  it('sets aside the bounds of a state and the ends of a range', () => {
    expect(reason('The company has not laid off a worker since [[1945]].')).toBe('bound');
    expect(reason('The US will continue to drive expansion until [[2006]], albeit slowly.')).toBe('bound');
    expect(reason('Anger has grown since the end of [[2003]].')).toBe('bound');
    expect(reason('He instructed insurers to submit bids between [[2002]] and 2004.')).toBe('range');
    expect(reason('He represented Bristol East from 1983 to [[1992]].')).toBe('range');
  });

  it('sets aside the point a change is measured from', () => {
    expect(reason('Unemployment will slip below 13%, down from 20% in [[May 2002]].')).toBe('baseline');
    expect(reason('Revenues slipped from £3.24bn in [[2003]] to £2.89bn in 2004.')).toBe('baseline');
    expect(reason('The plan is much clearer than those in [[1997]].')).toBe('baseline');
    expect(reason('The economy grew 8%, a sharp turnaround from [[2002]] when output fell.')).toBe('baseline');
  });

  it('sets aside a year naming a thing rather than dating the clause', () => {
    expect(reason('The [[2004]] TV Moments will be shown on BBC One on Wednesday.')).toBe('modifier');
    expect(reason("The record is held by [[1995]]'s Lion King.")).toBe('modifier');
    expect(reason('The cardinal said [[2005]] should be the year for campaigning.')).toBe('subject');
  });

  it('sets aside a date inside a relative or subordinate clause', () => {
    expect(reason('Charles, who died in [[2004]], got honours including album of the year.')).toBe('relative');
    expect(reason('Harlin made a new version of the film which debuted in [[2004]].')).toBe('relative');
    expect(reason('Navratilova, who came back after retiring in [[1994]], will play in 2005.')).toBe('relative');
    expect(reason('She made a comeback after retiring in [[1994]] and will play doubles.')).toBe('subordinate');
  });
});
