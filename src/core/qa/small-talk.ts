/**
 * Greetings and "what can you do?": answered with the welcome and its help buttons, not with
 * "nothing in the plan about that". A message is small talk when, after its greetings ("hej hej",
 * "hello,", "god morgon"), nothing is left or only a question about the bot itself.
 */
const GREETING =
  /^(hej(san|hej)?|hallå|tjena|tja|morsning|god (morgon|dag|kväll|eftermiddag)|hello|hi|hey|good (morning|afternoon|evening))\b[\s!.,]*(där|there|bot(en)?|trygghetsbot(en)?)?[\s!.,]*/i;
const ABOUT_THE_BOT =
  /^(vad|hur|vilka saker) (kan|gör) (du|man|jag)( (hjälpa|göra|fråga|svara på))?( mig| dig)?( (med|om))?( här)?\s*\??$|^(vad är|vem är) (du|det här|detta)( för (något|nåt|en bot))?\s*\??$|^(what|how) can (you|i) (do|help( me)?( with)?|ask( you)?( about)?)\b.*\??$|^who are you\s*\??$/i;
/** "Hur använder jag dig?", "Hur funkar boten?", "How do I use this?": how to use the bot, not a topic. */
const HOW_TO_USE =
  /^(hur (använder|funkar|fungerar|gör) (jag|man|du|det här|detta|boten|den här boten)( (dig|boten|den här|det här|den))?( här)?|hur ska jag (använda|fråga)( dig| boten)?|how (do|does|can) (i|you|this|it|the bot) (use|work)( you| this| the bot| it)?|how does this work)\s*\??$/i;
/** "Tack!", "Tack för hjälpen", "Toppen, tack!", "Thanks": thanked, not asked. Matched phrase by phrase until nothing is left. */

const THANKS_PHRASE =
  /^(tusen tack|stort tack|tack så mycket|tack för (hjälpen|svaret|svaren|infon|informationen)|tack ska du ha|tack igen|tackar|tack|toppen|perfekt|bra|super|okej|ok|thank you( very much| so much)?|thanks( a lot)?|thx|great|perfect)(?=\s|$)\s*/i;
export function isSmallTalk(text: string): boolean {
  let rest = text.trim();
  for (let greeted = GREETING.exec(rest); greeted && greeted[0].length > 0; greeted = GREETING.exec(rest)) {
    rest = rest.slice(greeted[0].length).trim();
  }
  return rest === '' || ABOUT_THE_BOT.test(rest) || HOW_TO_USE.test(rest);
}

export function isThanks(text: string): boolean {
  let rest = text
    .replace(/[!.,:)(🙂😊👍]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (rest === '') return false;
  for (let m = THANKS_PHRASE.exec(rest); m && m[0].length > 0; m = THANKS_PHRASE.exec(rest)) rest = rest.slice(m[0].length);
  // "Toppen", "ok" alone may answer something else; with a thanks they are thanks.
  return rest === '' && /(^|\s)(tack|tackar|thanks|thank|thx)(\s|$)/i.test(text.replace(/[!.,]/g, ' '));
}
