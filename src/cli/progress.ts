/**
 * The index build's progress bar (cli-progress): phase, counts, rate and ETA. On a terminal it
 * redraws in place; in CI logs (no TTY) it prints a line every few seconds instead.
 */
import cliProgress from 'cli-progress';
import type { BuildProgress } from '../index/build.js';

const LABEL: Record<BuildProgress['phase'], [string, string]> = {
  read: ['reading corpus', 'files'],
  chunk: ['chunking      ', 'chunks'],
  embed: ['embedding     ', 'chunks'],
  index: ['indexing      ', 'indexes'],
  write: ['writing       ', 'steps'],
};

function eta(done: number, total: number, secs: number): string {
  if (done >= total) return '0s';
  if (done <= 0 || secs < 0.2) return '…';
  const left = ((total - done) * secs) / done;
  return left >= 60 ? `${Math.floor(left / 60)}m${Math.round(left % 60)}s` : `${left.toFixed(left < 10 ? 1 : 0)}s`;
}

export function buildProgressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: BuildProgress): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{phase} [{bar}] {value}/{total} {unit} | {rate}/s | ETA {etaText}',
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
        bar.start(Math.max(p.total, 1), p.done, { phase: LABEL[p.phase][0], unit: LABEL[p.phase][1], rate: '-', etaText: '…' });
        started = true;
        phase = p.phase;
        t0 = performance.now();
      }
      const secs = (performance.now() - t0) / 1000;
      bar.setTotal(Math.max(p.total, 1));
      // A rate over a few milliseconds is noise ("297653959/s"): show it once it means something.
      const rate = secs >= 0.2 ? (p.done / secs).toFixed(1) : '-';
      bar.update(p.done, { phase: LABEL[p.phase][0], unit: LABEL[p.phase][1], rate, etaText: eta(p.done, p.total, secs) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
