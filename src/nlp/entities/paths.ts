import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped artifact `lede train entities` writes and the stage reads. */
export const ENTITY_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/entities.json.gz');
