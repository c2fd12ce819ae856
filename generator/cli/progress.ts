// What a run prints on stderr: log lines (phase timings, results, warnings) and, on a terminal,
// one status line saying which client and phase a run is in once it has taken longer than a
// second. Not on a terminal, or with --quiet, the output is the log lines alone, as before.

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  readonly quiet?: boolean;
  /** The environment, for NO_COLOR. */
  readonly env?: NodeJS.ProcessEnv;
  /** How long a run goes before the status line appears. */
  readonly delayMs?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

export class Progress {
  private readonly live: boolean;
  private readonly color: boolean;
  private status: string | undefined;
  private shown = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private startedAt: number | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressOptions = {},
  ) {
    this.live = stream.isTTY === true && options.quiet !== true;
    const noColor = options.env?.['NO_COLOR'];
    this.color = this.live && (noColor === undefined || noColor === '');
  }

  /** A line of the log (nothing under --quiet); the status line, if shown, stays below it. */
  log(line: string): void {
    if (this.options.quiet) return;
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.stream.write(`${line}\n`);
    if (this.shown) this.draw();
  }

  /**
   * What the run is doing now; shown once the run has lasted longer than the delay. The phases
   * run without yielding, so besides the timer each update checks the time itself.
   */
  update(status: string): void {
    this.status = status;
    if (!this.live) return;
    const delay = this.options.delayMs ?? 1000;
    this.startedAt ??= performance.now();
    if (!this.shown && performance.now() - this.startedAt >= delay) this.shown = true;
    if (this.shown) this.draw();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.shown = true;
        this.draw();
      }, delay);
      this.timer.unref?.();
    }
  }

  /** The run is over: the status line goes, and the next run waits its own delay. */
  done(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.shown = false;
    this.status = undefined;
    this.startedAt = undefined;
  }

  private draw(): void {
    if (this.status === undefined) return;
    // A pseudo-terminal may report 0 columns: then the usual 80.
    const width = Math.max((this.stream.columns || 80) - 1, 10);
    const text = this.status.length > width ? `${this.status.slice(0, width - 1)}…` : this.status;
    this.stream.write(`${CLEAR_LINE}${this.color ? `\x1b[36m${text}\x1b[39m` : text}`);
  }
}
