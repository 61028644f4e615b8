/**
 * The port through which use cases reach people proactively. The Teams messenger implements it;
 * the use cases decide who is told what and never see Teams.
 */
import type { Language } from '../core/language';
import type { Round } from '../core/followup/model';
import type { SummaryReason } from '../core/followup/schedule';
import type { Report } from '../core/report/report-model';
import type { UserRecord } from '../followup/followup-store';
import type { RoundView } from './round-view';

export interface Notifier {
  /** The person's round card where they are, saying how far they are and by when to answer. */
  sendReminder(to: UserRecord, view: RoundView, language: Language): Promise<void>;
  /** The summary of the round, with why it comes now. */
  sendSummary(to: UserRecord, report: Report, reason: SummaryReason, language: Language): Promise<void>;
}

/** What a batch of proactive messages came to. */
export interface NoticeOutcome {
  sent: number;
  /** People who were due a message and have no chat with the bot to get it in. */
  withoutChat: number;
  failures: Array<{ person: string; error: string }>;
}

/** The round's language: the one the admin started it in. */
export const roundLanguage = (round: Round): Language => (round.origin?.locale?.startsWith('en') ? 'en' : 'sv');

export const canBeMessaged = (user: UserRecord | undefined): user is UserRecord & { conversationId: string; serviceUrl: string } =>
  Boolean(user?.conversationId && user.serviceUrl);
