/**
 * Ctrl-C as a request to stop after the batch in flight is committed, so a rerun resumes where this
 * run stopped; a second Ctrl-C aborts at once. `dispose` gives SIGINT back its default.
 */
export function listenForStopRequest(): { requested: () => boolean; dispose: () => void } {
  let stopRequested = false;
  const onSigint = () => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    process.stderr.write('\nstopping after the current batch is committed (Ctrl-C again to abort now)…\n');
  };
  process.on('SIGINT', onSigint);
  return { requested: () => stopRequested, dispose: () => process.off('SIGINT', onSigint) };
}
