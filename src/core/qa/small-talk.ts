/**
 * Greetings and "what can you do?": answered with the welcome and its help buttons, not with
 * "nothing in the plan about that". A message is small talk when, after its greetings ("hej hej",
 * "hello,", "god morgon"), nothing is left or only a question about the bot itself.
 */
const GREETING =
  /^(hej(san|hej)?|hallå|tjena|tja|morsning|god (morgon|dag|kväll|eftermiddag)|hello|hi|hey|good (morning|afternoon|evening))\b[\s!.,]*(där|there|bot(en)?|trygghetsbot(en)?)?[\s!.,]*/i;
const ABOUT_THE_BOT =
  /^(vad|hur|vilka saker) (kan|gör) (du|man|jag)( (hjälpa|göra|fråga|svara på))?( mig| dig)?( (med|om))?( här)?\s*\??$|^(vad är|vem är) (du|det här|detta)\s*\??$|^(what|how) can (you|i) (do|help( me)?( with)?|ask( you)?( about)?)\b.*\??$|^who are you\s*\??$/i;

export function isSmallTalk(text: string): boolean {
  let rest = text.trim();
  for (let greeted = GREETING.exec(rest); greeted && greeted[0].length > 0; greeted = GREETING.exec(rest)) {
    rest = rest.slice(greeted[0].length).trim();
  }
  return rest === '' || ABOUT_THE_BOT.test(rest);
}
