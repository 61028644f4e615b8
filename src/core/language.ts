/** The languages the bot speaks: Swedish, its users' language, first; English too. */
export type Language = 'sv' | 'en';
