/** Prepares the data for the follow-up cards (templates round-action.json, round-confirm.json). */
import { t } from '../../core/texts/catalog';
import { swedishDateTime } from '../../core/followup/schedule';
import type { Language } from '../../core/language';
import type { ReachAssessment } from '../../usecases/assess-reach';
import type { RoundPlanSummary } from '../../core/followup/obligations';
import {
  MAX_TYPED_DESCRIPTION_LENGTH,
  statusLabel,
  type Answer,
  type Obligation,
  type Round,
  type StatusDefinition,
} from '../../core/followup/model';
import { actionHeading } from '../../core/qa/render-text';
import type { ActionView } from '../../core/plan/action-view';
import { expandCard } from '../cards/render';
import { fittedTemplate } from '../cards/fit-card';
import type { RoundView } from '../../usecases/round-view';
import { unbreakableId } from '../../core/typed-text';
import { followUpSentence } from '../../core/texts/follow-up-sentence';
import type { FollowUpConfig } from '../../core/plan/follow-up-config';

export interface RoundCardInput {
  round: Round;
  obligation: Obligation;
  /** The action as the plan prints it (core/plan/action-view.ts). */
  action: ActionView;
  answer: Answer | undefined;
  lastYear: Answer | undefined;
  progress: { answered: number; total: number };
  units: string[];
  /** The plan's statuses, in its words and order. */
  statuses: StatusDefinition[];
  /** How the plan is followed up (its period, by whom, to whom): the intro says it in the plan's words. */
  followUp: FollowUpConfig;
  language: Language;
  /** Teams ids ("29:…") of the users whose card refreshes itself; at most 60. */
  refreshUserIds: string[];
  /** good: a save, green at the top; info: a reminder, at the top; attention: a refusal, by the fields it is about. */
  notice?: { text: string; kind: 'good' | 'info' | 'attention' };
  /** What the user typed, shown again after a refusal so nothing they wrote is lost. */
  typed?: { status?: string; description?: string };
  /** Where the card is among the person's actions, and how far each of their units is. */
  position?: { index: number; total: number; perUnit: Array<{ unit: string; answered: number; total: number }> };
  /** After unsaved text stopped a move: the verb that moves on without it (a button that sends no fields). */
  discardVerb?: string;
  /** The opening lines: who asks, why, and how answering works (on the round message and reminders). */
  intro?: boolean;
}

export function roundActionCard(input: RoundCardInput): Record<string, unknown> {
  const lang = input.language;
  const view = input.action;
  const title = t('roundTitle', lang, { year: input.round.year, deadline: input.round.deadline });
  const progressText = t('progress', lang, { ...input.progress, units: input.units.join(', ') });
  const lastYearLines = input.lastYear
    ? [
        t('lastYear', lang, {
          year: input.lastYear.year,
          status: statusLabel(input.statuses, input.lastYear.status),
          description: input.lastYear.description,
        }),
      ]
    : [];
  const statusChoices = input.statuses.map((s) => ({
    title: lang === 'sv' ? `${s.label} – ${s.description}` : `${s.label} (${s.enLabel}) – ${s.enDescription}`,
    value: s.key,
  }));
  const positionText = input.position
    ? [
        t('position', lang, { n: input.position.index + 1, total: input.position.total }),
        ...(input.position.perUnit.length > 1 ? input.position.perUnit.map((u) => t('unitProgress', lang, u)) : []),
      ].join(' · ')
    : '';
  const askWho = input.round.startedBy.upn ?? input.round.startedBy.name ?? t('askAdmin', lang);
  const introLines = input.intro
    ? [
        t('intro', lang, {
          followUp: followUpSentence(input.followUp, lang),
          units: input.units.join(', '),
          deadline: input.round.deadline,
          askWho,
        }),
      ]
    : [];
  const savedLines = input.answer
    ? [
        t('answeredByLine', lang, {
          // The name, as the report shows it; the e-mail address only when Teams gave no name (#25).
          who: input.answer.answeredBy.name ?? input.answer.answeredBy.upn ?? input.answer.answeredBy.aadObjectId ?? '?',
          when: swedishDateTime(input.answer.answeredAt),
          onBehalf: input.answer.onBehalf ? ` (${t('onBehalf', lang)})` : '',
        }),
      ]
    : [];
  const currentStatus = input.typed?.status ?? input.answer?.status ?? '';
  const currentDescription = input.typed?.description ?? input.answer?.description ?? '';
  return expandCard('round-action', {
    fallbackText: [title, progressText, `${view.id} ${view.text}`].join('\n'),
    title,
    progressText: [progressText, positionText].filter(Boolean).join(' · '),
    introLines,
    savedLines,
    // The saved answer's time as this card shows it: a save compares it, so a colleague's later answer is not overwritten unseen.
    seen: input.answer?.answeredAt ?? 'none',
    // A jump to the next unanswered one, while there is one besides this action.
    hasUnanswered: input.progress.answered < input.progress.total - (input.answer ? 0 : 1),
    year: String(input.round.year),
    lang,
    action: {
      id: view.id,
      displayId: unbreakableId(view.id),
      heading: actionHeading(view, lang, { printedAs: false }),
      // A plan whose groups are its areas titles both alike: said once (#26).
      areaLines: view.areaTitle && view.areaTitle !== view.groupTitle ? [view.areaTitle] : [],
      text: view.text,
      unit: input.obligation.unit,
    },
    lastYearLines,
    statusChoices,
    currentStatus,
    // Given back whole up to what the field takes: a text over the limit is refused, never cut here.
    currentDescription: currentDescription.slice(0, MAX_TYPED_DESCRIPTION_LENGTH),
    // The field takes this much, so that the client never cuts below what is saved (a longer text is refused, and said).
    maxTyped: MAX_TYPED_DESCRIPTION_LENGTH,
    discardVerb: input.discardVerb ?? '',
    hasDiscard: input.discardVerb !== undefined,
    // A save that went through is said at the top, in green, where the eye starts on the next action's card;
    // a refusal stays beside the fields it is about.
    bannerLines: input.notice?.kind === 'good' ? [input.notice.text] : [],
    infoLines: input.notice?.kind === 'info' ? [input.notice.text] : [],
    noticeLines: input.notice?.kind === 'attention' ? [input.notice.text] : [],
    noticeColor: input.notice?.kind === 'attention' ? 'Attention' : 'Good',
    refreshUserIds: input.refreshUserIds.slice(0, 60),
    labels: {
      unit: t('unit', lang),
      status: t('status', lang),
      description: t('description', lang),
      descriptionHint: t('descriptionHint', lang),
      save: t('save', lang),
      previous: t('previous', lang),
      next: t('next', lang),
      unanswered: t('nextUnanswered', lang),
      refresh: t('refresh', lang),
      discard: t('discardAndMove', lang),
    },
  });
}

