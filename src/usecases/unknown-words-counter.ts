/**
 * Counts the words of unanswered questions in the background, a batch every few seconds: the
 * person asking gets their answer without waiting for the store, and a burst of questions is one
 * write, not one each. Words still pending when the process is killed are lost: they are
 * statistics, not anyone's data, and the next questions count them again.
 */
import type { AskedWord } from '../core/qa/municipality-words';
import type { Logger } from '../log';

/** Words waiting at most: a flood of nonsense is not kept in memory. */
const MAX_PENDING = 500;

export class UnknownWordsCounter {
  private pending: AskedWord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly count: (asked: AskedWord[]) => Promise<void>,
    private readonly logger: Logger,
    private readonly delayMs = 5_000,
  ) {}

  add(words: AskedWord[]): void {
    if (words.length === 0 || this.pending.length >= MAX_PENDING) return;
    this.pending.push(...words.slice(0, MAX_PENDING - this.pending.length));
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.delayMs);
      this.timer.unref();
    }
  }

  /** Counts what is pending now; a store that fails is logged, and those words are dropped. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    const words = this.pending.splice(0);
    if (words.length === 0) return;
    this.writing = this.count(words)
      .catch((error: unknown) =>
        this.logger.warn({ event: 'unknown-words-not-counted', err: error, words: words.length }, 'unknown words not counted'),
      )
      .finally(() => (this.writing = undefined));
    await this.writing;
  }
}
