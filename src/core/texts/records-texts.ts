/**
 * What the bot says about what it keeps (#28): a person's data shown and erased (GDPR), a closed
 * round's archive package and its deletion (offentlighetsprincipen, arkivlagen). Swedish first.
 */
export const RECORDS_TEXTS = {
  lastAdmin: {
    sv: 'Personen är den enda administratören och kan inte raderas: då kunde ingen sköta uppföljningen. Utse en annan administratör först ("admin <e-post>").',
    en: 'This person is the only admin and cannot be erased: nobody could run the follow-up then. Make someone else an admin first ("admin <e-mail>").',
  },
  configuredAdmin: {
    sv: 'Personen är administratör genom inställningen BOOTSTRAP_ADMINS. Ta bort personen där och starta om boten, och radera sedan.',
    en: 'This person is an admin through the BOOTSTRAP_ADMINS setting. Remove them there and restart the bot, then erase.',
  },
  notArchived: {
    sv: 'Uppföljning {year} har inte arkiverats. Ta arkivpaketet först ("Arkivpaket för registrator" på sammanställningen, eller npm run archive), och radera sedan.',
    en: 'Follow-up {year} has not been archived. Take the archive package first ("Archive package for the registrar" on the summary, or npm run archive), then delete.',
  },
  personalDataTitle: { sv: 'Personuppgifter om {person}', en: 'Personal data about {person}' },
  forgetTitle: { sv: 'Radera {person}?', en: 'Erase {person}?' },
  personalDataNothing: {
    sv: 'Boten har inga uppgifter om {person}.',
    en: 'The bot keeps nothing about {person}.',
  },
  factKnownAs: { sv: 'Känd som', en: 'Known as' },
  factName: { sv: 'Namn', en: 'Name' },
  factContactFor: { sv: 'Kontakt för', en: 'Contact for' },
  factRoles: { sv: 'Roller', en: 'Roles' },
  roleAdmin: { sv: 'administratör', en: 'admin' },
  roleSafetyChief: { sv: 'säkerhetschef', en: 'safety chief' },
  roleConfiguredAdmin: { sv: 'administratör genom BOOTSTRAP_ADMINS', en: 'admin through BOOTSTRAP_ADMINS' },
  factChat: { sv: 'Chatt med boten', en: 'Chat with the bot' },
  chatKept: { sv: 'sparad sedan {since}', en: 'kept since {since}' },
  factAnswers: { sv: 'Svar i personens namn', en: 'Answers in their name' },
  factChanges: { sv: 'Ändringar i historiken', en: 'Changes in the history' },
  factDeliveries: { sv: 'Utskick av omgångar', en: 'Round messages' },
  factReportLinks: { sv: 'Rapportlänkar', en: 'Report links' },
  factWordsGiven: { sv: 'Ord som personen lagt in', en: 'Words they gave' },
  none: { sv: 'inga', en: 'none' },
  personalDataNever: {
    sv: 'Boten sparar aldrig frågorna som ställs. Ord som inte hittades räknas utan att koppla dem till någon person.',
    en: 'The bot never keeps the questions asked. Words that found nothing are counted without tying them to anyone.',
  },
  forgetConsequence: {
    sv: 'Kontaktuppgifter, roller, chattuppgifter och rapportlänkar tas bort. Svaren är allmänna handlingar: de stannar hos sin enhet, med "borttagen person" i stället för namnet. Antalet raderade uppgifter sparas, utan namn.',
    en: 'Contact entries, roles, chat records and report links are removed. The answers are public records: they stay with their unit, with "borttagen person" in place of the name. The number of erased items is kept, without a name.',
  },
  forgetButton: { sv: 'Radera', en: 'Erase' },
  forgotten: {
    sv: 'Raderat: {contacts} kontaktuppgifter, {roles} roller, {chats} chattuppgifter, {reportLinks} rapportlänkar. I {answers} svar, {history} ändringar och {wordsGiven} ord står nu "borttagen person"; {deliveries} utskick togs bort.',
    en: 'Erased: {contacts} contact entries, {roles} roles, {chats} chat records, {reportLinks} report links. {answers} answers, {history} changes and {wordsGiven} words now say "borttagen person"; {deliveries} round messages were removed.',
  },
  forgetCancelled: { sv: 'Ingenting raderades.', en: 'Nothing was erased.' },
  deleteRoundTitle: { sv: 'Radera uppföljning {year}?', en: 'Delete follow-up {year}?' },
  factArchivedAt: { sv: 'Arkiverad', en: 'Archived' },
  factRoundAnswers: { sv: 'Svar', en: 'Answers' },
  deleteRoundConsequence: {
    sv: 'Omgången, alla svar och deras historik tas bort ur boten. Arkivpaketet är det som finns kvar: kontrollera att registratorn har det.',
    en: 'The round, every answer and its history are removed from the bot. The archive package is what remains: make sure the registrar has it.',
  },
  deleteRoundButton: { sv: 'Radera omgången', en: 'Delete the round' },
  roundDeleted: { sv: 'Uppföljning {year} är raderad ({n} dokument).', en: 'Follow-up {year} is deleted ({n} documents).' },
  deleteRoundCancelled: { sv: 'Omgången finns kvar.', en: 'The round is still there.' },
} as const;
