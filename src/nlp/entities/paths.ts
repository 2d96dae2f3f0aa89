import { dataPath, modelPath } from '../../resources/index.js';

/** The shipped artifact `lede train entities` writes and the stage reads. */
export const ENTITY_MODEL_PATH = modelPath('entities.json.gz');

/** Demonym → country, derived from the countries gazetteer by `lede train demonyms`. */
export const DEMONYMS_PATH = modelPath('demonyms.json');

/** Word lists of the entities stage (titles, particles, aliases, facility heads). */
export const ENTITY_DATA_DIR = dataPath('entities');
