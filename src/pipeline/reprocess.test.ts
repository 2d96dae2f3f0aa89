import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../ingest/index.js';
import type { AnyStage } from '../model/index.js';
import { SEEDS_DIR } from '../resources/index.js';
import { fromAsync, openSqliteStore } from '../store/index.js';
import { analyseRecord } from './analyse-record.js';
import { createDefaultPipeline } from './default-stages.js';
import { ingestInputs } from './ingest.js';
import { reprocessDocuments } from './reprocess.js';
import { createPipeline } from './run.js';
import { recordingRuns } from './test-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-reprocess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reprocessDocuments', () => {
  it('drops a line learnt as boilerplate from documents stored before it was learnt, once', async () => {
    const footer = 'Listen to our morning podcast on every platform';
    const inputs = join(dir, 'footer');
    mkdirSync(inputs);
    for (let n = 1; n <= 4; n++) {
      writeFileSync(
        join(inputs, `${n}.txt`),
        `Story number ${n}\n\nThe body of story ${n} reports news.\n\n${footer}\n`,
      );
    }
    const store = openSqliteStore(join(dir, 'footer.sqlite'));
    try {
      await ingestInputs(store, [inputs], { context: { maxDocumentBytes: 1e6 } });
      const before = await fromAsync(store.iterateDocuments());
      expect(before.every((doc) => doc.text.includes(footer))).toBe(true);
      expect(await reprocessDocuments(store)).toEqual({ seen: 4, changed: 4 });
      const after = await fromAsync(store.iterateDocuments());
      expect(after.map((doc) => doc.text)).toEqual([1, 2, 3, 4].map((n) => `The body of story ${n} reports news.`));
      expect(after.map((doc) => doc.id)).toEqual(before.map((doc) => doc.id));
      expect((await store.search({ text: 'podcast' })).total).toBe(0);
      expect(await reprocessDocuments(store)).toEqual({ seen: 4, changed: 0 });
    } finally {
      await store.close();
    }
  });

  it('drops the same learnt lines as a fresh analysis, however the spaces in them are written', async () => {
    const inputs = join(dir, 'spaces');
    mkdirSync(inputs);
    const footers = ['Share\u00a0this  story', 'Share this story ', '\tShare this\u2009story', 'Share this story'];
    const contents = footers.map((footer, n) => `Story ${n}\n\nThe body of story ${n} reports news.\n\n${footer}\n`);
    for (const [n, content] of contents.entries()) writeFileSync(join(inputs, `${n}.txt`), content);
    const store = openSqliteStore(join(dir, 'spaces.sqlite'));
    try {
      await ingestInputs(store, [inputs], { context: { maxDocumentBytes: 1e6 } });
      await reprocessDocuments(store);
      const learnt = await store.learntBoilerplateByOutlet(4);
      expect([...(learnt.get('') ?? [])]).toContain('Share this story');
      const pipeline = await createDefaultPipeline();
      const reprocessed = (await fromAsync(store.iterateDocuments())).sort((a, b) =>
        a.source.uri.localeCompare(b.source.uri),
      );
      const fresh = contents.map((content, n) => {
        const record: RawRecord = { uri: join(inputs, `${n}.txt`), content, mediaType: 'text/plain' };
        return analyseRecord(record, pipeline, undefined, (outlet) => learnt.get(outlet));
      });
      expect(reprocessed.map((doc) => [doc.text, doc.meta.boilerplate])).toEqual(
        fresh.map((doc) => [doc.text, doc.meta.boilerplate]),
      );
      expect(fresh.map((doc) => doc.meta.boilerplate)).toEqual(footers.map((footer) => [footer]));
    } finally {
      await store.close();
    }
  });

  it('recomputes the date estimate, and nothing else, when its stage has a newer version', async () => {
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    for (const file of readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt'))) {
      copyFileSync(join(SEEDS_DIR, file), join(seeds, file));
    }
    const store = openSqliteStore(join(dir, 'seeds.sqlite'));
    try {
      await ingestInputs(store, [seeds], { context: { maxDocumentBytes: 1e6 } });
      const before = await fromAsync(store.iterateDocuments());
      const estimated = before.filter((doc) => doc.meta.published?.from === 'contents');
      // Ranges only where the text dwells on two consecutive years or names an anniversary (000, 004);
      // 002 and 003 state one recent year each and stay undated.
      expect(estimated.map((doc) => doc.meta.published?.value)).toEqual(['2021-07/2022-12', '2021-12/2022-01']);
      const stored = (await createDefaultPipeline()).stages.find((stage) => stage.name === 'nlp/published-estimate');
      const storedVersion = stored?.version ?? 0;
      expect((await store.outputVersions(before[0]?.id ?? '')).get('meta.published' as never)).toBe(
        `nlp/published-estimate@${storedVersion}`,
      );

      const ran: string[] = [];
      const counted = recordingRuns(ran);
      const estimateV2 = (stage: AnyStage): AnyStage => ({
        ...stage,
        version: storedVersion + 1,
        run: (doc, report) => {
          const published = stage.run(doc, report).meta?.published;
          const own = published?.from === 'contents';
          return { meta: { published: own ? { ...published, evidence: ['v2'] } : published } };
        },
      });
      const bumped = createPipeline(
        (await createDefaultPipeline()).stages.map((stage) =>
          counted(stage.name === 'nlp/published-estimate' ? estimateV2(stage) : stage),
        ),
      );
      expect(await reprocessDocuments(store, { pipeline: bumped })).toEqual({ seen: 5, changed: 5 });
      expect(ran).toEqual(Array(5).fill('nlp/published-estimate'));
      const after = await fromAsync(store.iterateDocuments());
      const expected = before.map((doc) => {
        const own = doc.meta.published?.from === 'contents';
        const published = own ? { ...doc.meta.published, evidence: ['v2'] } : doc.meta.published;
        return [{ ...doc.meta, published }, doc.layers];
      });
      expect(after.map((doc) => [doc.meta, doc.layers])).toEqual(expected);
      const quotesStage = bumped.stages.find((stage) => stage.name === 'nlp/quotes');
      for (const doc of after) {
        const versions = await store.outputVersions(doc.id);
        expect(versions.get('meta.published' as never)).toBe(`nlp/published-estimate@${storedVersion + 1}`);
        // Untouched: still the version the documents were stored with.
        expect(versions.get('quotes')).toBe(`nlp/quotes@${quotesStage?.version}`);
      }
      expect(await reprocessDocuments(store, { pipeline: bumped })).toEqual({ seen: 5, changed: 0 });
    } finally {
      await store.close();
    }
  });

  it('gives a refreshed stage the same result as a fresh analysis, not one anchored on the stored estimate', async () => {
    const seeds = join(dir, 'seeds-refresh');
    mkdirSync(seeds);
    for (const file of readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt'))) {
      copyFileSync(join(SEEDS_DIR, file), join(seeds, file));
    }
    const store = openSqliteStore(join(dir, 'seeds-refresh.sqlite'));
    try {
      await ingestInputs(store, [seeds], { context: { maxDocumentBytes: 1e6 } });
      // Provenance names the stage version, which the bump changes; the findings must not change.
      const findings = async () =>
        (await fromAsync(store.iterateDocuments())).map((doc) =>
          [doc.layers.timexes, doc.layers.events].map((spans) => spans?.map(({ by: _by, ...span }) => span)),
        );
      const fresh = await findings();
      const bumped = createPipeline(
        (await createDefaultPipeline()).stages.map((stage) =>
          stage.name === 'nlp/timex' ? { ...stage, version: 99 } : stage,
        ),
      );
      expect(await reprocessDocuments(store, { pipeline: bumped })).toEqual({ seen: 5, changed: 5 });
      // The four undated samples hold a contents estimate: counting `on Sunday` from it was the defect.
      expect(await findings()).toEqual(fresh);
    } finally {
      await store.close();
    }
  });
});
