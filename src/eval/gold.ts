import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../resources/index.js';

export interface GoldQuote {
  text: string;
  start: number;
  end: number;
  speaker: string;
  kind: string;
}

export interface GoldDocument {
  file: string;
  headline: string;
  published: string | null;
  sections: string[];
  captions: string[];
  subheads?: string[];
  boilerplate: string[];
  scare_quotes: string[];
  quotes: GoldQuote[];
  indirect_quotes: GoldQuote[];
  events?: { date: string; what: string; cue?: string }[];
  figures?: { text: string; value: number; unit: string }[];
  conflicts?: string[];
  same_story_as?: string;
}

export interface Gold {
  documents: GoldDocument[];
  entities: { name: string; type: string; aliases: string[]; roles?: string[] }[];
  same_story: string[][];
}

export function loadGold(): Gold {
  return JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as Gold;
}

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

export function readSeed(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}
