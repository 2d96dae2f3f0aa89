/** The bottom of the house: where files live and the generic readers every layer may use. */
export { readModelText } from './model-file.js';
export {
  codePath,
  DATA_DIR,
  dataPath,
  LEDE_BIN,
  MODELS_DIR,
  modelPath,
  PROJECT_ROOT,
  RUNNING_COMPILED,
  SEEDS_DIR,
  SHARED_DATA,
  sharedDataPath,
  WEB_DIST,
} from './paths.js';
export { readJsonlGz } from './read-jsonl-gz.js';
export { isPostgresUrl, printableLocation } from './store-location.js';
