export { loadWordClusters, WORD_CLUSTERS_PATH, type WordClusters } from './clusters.js';
export { normalise, sphericalKMeans } from './kmeans.js';
