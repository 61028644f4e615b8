/**
 * The follow-up's proactive work, decided here and sent through the Notifier: sending a round's
 * messages, reminders, the summaries, and the scheduler's timed work. Which summaries are due and
 * when goes through one path: the save that completes the round, closing it (by an admin or at the
 * deadline) and the weekly pass all call `summariesDue`, which marks each summary on the round
 * first so that it goes out once. The Teams messenger only sends; the scheduler only keeps time.
 */
import type { Logger } from '../log';
import type { Person, Round } from '../core/followup/model';
import { dueWork, remindersDone, type SummaryReason } from '../core/followup/schedule';
import type { FollowUp } from './follow-up';
import type { Notifier, NoticeOutcome } from './notifier';
import type { PeopleDirectory } from './people-directory';
import { deliverRound } from './deliver-round';
import { remindUnfinished, tellUnfinishedClosed } from './remind-unfinished';
import { sendSummaries } from './send-summaries';
import { sendDueSummaries } from './send-due-summaries';
import { resolveContacts } from './resolve-contacts';
import { roundRecipients } from './round-recipients';
import { reopenRound, closeRound, closeRoundNow } from './close-round';
import { answerAction } from './work-through-round';
import type { FanOutSummary, Recipient } from './fan-out';
import type { SendingLeaseOptions } from './sending-lease';
import { chooseReminderRound } from './choose-reminder-round';
import type { ReminderPreview } from './notifier';
import type { Result } from './result';
import { applyRetention, type RetentionPolicy } from './retention';

export interface RoundWorkDeps {
  followUp: FollowUp;
  notifier: Notifier;
  directory: PeopleDirectory;
  logger: Logger;
  instanceId: string;
  sendingLease?: SendingLeaseOptions;
  /** How long chat records and gone contacts are kept; absent: nothing is removed on time. */
  retention?: RetentionPolicy;
}

/** The scheduler's lease: one instance at a time does the timed work. */
export const SCHEDULER_LEASE = 'scheduler';

/** How often the scheduler's instance removes what is past its time. */
const RETENTION_EVERY_MS = 24 * 3_600_000;

export class RoundWork {
  private readonly running = new Set<Promise<unknown>>();
  /** Rounds this process is sending right now: a second pass of the same round would only race the first. */
  private readonly sending = new Set<number>();

  constructor(private readonly deps: RoundWorkDeps) {}

