import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codePath,
  DATA_DIR,
  dataPath,
  LEDE_BIN,
  MODELS_DIR,
  modelPath,
  PROJECT_ROOT,
  RUNNING_COMPILED,
  SHARED_DATA,
  WEB_DIST,
} from './index.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('resources', () => {
  it('finds the checkout and its shipped files from src/ (and so from dist/, one level alike)', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('lede');
    expect(DATA_DIR).toBe(join(PROJECT_ROOT, 'data'));
    expect(MODELS_DIR).toBe(join(PROJECT_ROOT, 'models'));
    expect(WEB_DIST).toBe(join(PROJECT_ROOT, 'web', 'dist'));
    expect(existsSync(dataPath('abbreviations.json'))).toBe(true);
    expect(existsSync(dataPath('entities', 'names.tsv'))).toBe(true);
    expect(existsSync(modelPath('framing.json.gz'))).toBe(true);
    expect(existsSync(LEDE_BIN)).toBe(true);
  });

  it('puts the shared datasets beside the checkout unless LEDE_DATA says otherwise', () => {
    expect(SHARED_DATA).toBe(process.env.LEDE_DATA ?? join(PROJECT_ROOT, '..', 'shared', 'data'));
  });

  it('names modules of lede itself as the running code sees them', () => {
    // Vitest runs the TypeScript sources: no compiled worker file, so the analyser works inline.
    expect(RUNNING_COMPILED).toBe(false);
    expect(codePath('pipeline/analyse-worker.ts')).toBe(join(PROJECT_ROOT, 'src', 'pipeline', 'analyse-worker.ts'));
    expect(existsSync(codePath('pipeline/analyse-worker.ts'))).toBe(true);
  });

  it('is the only module that turns its own location into a path', () => {
    const own =
      /fileURLToPath\(\s*import\.meta\.url|new URL\([^)]*import\.meta\.url|createRequire\(\s*import\.meta\.url/;
    const offenders = sourceFiles(join(PROJECT_ROOT, 'src'))
      .filter((file) => own.test(readFileSync(file, 'utf8')))
      .map((file) => relative(PROJECT_ROOT, file));
    expect(offenders).toEqual([join('src', 'resources', 'paths.ts')]);
  });
});
