import { isDeepStrictEqual } from 'node:util';
import type { SeedCheck, SeedOutcome } from '../contract.js';

/** Headline, date, sections, captions, subheads and boilerplate lines of each seed. */
export const cleanSeedCheck: SeedCheck = {
  component: 'clean',
  check: ({ pairs }) =>
    pairs.flatMap(({ gold, doc }): SeedOutcome[] => {
      const fields: [string, unknown, unknown][] = [
        ['headline', gold.headline, doc.meta.headline],
        // gold.json gives the date a file states; an estimated date is not one.
        [
          'published',
          gold.published,
          doc.meta.published && !doc.meta.published.estimated ? doc.meta.published.value : null,
        ],
        ['sections', gold.sections, doc.meta.sections],
        ['captions', gold.captions, doc.meta.captions],
        ['subheads', gold.subheads ?? [], doc.meta.subheads],
        ['boilerplate', gold.boilerplate, doc.meta.boilerplate],
      ];
      return fields.map(([field, expected, actual]) => ({
        file: gold.file,
        field,
        expected,
        actual,
        pass: isDeepStrictEqual(expected, actual),
      }));
    }),
};
