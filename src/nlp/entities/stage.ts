import type { Doc, Stage } from '../../model/index.js';
import { englishOnly } from '../language/index.js';
import { type EntityModel, readEntityModel } from './model.js';
import { loadNameTables, type NameTables } from './name-lists.js';
import { ENTITY_MODEL_PATH } from './paths.js';
import { ENTITIES_STAGE, type MetaField, recogniseDocumentEntities } from './recognise.js';

export interface EntitiesOptions {
  /** The trained artifact; defaults to models/entities.json.gz. */
  modelPath?: string;
  /** Folder of titles.txt, honorifics.txt, particles.txt and aliases.tsv; defaults to data/entities. */
  dataDir?: string;
}

/** Names in English text (the model is trained on English news); other languages are skipped with a message. */
export function createEntitiesStage(
  options: EntitiesOptions = {},
): Stage<'sentences' | 'meta.language', 'entities' | 'metaEntities'> {
  let loaded: { model: EntityModel; tables: NameTables } | undefined;
  // Loaded on first use, once: building the default pipeline should not cost the model's load time.
  const load = () => {
    loaded ??= {
      model: readEntityModel(options.modelPath ?? ENTITY_MODEL_PATH),
      tables: loadNameTables(options.dataDir),
    };
    return loaded;
  };
  return englishOnly({
    name: ENTITIES_STAGE.stage,
    version: ENTITIES_STAGE.version,
    requires: ['sentences'],
    produces: ['entities', 'metaEntities'],
    run: (doc: Readonly<Doc>) => {
      const { model, tables } = load();
      return recogniseDocumentEntities(doc.text, doc.layers.sentences ?? [], metaFieldsOf(doc), model, tables);
    },
  });
}

/** The headline and captions worth tagging: the passages `metaEntities` points into. */
export function metaFieldsOf(doc: Readonly<Doc>): MetaField[] {
  const fields: MetaField[] = [];
  if (doc.meta.headline?.trim()) fields.push({ field: 'headline', index: 0, text: doc.meta.headline });
  doc.meta.captions.forEach((caption, index) => {
    if (caption.trim()) fields.push({ field: 'caption', index, text: caption });
  });
  return fields;
}