export function roundConfirmCard(
  year: number,
  deadline: string,
  summary: RoundPlanSummary,
  reach: ReachAssessment,
  language: Language,
): Record<string, unknown> {
  const lang = language;
  const facts = [
    { title: t('factActions', lang), value: String(summary.actions) },
    { title: t('factReports', lang), value: String(summary.obligations) },
    { title: t('factUnitsWith', lang), value: `${summary.reachableUnits.length} (${summary.reachableUnits.join(', ') || '–'})` },
    { title: t('factUnitsWithout', lang), value: String(summary.unreachableUnits.length) },
    { title: t('factPeople', lang), value: String(summary.recipients) },
    { title: t('factReachNow', lang), value: String(reach.now) },
    ...(reach.install ? [{ title: t('factReachInstall', lang), value: String(reach.install) }] : []),
    ...(reach.openChat ? [{ title: t('factReachOpen', lang), value: String(reach.openChat) }] : []),
    { title: t('factReachNot', lang), value: String(reach.cannot.length) },
    { title: t('factDeadline', lang), value: deadline },
  ];
  const title = t('confirmTitle', lang, { year });
  const unreachable = [
    ...(summary.unreachableUnits.length ? [t('unreachable', lang, { units: summary.unreachableUnits.join(', ') })] : []),
    ...reach.cannot.map(({ person, problem }) =>
      t('cannotReach', lang, { who: person.upn ?? person.aadObjectId ?? '?', why: t(`reach.${problem}`, lang) }),
    ),
    ...(reach.directoryAvailable ? [] : [t('noGraph', lang)]),
  ];
  // Every unit and person not reached, as far as the card holds them; the Starta button always fits.
  const data = {
    fallbackText: [title, ...facts.map((f) => `${f.title}: ${f.value}`), ...unreachable].join('\n'),
    title,
    facts,
    unreachableLines: unreachable,
    question: t('confirmQuestion', lang),
    year: String(year),
    deadline,
    lang,
    labels: { start: t('start', lang), cancel: t('cancel', lang) },
  };
  return fittedTemplate('round-confirm', data, 'unreachableLines', (n) => t('moreNotReached', lang, { n }));
}

/** The round card for a view of the round (usecases/round-view.ts), drawn from the data in hand. */
export function roundCardFromView(
  view: RoundView,
  lang: Language,
  refreshUserIds: string[],
  extra: Pick<RoundCardInput, 'notice' | 'typed' | 'intro' | 'discardVerb'> = {},
): Record<string, unknown> {
  return roundActionCard({ ...view, language: lang, refreshUserIds, ...extra });
}
