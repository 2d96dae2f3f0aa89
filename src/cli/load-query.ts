/**
 * The query layer pulls in the pipeline and every stage; loaded when a command runs, so `lede --help`
 * and the commands that do not read corpus results start without it.
 */
export const loadQuery = () => import('../query/index.js');

export type QueryLayer = Awaited<ReturnType<typeof loadQuery>>;
