import { describe, expect, it } from 'vitest';
import { compareFigureStatements } from './compare-figures.js';
import type { FigureStatement } from './statements.js';

function stated(doc: string, actors: string[]): FigureStatement {
  const text = `${actors.join(' and ')} imposed tariffs on 300 mln dlrs of goods.`;
  const at = text.indexOf('300');
  return {
    doc,
    text,
    start: 0,
    end: text.length,
    mark: { start: at, end: at + 12 },
    value: 300_000_000,
    unit: 'US dollars',
    measure: 'imposed',
    subjects: actors,
    places: [],
    actors,
    qualifier: { low: 300_000_000, high: 300_000_000 },
  };
}

describe('figure agreements', () => {
  it('do not depend on which statement was read first', () => {
    // The first statement names a second actor the others leave out: it agrees with neither, but
    // they agree with each other whatever the order.
    const statements = [stated('a', ['Reagan', 'Japan']), stated('b', ['Japan']), stated('c', ['Japan'])];
    const agreements = (order: FigureStatement[]) =>
      compareFigureStatements(order, { conflicts: false, agreements: true }, (doc) => doc, 10).map((match) =>
        match.statements.map((statement) => statement.doc).sort(),
      );
    expect(agreements(statements)).toEqual([['b', 'c']]);
    expect(agreements([...statements].reverse())).toEqual([['b', 'c']]);
  });
});
