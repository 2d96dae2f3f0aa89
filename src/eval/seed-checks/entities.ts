import {
  buildIdentities,
  type EntityRecord,
  loadIdentityOptions,
  readDocEntities,
  straightenApostrophes,
} from '../../link/index.js';
import { countLeadingTitleWords, loadNameTables, tokenize } from '../../nlp/entities/index.js';
import type { SeedCheck, SeedOutcome } from '../contract.js';

const norm = (name: string) => straightenApostrophes(name).toLowerCase();

/**
 * Every entity of gold.json found with its type, and every one of its names that the seed texts
 * contain (titles stripped: they are roles) merged into that one corpus entity and into no other.
 * An entity none of whose names the clean texts use on their own (named only in a headline or a
 * caption, or only by its demonym) is found when a corpus entity of its name and type exists, made
 * of such mentions.
 */
export const entitiesSeedCheck: SeedCheck = {
  component: 'entities',
  check: ({ gold, docs }) => {
    const tables = loadNameTables();
    const records = buildIdentities(docs.map(readDocEntities), loadIdentityOptions());
    const texts = docs.map((doc) => norm(doc.text));
    const occurrences = (name: string) =>
      texts.flatMap((text, doc) =>
        [...text.matchAll(new RegExp(`(?<![\\p{L}\\d'-])${escapeForPattern(norm(name))}(?![\\p{L}\\d-])`, 'gu'))].map(
          (match) => ({ doc, start: match.index, end: match.index + match[0].length }),
        ),
      );
    // A name counts where the text uses it on its own, not inside a longer name of the same entity.
    const presentAmong = (name: string, all: string[]) => {
      const longer = all.filter((other) => other.length > name.length).flatMap(occurrences);
      return occurrences(name).some(
        (hit) => !longer.some((cover) => cover.doc === hit.doc && cover.start <= hit.start && hit.end <= cover.end),
      );
    };
    const stripTitles = (name: string) => {
      const words = tokenize(name).map((token) => token.text);
      return words
        .slice(countLeadingTitleWords(tables, words))
        .join(' ')
        .replace(/ (['’]s)/g, '$1');
    };
    const namesOf = (record: EntityRecord) => new Set([record.name, ...record.aliases].map(norm));
    return gold.entities.map((entity): SeedOutcome => {
      const all = [...new Set([entity.name, ...entity.aliases].map(stripTitles))];
      const names = all.filter((name) => presentAmong(name, all));
      const holders = (name: string) => records.filter((record) => namesOf(record).has(norm(name)));
      if (names.length === 0) return outsideText(entity, holders(entity.name));
      const record =
        holders(entity.name)[0] ??
        [...records].sort(
          (a, b) =>
            names.filter((n) => namesOf(b).has(norm(n))).length - names.filter((n) => namesOf(a).has(norm(n))).length,
        )[0];
      const found = record !== undefined && names.some((name) => namesOf(record).has(norm(name)));
      const stray = names.filter((name) => holders(name).some((other) => other !== record));
      const missing = names.filter((name) => !record || !namesOf(record).has(norm(name)));
      return {
        file: 'gold.json',
        field: `${entity.type} ${entity.name}`,
        expected: { type: entity.type, names },
        actual: found
          ? { name: record.name, type: record.type, aliases: record.aliases, missing, alsoElsewhere: stray }
          : 'not found',
        pass: found && record.type === entity.type && missing.length === 0 && stray.length === 0,
      };
    });
  },
};

/** An entity the clean texts never name: its record must come from headline, caption or demonym mentions. */
function outsideText(entity: { name: string; type: string }, holders: readonly EntityRecord[]): SeedOutcome {
  const record = holders.find((candidate) => candidate.type === entity.type) ?? holders[0];
  const from = [...new Set(record?.mentions.map((mention) => mention.kind ?? mention.field ?? 'text'))].sort();
  return {
    file: 'gold.json',
    field: `${entity.type} ${entity.name}`,
    expected: { type: entity.type, names: [], from: 'headline, caption or demonym mentions' },
    actual: record
      ? { name: record.name, type: record.type, aliases: record.aliases, from }
      : 'no name of it in the clean texts, and no entity of that name from a headline, caption or demonym',
    pass: record !== undefined && record.type === entity.type && from.some((kind) => kind !== 'text'),
  };
}

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
