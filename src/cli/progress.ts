/**
 * The index build's progress bar (cli-progress): phase, counts, rate and ETA. On a terminal it
 * redraws in place; in CI logs (no TTY) it prints a line every few seconds instead.
 */
import cliProgress from 'cli-progress';
import type { BuildProgress } from '../index/build.js';

const LABEL: Record<BuildProgress['phase'], string> = {
  read: 'reading corpus',
  chunk: 'chunking     ',
  embed: 'embedding    ',
  index: 'indexing     ',
  write: 'writing      ',
};

export function buildProgressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: BuildProgress): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{phase} [{bar}] {value}/{total} chunks | {rate}/s | ETA {eta_formatted}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase: BuildProgress['phase'] | undefined;
  let t0 = performance.now();
  return {
    update(p) {
      if (p.phase !== phase) {
        if (started) bar.stop();
        bar.start(Math.max(p.total, 1), p.done, { phase: LABEL[p.phase], rate: '0' });
        started = true;
        phase = p.phase;
        t0 = performance.now();
      }
      const secs = (performance.now() - t0) / 1000;
      bar.setTotal(Math.max(p.total, 1));
      bar.update(p.done, { phase: LABEL[p.phase], rate: secs > 0 ? (p.done / secs).toFixed(1) : '0' });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
