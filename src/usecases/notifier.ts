/**
 * The port through which use cases reach people proactively. The Teams messenger implements it,
 * pacing its own requests to what Teams allows and finding the person's chat itself; the use cases
 * decide who is told what and when, and never see Teams.
 */
import { languageOfLocale, type Language } from '../core/language';
import type { Round } from '../core/followup/model';
import type { SummaryReason } from '../core/followup/schedule';
import type { Report } from '../core/report/report-model';
import type { UserRecord } from './ports';
import type { Person } from '../core/followup/model';
import type { RoundView } from './round-view';
import type { FanOutSummary, Recipient, SentMessage } from './fan-out';
import type { ReachProblem } from '../core/followup/reach';

export interface Notifier {
  /**
   * The round message: the person's round card, in the chat they have with the bot or a new one
   * opened by `reachAs` (their Entra object id) and returned as `openedChat`, to be kept.
   * `beforeSend` is called right before the message goes (the fan-out claims the person then);
   * throws a SendError (with the ReachProblem when known) when the person cannot be reached.
   */
  sendRoundMessage(to: Recipient, view: RoundView, language: Language, beforeSend: () => Promise<void>): Promise<SentMessage>;
  /** The person's round card in their chat with the bot, saying how far they are and by when to answer. */
  sendReminder(to: Person, view: RoundView, language: Language): Promise<void>;
  /** To someone who had not finished when the round closed: that it is closed, since when, and whom to ask. */
  sendClosedNotice(to: Person, round: Round, askWho: string, language: Language): Promise<void>;
  /** To the admin who started the round: how its sending went. */
  sendDeliverySummary(round: Round, summary: FanOutSummary, language: Language): Promise<void>;
  /** The summary of the round, with why it comes now (and, while open, who a reminder would reach). */
  sendSummary(to: Person, summary: RoundSummary, reason: SummaryReason, language: Language): Promise<void>;
}

/** Who a reminder would go to now: people with a chat, and how many unfinished people have none. */
export interface ReminderPreview {
  /** People not finished who have a chat with the bot: they get the reminder. */
  people: number;
  /** People not finished whom the bot cannot message yet (no chat). */
  withoutChat: number;
  /** Who they are (e-mail, name or id), so the admin can reach them another way. */
  withoutChatPeople?: string[];
}

/** A round's report and, while the round is open, who a reminder would reach. */
export interface RoundSummary {
  report: Report;
  reminders?: ReminderPreview;
  /** Units whose every contact the round message could not reach: not late, lost, until someone acts. */
  unreached?: UnreachedUnit[];
}

export interface UnreachedUnit {
  unit: string;
  people: Array<{ who: string; problem: ReachProblem }>;
}

/** What a batch of proactive messages came to. */
export interface NoticeOutcome {
  sent: number;
  /** People who were due a message and have no chat with the bot to get it in. */
  withoutChat: number;
  failures: Array<{ person: string; error: string }>;
}

/** The round's language: the one the admin started it in (for what goes back to the admin). */
export const roundLanguage = (round: Round): Language => languageOfLocale(round.origin?.locale);

/** A person's language: their Teams locale once known, Swedish until then (not the admin's). */
export const personLanguage = (user: UserRecord | undefined): Language => languageOfLocale(user?.locale);

export const canBeMessaged = (user: UserRecord | undefined): user is UserRecord & { conversationId: string; serviceUrl: string } =>
  Boolean(user?.conversationId && user.serviceUrl);
