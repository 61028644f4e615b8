/**
 * Runs the round's timed work: reminders on the configured days, closing at the deadline, and
 * sending the round message to contacts who have none yet (a fan-out cut short by a restart, or a
 * contact added later). Every tick, only the instance holding the "scheduler" lease works; each
 * reminder is marked done on the round with its ETag, so it goes out once even with two instances.
 */
import type { Logger } from '../log';
import type { FollowUpService } from './followup-service';
import { dueWork, remindersDone, type SummaryReason } from '../core/followup/schedule';
import { sendDueSummaries } from '../usecases/send-due-summaries';
import { PreconditionFailedError } from '../store/document-store';
import type { Round } from '../core/followup/model';

export interface SchedulerActions {
  remind(round: Round): Promise<number>;
  resumeDelivery(round: Round): Promise<void>;
  /** Sends the summary card to the safety chief and the admins; returns how many got it. */
  sendSummary(round: Round, reason: SummaryReason): Promise<number>;
}

export class RoundScheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly service: FollowUpService,
    private readonly actions: SchedulerActions,
    private readonly logger: Logger,
    private readonly instanceId: string,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  /** One pass over the open rounds; safe to call at any time. */
  tick(now = new Date()): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = this.work(now).finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** The summaries due for a round (usecases/send-due-summaries, shared with the close command and the last save). */
  private async summaries(round: Round, now: Date): Promise<void> {
    for (const { reason, recipients } of await sendDueSummaries(
      this.service,
      (r, why) => this.actions.sendSummary(r, why),
      round.year,
      now,
    ))
      this.logger.info({ event: 'summary-sent', year: round.year, reason, recipients }, 'summary sent');
  }

  private async work(now: Date): Promise<void> {
    try {
      if (!(await this.service.data.acquireLease('scheduler', this.instanceId, this.intervalMs * 3, now.getTime()))) return;
      for (const round of await this.service.data.listRounds()) {
        await this.summaries(round, now);
        if (round.state !== 'open') continue;
        for (const work of dueWork(round, now)) {
          if (work.kind === 'close') {
            await this.service.closeRound(round.year, now);
            this.logger.info({ event: 'round-closed', year: round.year, by: 'deadline' }, 'round closed at its deadline');
            continue;
          }
          const current = await this.service.data.getRound(round.year);
          if (!current) continue;
          const { _etag, ...body } = current;
          try {
            // Marked first: if two instances get here, one wins the ETag and only it reminds.
            await this.service.data.updateRound({ ...body, remindersSent: remindersDone(body, work.daysBefore) }, _etag);
          } catch (error) {
            if (error instanceof PreconditionFailedError) continue;
            throw error;
          }
          const n = await this.actions.remind(body);
          this.logger.info({ event: 'scheduled-reminder', year: round.year, daysBefore: work.daysBefore, reminded: n }, 'reminders sent');
        }
        const after = await this.service.data.getRound(round.year);
        if (after?.state === 'open') await this.actions.resumeDelivery(round);
        else if (after) await this.summaries(after, now); // closed just now: the closing summary
      }
    } catch (error) {
      this.logger.error({ event: 'scheduler-failed', err: error }, 'scheduled work failed; retried next tick');
    }
  }
}
