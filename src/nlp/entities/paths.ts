import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped artifact `lede train entities` writes and the stage reads. */
export const ENTITY_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/entities.json.gz');

/** Demonym → country, derived from the countries gazetteer by `lede train demonyms`. */
export const DEMONYMS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/demonyms.json');

/** Word lists of the entities stage (titles, particles, aliases, facility heads). */
export const ENTITY_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/entities');
