/**
 * Questions a plan cannot answer because it states no such thing: figures and statistics ("hur
 * många inbrott var det 2022?", "how much does it cost?") and people's contact details ("vad har
 * säkerhetschefen för telefonnummer?"). They get no row and no owner: a row with an owner beside
 * such a question would read as the answer. Questions about the plan's own counts ("hur många
 * åtgärder har SF?") are the plan's and are not these.
 */

/** The plan's own things, which a count may be asked of. */
const PLAN_THINGS =
  /(?:^|[^\p{L}])(åtgärd\p{L}*|mål\p{L}*|område\p{L}*|arbetssätt\p{L}*|enhet\p{L}*|förvaltning\p{L}*|ansvar\p{L}*|aktivitet\p{L}*|rader|punkter|actions?|goals?|areas?|units?|departments?|rows?|activit\p{L}*)(?=$|[^\p{L}])/iu;

const FIGURES =
  /(?:^|[^\p{L}])(hur (många|mycket|stor|stora)|antal(et)?|statistik\p{L}*|siffr\p{L}*|procent\p{L}*|kostar|kostnad\p{L}*|budget\p{L}*|how (many|much)|statistics?|figures?|numbers? of|percent\p{L}*|budget|costs?)(?=$|[^\p{L}])/iu;

const CONTACT =
  /(?:^|[^\p{L}])(telefon\p{L}*|mobilnummer|mejladress\p{L}*|e-?postadress\p{L}*|mailadress\p{L}*|phone( number)?|e-?mail address)(?=$|[^\p{L}])/iu;

/** 'figures' or 'contact' for a question outside what a plan states; undefined for one that may be in it. */
export function outsideThePlan(question: string): 'figures' | 'contact' | undefined {
  if (CONTACT.test(question)) return 'contact';
  // "Vem räknar ut hur mycket brott det finns …?": who does the counting is the plan's to answer.
  if (/^\s*(vem|who)(?=$|[^\p{L}])/iu.test(question)) return undefined;
  const figures = FIGURES.exec(question);
  if (!figures) return undefined;
  // "Hur många åtgärder har SF?", "how many actions", "vilken förvaltning räknar …": the plan's own things.
  return PLAN_THINGS.test(question) ? undefined : 'figures';
}
