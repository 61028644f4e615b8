/**
 * Greetings and "what can you do?": answered with the welcome and its help buttons, not with
 * "nothing in the plan about that".
 */
const GREETING =
  /^(hej(san)?|hallå|tjena|tja|god (morgon|dag|kväll|eftermiddag)|hello|hi|hey|good (morning|afternoon|evening))\b[\s!.,]*(där|there|bot(en)?|trygghetsbot(en)?)?[\s!.]*$/i;
const WHAT_CAN_YOU_DO =
  /^(vad|hur) (kan|gör) (du|man)( (hjälpa|göra|fråga)( mig| dig)?( med)?)?( här)?\s*\??$|^(vad är|vem är) (du|det här|detta)\s*\??$|^(what|how) can (you|i) (do|help( me)?( with)?|ask)\b.*\??$|^who are you\s*\??$/i;

export function isSmallTalk(text: string): boolean {
  const t = text.trim();
  return GREETING.test(t) || WHAT_CAN_YOU_DO.test(t);
}
