/**
 * Where lede's files live: the one module that turns its own location into paths. It sits at
 * src/resources (or dist/resources once built), two folders below the project root either way, so
 * every other module names a file relative to one of these roots instead of counting `../`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The checkout: package.json, data/, models/, web/, bin/. */
export const PROJECT_ROOT = resolve(CODE_ROOT, '..');
/** Word lists and lexicons written by hand, shipped with the code. */
export const DATA_DIR = join(PROJECT_ROOT, 'data');
/** Artifacts `lede train NAME` writes and the stages read. */
export const MODELS_DIR = join(PROJECT_ROOT, 'models');
/** The shared datasets beside the checkout; LEDE_DATA overrides. */
export const SHARED_DATA = process.env.LEDE_DATA ?? resolve(PROJECT_ROOT, '../shared/data');
/** The sample articles and their hand-made reference annotations. */
export const SEEDS_DIR = join(SHARED_DATA, 'seeds');
/** The built web UI. */
export const WEB_DIST = join(PROJECT_ROOT, 'web/dist');
/** The command-line entry point, for benchmarks that run lede as a child process. */
export const LEDE_BIN = join(PROJECT_ROOT, 'bin/lede.js');

/** Under a TypeScript runner (tests, tsx) the code runs from src/ and there are no compiled .js files. */
export const RUNNING_COMPILED = import.meta.url.endsWith('.js');

export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

export function modelPath(...parts: string[]): string {
  return join(MODELS_DIR, ...parts);
}

export function sharedDataPath(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** A module of lede itself, by its path below src/ or dist/ (`pipeline/analyse-worker.js`), for worker threads. */
export function codePath(relative: string): string {
  return join(CODE_ROOT, relative);
}