  /** Waits for background work (sending, summaries) to finish: graceful shutdown and tests. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Runs work in the background of the turn that asked for it. */
  private track(work: Promise<unknown>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Starts the round's sending in the background (see deliver). */
  startSending(round: Round, recipients: Recipient[]): void {
    this.track(this.deliver(round, recipients, true));
  }

  /**
   * One pass of the round's delivery (usecases/deliver-round), one pass per round at a time in this
   * process. Only rounds started where people can be messaged (they have an origin) are sent.
   */
  async deliver(round: Round, recipients: Recipient[], announce: boolean): Promise<FanOutSummary | undefined> {
    const { logger, followUp, notifier, instanceId, directory, sendingLease } = this.deps;
    if (!round.origin || this.sending.has(round.year)) return undefined;
    this.sending.add(round.year);
    try {
      const summary = await deliverRound(followUp, notifier, round, recipients, { instanceId, announce, directory, sendingLease });
      logger.info(
        {
          event: 'fan-out-done',
          year: round.year,
          ...summary,
          unreachablePeople: summary.unreachablePeople.length,
          failedPeople: summary.failedPeople.length,
        },
        'round messages sent',
      );
      return summary;
    } catch (error) {
      logger.error({ event: 'fan-out-failed', year: round.year, err: error }, 'sending round messages failed');
      return undefined;
    } finally {
      this.sending.delete(round.year);
    }
  }

  /** Sends the round message to contacts who have none yet; those still not found are looked up again (each at most every few hours). */
  async resumeDelivery(round: Round): Promise<void> {
    await resolveContacts(this.deps.followUp, this.deps.directory, { onlyIfStale: true });
    await this.deliver(round, await roundRecipients(this.deps.followUp), false);
  }

  /**
   * An admin asks for a reminder ("påminn", the summary's button, the confirmation's): nothing is
   * sent before they have seen how many it reaches (`confirmed` false: the count to confirm);
   * confirmed, those not finished are reminded and how many is said.
   */
  async remindOnRequest(
    actor: Person,
    input: { year: number | null; confirmed: boolean },
  ): Promise<Result<{ round: Round } & ({ toConfirm: ReminderPreview } | { reminded: number })>> {
    const chosen = await chooseReminderRound(this.deps.followUp, actor, input);
    if (!chosen.ok) return chosen;
    if (!input.confirmed) return { ok: true, round: chosen.round, toConfirm: chosen.reminders };
    return { ok: true, round: chosen.round, reminded: await this.remind(chosen.round) };
  }

  /** Reminds those who have not finished (usecases/remind-unfinished); how many were reminded. */
  async remind(round: Round): Promise<number> {
    const outcome = await remindUnfinished(this.deps.followUp, this.deps.notifier, round, {
      instanceId: this.deps.instanceId,
      lease: this.deps.sendingLease,
    });
    this.logOutcome('reminders', round, outcome);
    return outcome.sent;
  }

  /** Sends the summary to the safety chief and the admins (usecases/send-summaries); how many got it. */
  async summarize(round: Round, reason: SummaryReason): Promise<number> {
    const outcome = await sendSummaries(this.deps.followUp, this.deps.notifier, round, reason);
    this.logOutcome('summaries', round, outcome);
    return outcome.sent;
  }

  /** The summaries due for the round now (weekly, complete, closed), each sent once whoever gets there first. */
  async summariesDue(year: number, now = new Date()): Promise<void> {
    try {
      for (const { reason, recipients } of await sendDueSummaries(this.deps.followUp, (r, why) => this.summarize(r, why), year, now))
        this.deps.logger.info({ event: 'summary-sent', year, reason, recipients }, 'summary sent');
    } catch (error) {
      this.deps.logger.error({ event: 'summary-failed', year, err: error }, 'summary not sent; the scheduler tries again');
    }
  }

  /** Saves an answer (usecases/work-through-round); the save that completes the round sends its "everyone has answered" summary now. */
  async answer(actor: Person, input: Parameters<typeof answerAction>[2], now = new Date()): ReturnType<typeof answerAction> {
    const result = await answerAction(this.deps.followUp, actor, input, now);
    if (result.ok && result.roundComplete) this.track(this.summariesDue(result.answer.year, now));
    return result;
  }

  /** An admin closes a round (usecases/close-round); its closing summary goes out now, not on the scheduler's next pass. */
  async close(actor: Person, input: { year: number | null; confirmed?: boolean }, now = new Date()): ReturnType<typeof closeRound> {
    const result = await closeRound(this.deps.followUp, actor, input, now);
    if (result.ok && 'closed' in result) {
      this.deps.logger.info({ event: 'round-closed', year: result.year }, 'round closed');
      if (result.closedNow) this.track(this.tellClosed(result.year));
      this.track(this.summariesDue(result.year, now));
    }
    return result;
  }

  /**
   * The timed work, for the scheduler's tick: the summaries due, reminders on their days (each
   * marked on the round first, so it goes out once even with two instances), closing at the
   * deadline, and sending to contacts who have had nothing yet. Only the instance holding the
   * scheduler's lease works; `leaseMs` is how long it holds it (a few ticks).
   */
  async runDue(now: Date, leaseMs: number): Promise<void> {
    const { followUp, logger, instanceId } = this.deps;
    if (!(await followUp.leases.acquire(SCHEDULER_LEASE, instanceId, leaseMs, now.getTime()))) return;
    await this.retentionDue(now);
    for (const round of await followUp.rounds.listRounds()) {
      await this.summariesDue(round.year, now);
      if (round.state !== 'open') continue;
      for (const work of dueWork(round, now)) {
        if (work.kind === 'close') {
          if ((await closeRoundNow(followUp.rounds, round.year, now)) === 'closed') {
            logger.info({ event: 'round-closed', year: round.year, by: 'deadline' }, 'round closed at its deadline');
            await this.tellClosed(round.year);
          }
          continue;
        }
        const current = await followUp.rounds.getRound(round.year);
        if (!current) continue;
        const { _etag, ...body } = current;
        // Marked first: if two instances get here, one wins the ETag and only it reminds.
        if ((await followUp.rounds.updateRound({ ...body, remindersSent: remindersDone(body, work.daysBefore) }, _etag)) === 'conflict')
          continue;
        const n = await this.remind(body);
        logger.info({ event: 'scheduled-reminder', year: round.year, daysBefore: work.daysBefore, reminded: n }, 'reminders sent');
      }
      const after = await followUp.rounds.getRound(round.year);
      if (after?.state === 'open') await this.resumeDelivery(round);
      else if (after) await this.summariesDue(after.year, now); // closed just now: the closing summary
    }
  }

  /** When this instance last removed what was past its time: once a day is enough, and a restart does it again. */
  private retainedAt = Number.NEGATIVE_INFINITY;

  /** Removes what is past its time (usecases/retention), once a day, and logs what went (counts and units, no names). */
  private async retentionDue(now: Date): Promise<void> {
    const { retention, followUp, logger } = this.deps;
    if (!retention || now.getTime() - this.retainedAt < RETENTION_EVERY_MS) return;
    this.retainedAt = now.getTime();
    const removed = await applyRetention(followUp, retention, now);
    if (removed.chats + removed.contacts.length + removed.reportLinks > 0)
      logger.info(
        { event: 'retention', chats: removed.chats, contacts: removed.contacts, reportLinks: removed.reportLinks },
        'removed what was past its time',
      );
  }

  /**
   * Reopens a closed round with a new deadline; those who had not finished get their card again
   * (a reminder with the new deadline), once: how many.
   */
  async reopen(
    actor: Person,
    input: { year: number | null; deadline: unknown },
    now = new Date(),
  ): Promise<Result<{ round: Round; told: number }>> {
    const result = await reopenRound(this.deps.followUp, actor, input, now);
    if (!result.ok) return result;
    this.deps.logger.info({ event: 'round-reopened', year: result.round.year, deadline: result.round.deadline }, 'round reopened');
    return { ok: true, round: result.round, told: result.reopenedNow ? await this.remind(result.round) : 0 };
  }

  /** Tells those who had not finished that the round has closed (usecases/remind-unfinished). */
  async tellClosed(year: number): Promise<void> {
    const round = await this.deps.followUp.rounds.getRound(year);
    if (!round) return;
    const outcome = await tellUnfinishedClosed(this.deps.followUp, this.deps.notifier, round, {
      instanceId: this.deps.instanceId,
      lease: this.deps.sendingLease,
    });
    this.logOutcome('closed-notices', round, outcome);
  }

  private logOutcome(what: string, round: Round, outcome: NoticeOutcome): void {
    for (const failure of outcome.failures)
      this.deps.logger.warn({ event: `${what}-failed`, error: failure.error.slice(0, 200) }, `${what}: one not sent`);
    this.deps.logger.info(
      { event: `${what}-sent`, year: round.year, sent: outcome.sent, withoutChat: outcome.withoutChat, failed: outcome.failures.length },
      `${what} sent`,
    );
  }
}
