/**
 * Runs `run` every `periodMs`, one run at a time (a slow run delays the next rather than
 * overlapping it), until stopped; `stop` waits for the run under way. The timer does not
 * keep the process alive. `run` is given a way to ask whether it should stop early; a run that
 * fails goes to `onError` and the loop goes on.
 *
 * @example const worker = repeatEvery(1000, (stopping) => drainOutbox(services, stopping)); … await worker.stop();
 */
export function repeatEvery(
  periodMs: number,
  run: (stopping: () => boolean) => Promise<unknown>,
  onError: (error: unknown) => void = (error) => console.error('repeated job failed', error),
): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    // A failed run is reported and the next one still comes: one bad run must not end the loop.
    current = current
      .then(() => (stopped ? undefined : run(() => stopped)))
      .catch((error: unknown) => onError(error));
  }, periodMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
