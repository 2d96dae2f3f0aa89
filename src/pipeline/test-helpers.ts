import type { AnyStage } from '../model/index.js';

/** The stage unchanged but for a note of its name in `ran` each time it runs, for tests of what reruns. */
export function recordingRuns(ran: string[]): (stage: AnyStage) => AnyStage {
  return (stage) => ({
    ...stage,
    run: (doc, report) => {
      ran.push(stage.name);
      return stage.run(doc, report);
    },
  });
}
