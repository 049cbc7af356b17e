import type { Logger } from '../../logger';

/**
 * Runs `task` every `intervalMs` in the background, never two runs at once, logging failures
 * under `name`. The timer does not keep the process alive. Returns a stop function.
 */
export function runPeriodically(name: string, task: () => Promise<void>, intervalMs: number, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: Error) => logger.error({ err: error }, `${name} failed`))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
