import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root, from src/eval or dist/eval alike. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared datasets beside the checkout; LEDE_DATA overrides. */
export const SHARED_DATA = process.env.LEDE_DATA ?? resolve(PROJECT_ROOT, '../shared/data');
/** The sample articles and their hand-made reference annotations. */
export const SEEDS_DIR = join(SHARED_DATA, 'seeds');

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
