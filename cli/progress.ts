/**
 * A progress bar with rate and ETA on stderr, drawn only when stderr is a terminal (quiet in pipes,
 * files and CI). Redraws at most ten times a second.
 */
export class ProgressBar {
  private readonly start = performance.now();
  private lastDraw = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 0;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  update(done: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const elapsed = (now - this.start) / 1000;
    const fraction = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(fraction * width);
    const eta = done > 0 ? (elapsed / done) * (this.total - done) : Number.NaN;
    const rate = elapsed > 0 ? done / elapsed : 0;
    this.stream.write(
      `\r${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} ` +
        `${rate.toFixed(0)}/s ETA ${Number.isFinite(eta) ? formatSeconds(eta) : "--"}  `,
    );
    if (done >= this.total) this.stream.write("\n");
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - 60 * m)).padStart(2, "0")}s`;
}
