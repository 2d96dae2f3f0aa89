export { loadWordClusters, WORD_CLUSTERS_PATH, type WordClusters } from './clusters.js';
export { wordClustersTrainer } from './train.js';
