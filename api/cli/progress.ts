// A progress bar for long commands (statements, seeded data sets): shared by the CLI and bench/.
/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise (a
 * log file or CI keeps a readable trail instead of thousands of carriage returns).
 */
export interface Progress {
  /** Moves the bar to `done` of the total. */
  update(done: number): void;
  /** Draws the full bar and ends its line. */
  finish(): void;
}

const WIDTH = 30;

export function progressBar(label: string, total: number): Progress {
  const stream = process.stderr;
  const startedAt = performance.now();
  let lastTenth = -1;
  let lastDrawAt = 0;
  const line = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds} s`;
  };
  return {
    update(done) {
      if (stream.isTTY) {
        // At most 20 redraws a second: drawing must not cost what it measures.
        const now = performance.now();
        if (now - lastDrawAt < 50 && done < total) return;
        lastDrawAt = now;
        stream.write(`\r${line(done)}`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    finish() {
      if (stream.isTTY) stream.write(`\r${line(total)}\n`);
      else if (lastTenth < 10) stream.write(`${line(total)}\n`);
    },
  };
}
