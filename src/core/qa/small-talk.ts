/**
 * Greetings and "what can you do?": answered with the welcome and its help buttons, not with
 * "nothing in the plan about that". A message is small talk when, after its greetings ("hej hej",
 * "hello,", "god morgon"), nothing is left or only a question about the bot itself.
 */
// Not \b after the greeting: without the u flag it is ASCII only, and "hallå," has no boundary after "å".
const GREETING =
  /^(hej(san|hej)?|hallå|tjena|tja|morsning|god (morgon|dag|kväll|eftermiddag)|hello|hi|hey|good (morning|afternoon|evening))(?=[\s!.,?]|$)[\s!.,]*(där|there|bot(en)?|trygghetsbot(en)?)?[\s!.,]*/i;
const ABOUT_THE_BOT =
  /^(vad|hur|vilka saker) (kan|gör) (du|man|jag)( (hjälpa|göra|fråga|svara på))?( mig| dig)?( (med|om))?( här)?\s*\??$|^(vad är|vem är) (du|det här|detta)( för (något|nåt|en bot))?\s*\??$|^(what|how) can (you|i) (do|help( me)?( with)?|ask( you)?( about)?)\b.*\??$|^who are you\s*\??$/i;
/** "Hur använder jag dig?", "Hur funkar boten?", "How do I use this?": how to use the bot, not a topic. */
const HOW_TO_USE =
  /^(hur (använder|funkar|fungerar|gör) (jag|man|du|det här|detta|boten|den här boten)( (dig|boten|den här|det här|den))?( här)?|hur ska jag (använda|fråga)( dig| boten)?|how (do|does|can) (i|you|this|it|the bot) (use|work)( you| this| the bot| it)?|how does this work)\s*\??$/i;
/** "Tack!", "Tack för hjälpen", "Toppen, tack!", "Thanks": thanked, not asked. Matched phrase by phrase until nothing is left. */

const THANKS_PHRASE =
  /^(tusen tack|stort tack|tack så mycket|tack för (hjälpen|svaret|svaren|infon|informationen)|tack ska du ha|tack igen|tackar|tack|toppen|perfekt|bra|super|okej|ok|thank you( very much| so much)?|thanks( a lot)?|thx|great|perfect)(?=\s|$)\s*/i;
/**
 * The words of talk about the bot and asking for help, with nothing about a topic: question words,
 * pronouns, light verbs, the bot itself. A message made only of these that names the bot or help
 * ("Hej, kan du hjälpa mig?", "Vad kan jag använda dig till?", "What are you for?") asks what the
 * bot does; one word beside them that is not among them ("… hjälpa mig med kamerorna") is a topic.
 */
const BOT_TALK_WORDS = new Set(
  (
    'vad vilka vilken vilket hur kan kunde skulle får ska gör göra gjort du dig din ditt boten bot jag mig man vi oss ' +
    'hjälpa hjälp hjälper fråga frågor frågar svara svarar använda använder funkar fungerar till med om på här det ' +
    'detta den är vara något nåt någon saker typ för en ett egentligen alltså då nu snälla kanske liksom och eller ' +
    'att sig mer lite vet veta ' +
    'what which how can could do does you your yours i me we us help ask answer use this it bot is are for with about ' +
    'things kind of the a an please here so me anything something know'
  ).split(' '),
);
const ADDRESSES_THE_BOT = /(^|\s)(du|dig|din|ditt|boten|bot|you|your|hjälp|hjälpa|help)(\s|$)/i;

/** Only greetings ("hej", "hej hej!", "god morgon boten"): answered with a short hello, not the whole help. */
export function isGreetingOnly(text: string): boolean {
  let rest = text.trim();
  let greeted = false;
  for (let m = GREETING.exec(rest); m && m[0].length > 0; m = GREETING.exec(rest)) {
    rest = rest.slice(m[0].length).trim();
    greeted = true;
  }
  return greeted && rest === '';
}

export function isSmallTalk(text: string): boolean {
  let rest = text.trim();
  for (let greeted = GREETING.exec(rest); greeted && greeted[0].length > 0; greeted = GREETING.exec(rest)) {
    rest = rest.slice(greeted[0].length).trim();
  }
  if (rest === '' || ABOUT_THE_BOT.test(rest) || HOW_TO_USE.test(rest)) return true;
  const words = rest
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => BOT_TALK_WORDS.has(w)) && ADDRESSES_THE_BOT.test(words.join(' '));
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
