/** The languages the bot speaks: Swedish, its users' language, first; English too. */
export type Language = 'sv' | 'en';

/** A client's or an admin's locale ("en-US", "sv-SE") as the bot's language: Swedish unless it is English. */
export const languageOfLocale = (locale: string | null | undefined): Language =>
  (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'sv';
