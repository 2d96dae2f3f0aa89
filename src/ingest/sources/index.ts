/** Turning command-line inputs (files, folders, URLs, standard input) into input files. */
export { expandInputs, isUrl, memoryInputFile, openInputFile } from './expand.js';
export { measureInputs } from './measure.js';
