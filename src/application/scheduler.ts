/**
 * Runs the round's timed work: reminders on the configured days, closing at the deadline, and
 * sending the round message to contacts who have none yet (a fan-out cut short by a restart, or a
 * contact added later). Every tick, only the instance holding the "scheduler" lease works; each
 * reminder is marked done on the round with its ETag, so it goes out once even with two instances.
 */
import type { Logger } from '../log';
import type { FollowUpService } from './followup-service';
import { dueSummaries, dueWork, remindersDone, type SummaryReason } from '../core/followup/schedule';
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

  /** Sends the summaries due for a round, each marked on the round first (ETag) so it goes out once. */
  private async summaries(round: Round, now: Date): Promise<void> {
    const everyoneAnswered = await this.everyoneAnswered(round);
    for (const due of dueSummaries(round, now, everyoneAnswered)) {
      const current = await this.service.data.getRound(round.year);
      if (!current || (current.summariesSent ?? []).includes(due.key)) continue;
      const { _etag, ...body } = current;
      try {
        await this.service.data.updateRound({ ...body, summariesSent: [...(body.summariesSent ?? []), due.key] }, _etag);
      } catch (error) {
        if (error instanceof PreconditionFailedError) continue;
        throw error;
      }
      const n = await this.actions.sendSummary(body, due.reason);
      this.logger.info({ event: 'summary-sent', year: round.year, reason: due.reason, recipients: n }, 'summary sent');
    }
  }

  /** Every unit with contacts has answered all its actions. */
  private async everyoneAnswered(round: Round): Promise<boolean> {
    const contacts = await this.service.data.listContacts();
    const units = new Set(contacts.map((c) => c.unit));
    const { answered, total } = await this.service.progressOf(round.year, [...units]);
    return total > 0 && answered === total;
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
