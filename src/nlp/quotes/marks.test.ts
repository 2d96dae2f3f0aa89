import { describe, expect, it } from 'vitest';
import { findQuotedRegions, withDoubledMarks } from './marks.js';

const contents = (text: string) => findQuotedRegions(text).map((region) => text.slice(region.start, region.end));

describe('findQuotedRegions', () => {
  it('pairs curly, straight and guillemet double marks', () => {
    expect(contents('“one,” he said, "two" and «three».')).toEqual(['one,', 'two', 'three']);
  });

  it('does not take apostrophes for single quotes', () => {
    expect(contents("Iraq’s soldiers' corpses and ‘a real quote’ and don't.")).toEqual(['a real quote']);
  });

  it('keeps single marks inside a double quote as part of it', () => {
    expect(contents('“You say you ‘accept responsibility,’” Merkley said.')).toEqual([
      'You say you ‘accept responsibility,’',
    ]);
  });

  it('runs an unclosed quote into the next paragraph when that one reopens with the same mark', () => {
    const text = '“First paragraph.\n\n“Second paragraph.”';
    const [region] = findQuotedRegions(text);
    expect(region?.multiParagraph).toBe(true);
    expect(text.slice(region?.start, region?.end)).toBe('First paragraph.\n\n“Second paragraph.');
  });

  it('ends a straight-opened quote at the first curly close when no straight one comes, and reads on', () => {
    const text = '"I was hoping for more,” Graham said. “So I was disappointed.”\n\nPlain text.';
    expect(contents(text)).toEqual(['I was hoping for more,', 'So I was disappointed.']);
  });

  it('ends an unclosed quote with its paragraph otherwise', () => {
    const text = '“Never closed.\n\nPlain text.';
    const [region] = findQuotedRegions(text);
    expect(region?.unclosed).toBe(true);
    expect(text.slice(region?.start, region?.end)).toBe('Never closed.');
  });

  it('ignores inner quotes of the other style when pairing', () => {
    const text = '"He asked: “Are you sure?” Forty-three, yes."';
    expect(contents(text)).toEqual(['He asked: “Are you sure?” Forty-three, yes.']);
  });

  it('ends a quote where a run-together paragraph reopens it after a full stop', () => {
    const text = '"We played well. "We will win the group," he said. Next, "another."';
    expect(contents(text)).toEqual(['We played well.', 'We will win the group,', 'another.']);
    expect(findQuotedRegions(text)[0]?.unclosed).toBe(true);
  });

  it('keeps a quote nested inside a quote in the outer one', () => {
    const text = '"He told me "go away" and left," she said. "Fine."';
    expect(contents(text)).toEqual(['He told me "go away" and left,', 'Fine.']);
  });

  it('reads doubled apostrophes and backticks as the double marks they stand for, offsets kept', () => {
    const text = "''It was a mistake,'' he said, and ``nobody's fault.'' The players' 'own' goal.";
    const marked = withDoubledMarks(text);
    expect(marked).toHaveLength(text.length);
    expect(contents(marked)).toEqual(['It was a mistake,', "nobody's fault.", 'own']);
  });

  it('closes a single quote and the double one around it at a run of three apostrophes', () => {
    const text = "''He told me 'go away''' and left.";
    const marked = withDoubledMarks(text);
    expect(marked).toHaveLength(text.length);
    expect(contents(marked)).toEqual(["He told me 'go away'"]);
  });

  it('leaves a text without doubled marks as it is', () => {
    const text = "It's the players' goal, '' and `` alone.";
    expect(withDoubledMarks(text)).toBe(text);
  });
});
