/** The follow-up's words, Swedish and English (part of the catalog: catalog.ts). */
import type { RefusalReason } from '../followup/validate';

export const FOLLOW_UP_TEXTS = {
  /** How often a plan is followed up, in words for a refusal ("Planen följs upp per halvår: skriv …"). */
  'period.year': { sv: 'per år', en: 'yearly' },
  'period.half-year': { sv: 'per halvår', en: 'per half-year' },
  'period.tertial': { sv: 'per tertial', en: 'per four-month period' },
  roundTitle: {
    sv: 'Uppföljning {year} av åtgärdsplanen – svara senast {deadline}',
    en: 'Follow-up {year} of the action plan – answer by {deadline}',
  },
  progress: { sv: '{answered} av {total} rapporterade för {units}', en: '{answered} of {total} reported for {units}' },
  position: { sv: 'Åtgärd {n} av {total}', en: 'Action {n} of {total}' },
  unitProgress: { sv: '{unit}: {answered} av {total}', en: '{unit}: {answered} of {total}' },
  intro: {
    sv: '{followUp} Du svarar för {units}: välj status för varje åtgärd och beskriv kort utvecklingen. Varje svar sparas för sig när du trycker Spara, och du kan ändra det fram till {deadline}. Frågor: {askWho}.',
    en: '{followUp} You answer for {units}: choose a status for each action and briefly describe the development. Each answer is saved on its own when you press Save, and you can change it until {deadline}. Questions: {askWho}.',
  },
  roundMessageText: {
    sv: 'Uppföljning {year} av åtgärdsplanen: svara för {units} senast {deadline}.',
    en: 'Follow-up {year} of the action plan: answer for {units} by {deadline}.',
  },
  answerInChat: {
    sv: 'Det ser ut som ett svar till uppföljningen {year}. Svar lämnas i kortet, en åtgärd i taget, så att de hamnar rätt i rapporten: skriv "min uppföljning" så får du kortet för {units} (svara senast {deadline}). Det du skrev här sparades inte.',
    en: 'That looks like an answer to follow-up {year}. Answers go into the card, one action at a time, so they land in the right place in the report: write "min uppföljning" to get the card for {units} (answer by {deadline}). What you wrote here was not saved.',
  },
  answerInChatGroup: {
    sv: 'Det ser ut som ett svar till uppföljningen {year}. Svar lämnas i kortet i din personliga chatt med mig: skriv "min uppföljning" där. Det du skrev här sparades inte.',
    en: 'That looks like an answer to follow-up {year}. Answers go into the card in your personal chat with me: write "min uppföljning" there. What you wrote here was not saved.',
  },
  reportLinkBelow: { sv: 'Länken till rapporten kommer nedan.', en: 'The link to the report follows below.' },
  reportConsentDescription: {
    sv: 'Rapporten för uppföljning {year}. Den sparas i din OneDrive, där bara du kommer åt den tills du delar den.',
    en: 'The report for follow-up {year}. It is saved in your OneDrive, where only you can reach it until you share it.',
  },
  reportConsentBelow: {
    sv: 'Tillåt rapporten i meddelandet nedan, så sparas den i din OneDrive.',
    en: 'Allow the report in the message below, and it is saved in your OneDrive.',
  },
  reportSaved: { sv: 'Rapporten är sparad i din OneDrive: {name}', en: 'The report is saved in your OneDrive: {name}' },
  reportDeclined: { sv: 'Okej, ingen rapport sparades.', en: 'All right, no report was saved.' },
  reportUploadFailed: {
    sv: 'Rapporten kunde inte sparas i din OneDrive just nu. Försök igen om en stund.',
    en: 'The report could not be saved in your OneDrive right now. Try again in a while.',
  },
  statusNotSaved: { sv: 'Ditt val {status} för {id} sparades inte.', en: 'Your choice {status} for {id} was not saved.' },
  discardAndMove: { sv: 'Släng och gå vidare', en: 'Discard and move on' },
  unknownButton: {
    sv: 'Jag känner inte igen den här knappen. Kortet kan vara från en äldre version av mig: skriv "hjälp" så börjar vi om.',
    en: 'I do not recognize this button. The card may be from an older version of me: write "help" to start again.',
  },
  moreUnitsContacts: {
    sv: '… och {n} enheter till. Skriv "kontakter" och enhetens namn för en enhet, till exempel "kontakter SF".',
    en: '… and {n} more units. Write "contacts" and the unit\'s name for one unit, for example "contacts SF".',
  },
  moreNotReached: {
    sv: '… och {n} till som inte kan nås. Skriv "kontakter" för att se kontakterna, och "diagnos" för vad boten saknar.',
    en: '… and {n} more who cannot be reached. Write "contacts" to see the contacts, and "diagnose" for what the bot lacks.',
  },
  tooManyContactsUnit: {
    sv: 'En enhet kan ha högst {max} kontakter, så inget ändrades för {unit}. Ta bort någon först ("ta bort kontakt {unit} <e-post>").',
    en: 'A unit can have at most {max} contacts, so nothing was changed for {unit}. Remove someone first ("remove contact {unit} <e-mail>").',
  },
  tooManyContacts: {
    sv: 'Boten kan ha högst {max} kontakter i allt, så inget ändrades för {unit}.',
    en: 'The bot can have at most {max} contacts in all, so nothing was changed for {unit}.',
  },
  noPeople: {
    sv: 'Fältet är tomt, så inget ändrades för {unit}. För att ta bort en kontakt: skriv "ta bort kontakt {unit} e-postadress".',
    en: 'The field is empty, so nothing changed for {unit}. To remove a contact, write "remove contact {unit} e-mail".',
  },
  answerForBelow: { sv: 'Kortet för {unit} kommer nedan.', en: 'The card for {unit} follows below.' },
  askAdmin: { sv: 'den som startade uppföljningen', en: 'whoever started the follow-up' },
  answeredByLine: { sv: 'Sparat av {who} {when}{onBehalf}.', en: 'Saved by {who} {when}{onBehalf}.' },
  unit: { sv: 'Rapporterande enhet', en: 'Reporting unit' },
  lastYear: { sv: 'Förra året ({year}): {status} – {description}', en: 'Last year ({year}): {status} – {description}' },
  status: { sv: 'Status', en: 'Status' },
  statusRequired: { sv: 'Välj en status.', en: 'Choose a status.' },
  description: { sv: 'Beskrivning av utveckling (högst {max} tecken)', en: 'Description of development (at most {max} characters)' },
  descriptionHint: {
    sv: 'Vad har hänt? Vilka förutsättningar finns eller saknas för att genomföra åtgärden?',
    en: 'What has happened? Which prerequisites exist or are missing?',
  },
  descriptionRequired: { sv: 'Skriv en beskrivning av utvecklingen.', en: 'Write a description of the development.' },
  save: { sv: 'Spara', en: 'Save' },
  previous: { sv: 'Föregående', en: 'Previous' },
  next: { sv: 'Nästa', en: 'Next' },
  nextUnanswered: { sv: 'Nästa obesvarade', en: 'Next unanswered' },
  refresh: { sv: 'Uppdatera', en: 'Refresh' },
  saved: { sv: 'Sparat: {actionId} för {unit}.', en: 'Saved: {actionId} for {unit}.' },
  unchanged: { sv: 'Inget ändrat: svaret var redan sparat.', en: 'Nothing changed: the answer was already saved.' },
  allDone: {
    sv: 'Alla dina åtgärder är rapporterade. Du kan ändra svaren tills uppföljningen stänger.',
    en: 'All your actions are reported. You can change the answers until the follow-up closes.',
  },
  confirmTitle: { sv: 'Starta uppföljning {year}?', en: 'Start follow-up {year}?' },
  confirmQuestion: {
    sv: 'Varje kontaktperson får ett meddelande med sina enheters åtgärder.',
    en: "Each contact gets one message with their units' actions.",
  },
  factActions: { sv: 'Åtgärder', en: 'Actions' },
  factReports: { sv: 'Rapporter (åtgärd × enhet)', en: 'Reports (action × unit)' },
  factUnitsWith: { sv: 'Enheter med kontakter', en: 'Units with contacts' },
  factUnitsWithout: { sv: 'Enheter utan kontakter', en: 'Units without contacts' },
  factPeople: { sv: 'Personer som tillfrågas', en: 'People to be asked' },
  factReachNow: { sv: '– nås direkt (har chatt med boten)', en: '– reachable now (have a chat with the bot)' },
  factReachInstall: { sv: '– får appen installerad och ett meddelande', en: '– will get the app installed and a message' },
  factReachOpen: {
    sv: '– nås om appen är förinstallerad för dem (ingen Graph-behörighet)',
    en: '– reachable if the app is pre-installed for them (no Graph permission)',
  },
  factReachNot: { sv: '– kan inte nås', en: '– cannot be reached' },
  cannotReach: { sv: 'Kan inte nås: {who} – {why}', en: 'Cannot be reached: {who} – {why}' },
  noGraph: {
    sv: 'Microsoft Graph är inte tillgängligt eller saknar behörighet: boten når bara dem som redan har appen. Skriv "diagnos" för att se vad som saknas. Be de andra att öppna boten i Teams, eller be IT installera appen för dem.',
    en: 'Microsoft Graph is not available or lacks permission: the bot reaches only people who already have the app. Write "diagnose" to see what is missing. Ask the others to open the bot in Teams, or ask IT to install the app for them.',
  },
  unreachablePerson: { sv: 'Nåddes inte: {who} – {why}', en: 'Not reached: {who} – {why}' },
  failedPerson: {
    sv: 'Misslyckades: {who} – Teams svarade "{error}"; försöks igen vid nästa genomgång.',
    en: 'Failed: {who} – Teams answered "{error}"; tried again on the next pass.',
  },
  'reach.not-in-directory': { sv: 'finns inte i katalogen (stavfel? slutat?)', en: 'not in the directory (typo? left?)' },
  'reach.account-disabled': { sv: 'kontot är inaktiverat', en: 'the account is disabled' },
  'reach.install-blocked': {
    sv: 'appen blockeras av organisationens app-policy',
    en: "the app is blocked by the organization's app policy",
  },
  'reach.no-graph-permission': {
    sv: 'Graph-behörighet saknas (skriv diagnos för att se vilken)',
    en: 'Graph permission not granted (write diagnose to see which)',
  },
  'reach.not-found-without-graph': {
    sv: 'okänd för boten, och utan Graph kan e-postadressen inte slås upp',
    en: 'unknown to the bot, and without Graph the e-mail cannot be looked up',
  },
  'reach.app-not-installed': {
    sv: 'har inte appen och den kunde inte installeras åt personen',
    en: 'does not have the app and it could not be installed for them',
  },
  factDeadline: { sv: 'Sista svarsdag', en: 'Deadline' },
  unreachable: {
    sv: 'Utan kontakt (en administratör kan svara för dem): {units}',
    en: 'Without contacts (an admin can answer for them): {units}',
  },
  start: { sv: 'Starta', en: 'Start' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  cancelled: { sv: 'Uppföljningen startades inte.', en: 'The follow-up was not started.' },
  summaryUnreached: {
    sv: 'Enheter som inte kunde nås: {n} (ingen av kontakterna fick meddelandet; nå dem på annat sätt, eller svara för enheten)',
    en: 'Units that could not be reached: {n} (none of the contacts got the message; reach them another way, or answer for the unit)',
  },
  closedNotice: {
    sv: 'Uppföljning {year} stängdes {date}, innan du hade svarat för alla dina åtgärder. Det som inte är sparat kommer inte med i rapporten. Frågor om det: kontakta {askWho}.',
    en: 'Follow-up {year} was closed on {date}, before you had answered for all your actions. What is not saved is not in the report. Questions about it: contact {askWho}.',
  },
  reopenNeedsDate: {
    sv: 'Ge den nya sista svarsdagen: till exempel "återöppna uppföljning 2024 senast 2025-03-31".',
    en: 'Give the new deadline: for example "reopen follow-up 2024 by 2025-03-31".',
  },
  roundOpen: { sv: 'Uppföljning {year} är inte stängd.', en: 'Follow-up {year} is not closed.' },
  reopened: {
    sv: 'Uppföljning {year} är öppen igen, med sista svarsdag {deadline}. {n} som inte hade svarat klart har fått sitt kort igen.',
    en: 'Follow-up {year} is open again, with the deadline {deadline}. {n} who had not finished have their card again.',
  },
  closeCancelled: { sv: 'Uppföljningen är fortfarande öppen.', en: 'The follow-up is still open.' },
  closeConfirmTitle: { sv: 'Stänga uppföljning {year}?', en: 'Close follow-up {year}?' },
  closeFactAnswered: { sv: 'Rapporterade åtgärder', en: 'Actions reported' },
  closeFactUnits: { sv: 'Enheter som inte är klara', en: 'Units not finished' },
  closeFactPeople: { sv: 'Kontaktpersoner som inte är klara', en: 'Contacts not finished' },
  closeFactDeadline: { sv: 'Sista svarsdag', en: 'Deadline' },
  closeDaysLeft: { sv: '{deadline}, om {days} dagar', en: '{deadline}, in {days} days' },
  closeConsequence: {
    sv: 'När uppföljningen är stängd tar den inte emot fler svar, och sammanställningen skickas. De som inte har svarat klart kan inte svara längre.',
    en: 'Once the follow-up is closed it takes no more answers, and the summary is sent. Those who have not finished can no longer answer.',
  },
  closeButton: { sv: 'Stäng', en: 'Close' },
  started: {
    sv: 'Uppföljning {year} är startad. Meddelanden skickas nu till {people}; du får en sammanfattning när de är skickade.',
    en: 'Follow-up {year} has started. Messages are being sent to {people}; you will get a summary when they are sent.',
  },
  alreadyExists: { sv: 'Uppföljning {year} finns redan.', en: 'Follow-up {year} already exists.' },
  deliverySummary: {
    sv: 'Utskick uppföljning {year}: {delivered} levererade, {unreachable} nåddes inte, {failed} misslyckades, {uncertain} osäkra.',
    en: 'Follow-up {year} sent: {delivered} delivered, {unreachable} unreachable, {failed} failed, {uncertain} uncertain.',
  },
  closed: { sv: 'Uppföljning {year} är stängd. Inga fler svar tas emot.', en: 'Follow-up {year} is closed. No more answers are accepted.' },
  // A card action over the person's limit (src/server): the card, and what was typed in it, stay.
  tooManyActions: {
    sv: 'Du har gjort många val på kort tid. Ingenting sparades den här gången; vänta {seconds} sekunder och försök igen. Det du skrivit finns kvar i kortet.',
    en: 'You have made many choices in a short time. Nothing was saved this time; wait {seconds} seconds and try again. What you typed is still in the card.',
  },
  notAdmin: { sv: 'Det kan bara administratörer göra.', en: 'Only admins can do that.' },
  statusOwnUnitsOnly: {
    sv: 'Du kan se status för de åtgärder som dina enheter rapporterar ({units}). Andra enheters svar visas för administratörerna och samlas i uppföljningens rapport.',
    en: "You can see the status of the actions your units report ({units}). Other units' answers are shown to the admins and brought together in the follow-up's report.",
  },
  noRound: { sv: 'Det finns ingen öppen uppföljning.', en: 'There is no open follow-up.' },
  notContact: {
    sv: 'Du är inte kontaktperson för någon enhet i uppföljningen.',
    en: 'You are not a contact for any unit in the follow-up.',
  },
  contactsTitle: { sv: 'Kontaktpersoner per enhet', en: 'Contacts per unit' },
  contactsFormTitle: { sv: 'Ändra en enhets kontakter', en: "Change a unit's contacts" },
  contactsUnit: { sv: 'Enhet', en: 'Unit' },
  contactsUnitRequired: { sv: 'Välj en enhet.', en: 'Choose a unit.' },
  contactsPeople: {
    sv: 'Kontakter (e-post eller Entra-objekt-id, kommaseparerade; tomt tar bort alla)',
    en: 'Contacts (e-mail or Entra object id, comma-separated; empty removes all)',
  },
  contactsNone: { sv: '–', en: '–' },
  contactsSaved: { sv: 'Kontakter för {unit}: {people}.', en: 'Contacts for {unit}: {people}.' },
  contactRemoved: { sv: '{person} är inte längre kontakt för {unit}.', en: '{person} is no longer a contact for {unit}.' },
  adminRemoved: { sv: '{person} är inte längre administratör.', en: '{person} is no longer an admin.' },
  adminAdded: { sv: '{person} är nu administratör.', en: '{person} is now an admin.' },
  chiefSet: { sv: '{person} är nu säkerhetschef.', en: '{person} is now the safety chief.' },
  badPerson: {
    sv: 'Ange personen med e-postadress eller Entra-objekt-id.',
    en: 'Give the person as an e-mail address or Entra object id.',
  },
  pastDeadline: {
    sv: 'Sista svarsdagen {deadline} har redan passerat. Ange ett senare datum.',
    en: 'The deadline {deadline} has already passed. Give a later date.',
  },
  badDate: { sv: 'Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2025-02-28.', en: 'Give the date as YYYY-MM-DD, for example 2025-02-28.' },
  wrongPeriod: {
    sv: 'Planen följs upp {period}: skriv till exempel "starta uppföljning {example}".',
    en: 'The plan is followed up {period}: write for example "starta uppföljning {example}".',
  },
  unknownUnit: {
    sv: 'Enheten {unit} finns inte bland planens ansvariga.',
    en: "The unit {unit} is not among the plan's responsible units.",
  },
  diagnosisTitle: { sv: 'Diagnos: vad boten behöver i er miljö', en: 'Diagnosis: what the bot needs in your tenant' },
  diagnosisAllHold: {
    sv: 'Inget misslyckades: {ok} kontroller fungerar, {todo} är kvar att göra, {skipped} behövs inte här.',
    en: 'Nothing failed: {ok} checks hold, {todo} are left to do, {skipped} are not needed here.',
  },
  diagnosisFailures: {
    sv: '{failed} av {n} kontroller misslyckades: se ✗ nedan, med vad som saknas och hur det åtgärdas.',
    en: '{failed} of {n} checks failed: see ✗ below, with what is missing and how to fix it.',
  },
  diagnosisNote: {
    sv: 'Samma kontroller som npm run doctor. Raderna är tekniska och på engelska, för IT-administratören; – betyder att kontrollen inte behövs här.',
    en: 'The same checks as npm run doctor, for the IT admin; – means the check is not needed here.',
  },
  storeDown: {
    sv: 'Databasen svarar inte just nu. Inget har sparats; försök igen om en stund.',
    en: 'The database is not answering right now. Nothing was saved; please try again shortly.',
  },
  summaryWeekly: { sv: 'Veckans sammanställning av uppföljning {year}.', en: "This week's summary of follow-up {year}." },
  summaryComplete: { sv: 'Alla som tillfrågades i uppföljning {year} har svarat.', en: 'Everyone asked in follow-up {year} has answered.' },
  summaryClosed: {
    sv: 'Uppföljning {year} är stängd. Här är sammanställningen; exportera rapporten med knappen.',
    en: 'Follow-up {year} is closed. Here is the summary; export the report with the button.',
  },
  onBehalf: { sv: 'för enhetens räkning', en: 'on its behalf' },
  notReported: { sv: 'ej rapporterad', en: 'not reported' },
  actionStatusTitle: { sv: 'Status för {actionId} i uppföljning {year}', en: 'Status of {actionId} in follow-up {year}' },
  unitStatusTitle: {
    sv: '{unit} i uppföljning {year}: {answered} av {total} rapporterade',
    en: '{unit} in follow-up {year}: {answered} of {total} reported',
  },
  missingList: { sv: 'Ej rapporterade: {ids}', en: 'Not reported: {ids}' },
  contactsOf: { sv: 'Kontakter: {people}', en: 'Contacts: {people}' },
  reportReady: { sv: 'Rapporten för uppföljning {year} ({format}) är klar.', en: 'The report for follow-up {year} ({format}) is ready.' },
  reportLinkNote: {
    sv: 'Länken fungerar en gång, i {minutes} minuter, och bara så länge du är administratör; dela den inte.',
    en: 'The link works once, for {minutes} minutes, and only while you are an admin; do not share it.',
  },
  openReport: { sv: 'Öppna rapporten', en: 'Open the report' },
  reminder: {
    sv: 'Påminnelse: uppföljning {year} – {answered} av {total} rapporterade. Svara senast {deadline}.',
    en: 'Reminder: follow-up {year} – {answered} of {total} reported. Answer by {deadline}.',
  },
  helpMineTitle: { sv: 'Din uppföljning', en: 'Your follow-up' },
  helpMineOpen: {
    sv: 'Du svarar för {units} i uppföljningen {year}, senast {deadline}. Skriv "min uppföljning" för att få ditt kort; varje svar sparas för sig och kan ändras fram till dess.',
    en: 'You answer for {units} in follow-up {year}, by {deadline}. Write "my follow-up" to get your card; each answer is saved on its own and can be changed until then.',
  },
  helpMineWaiting: {
    sv: 'Du är kontaktperson för {units}. När årets uppföljning startar får du ett kort här att svara i.',
    en: "You are a contact for {units}. When this year's follow-up starts you get a card here to answer in.",
  },
  helpMyRoundCommand: { sv: 'min uppföljning', en: 'my follow-up' },
  helpAdminTitle: { sv: 'Uppföljningen (för administratörer)', en: 'The follow-up (for admins)' },
  // Placeholders in italics: "<enhet>" would be taken for an HTML tag by Teams' Markdown and vanish.
  helpAdminLines: {
    sv: 'starta uppföljning {round} senast <ÅÅÅÅ-MM-DD> – visar först vilka som får frågan och vilka som inte kan nås\nkontakter · kontakt <enhet> <e-post> · ta bort kontakt <enhet> <e-post>\nsammanställning [{round}] · påminn [{round}] · stäng uppföljning [{round}] · återöppna uppföljning {round} senast <ÅÅÅÅ-MM-DD>\nsvara för <enhet> – svara för en enhet som saknar kontakter\nstatus för åtgärd <id> · hur går det för <enhet>? [{round}]\nadmin <e-post> · ta bort admin <e-post> · säkerhetschef <e-post>\nordlista <kod> <namn> – säg vad en enhetskod i planen står för (ordlista visar dem)\nsynonym <ord> = <planens ord> – ett ord som personalen använder för något i planen (synonymer · okända ord · ta bort synonym <ord>)\ndiagnos – vad boten saknar i er miljö (behörigheter, databas, appkatalog), som npm run doctor\npersonuppgifter <e-post> · glöm <e-post> – visa eller radera vad boten har om en person\nradera uppföljning {round} – en stängd omgång, efter att arkivpaketet tagits från sammanställningen',
    en: "start follow-up {round} by <YYYY-MM-DD> – shows first who will get it and who cannot be reached\ncontacts · contact <unit> <e-mail> · remove contact <unit> <e-mail>\nsummary [{round}] · remind [{round}] · close follow-up [{round}] · reopen follow-up {round} by <YYYY-MM-DD>\nanswer for <unit> – answer for a unit without contacts\nstatus for action <id> · how is <unit> doing? [{round}]\nadmin <e-mail> · remove admin <e-mail> · safety chief <e-mail>\nglossary <code> <name> – say what a unit code of the plan stands for (glossary lists them)\nsynonym <word> = <plan's words> – a word staff use for something in the plan (synonyms · unknown words · remove synonym <word>)\ndiagnose – what the bot lacks in your tenant (permissions, database, app catalog), as npm run doctor\npersonal data <e-mail> · forget <e-mail> – show or erase what the bot keeps about a person\ndelete follow-up {round} – a closed round, once its archive package has been taken from the summary",
  },
  helpSummaryCommand: { sv: 'sammanställning', en: 'summary' },
  helpContactsCommand: { sv: 'kontakter', en: 'contacts' },
  helpGroupTitle: { sv: 'I en grupp eller kanal', en: 'In a group chat or channel' },
  helpGroupLine: {
    sv: 'Skriv @{bot} före frågan, så ser jag den. Uppföljningens kort och sammanställningar skickar jag bara i din personliga chatt med mig.',
    en: 'Write @{bot} before your question so that I see it. Follow-up cards and summaries are sent only in your personal chat with me.',
  },
  sentPrivately: {
    sv: 'Jag har skickat det till dig i vår personliga chatt: uppföljningens kort och uppgifter visas bara där.',
    en: "I have sent it to you in our personal chat: the follow-up's cards and details are shown only there.",
  },
  openPersonalChat: {
    sv: 'Uppföljningens kort och uppgifter visas bara i en personlig chatt. Öppna en chatt med {bot} (under Appar) och skriv kommandot där.',
    en: "The follow-up's cards and details are shown only in a personal chat. Open a chat with {bot} (under Apps) and write the command there.",
  },
  glossarySaved: {
    sv: 'Sparat i kommunens ordlista: {code} = {expansion}. Svaren visar det från och med nu, märkt som kommunens ordlista.',
    en: "Saved in the municipality's glossary: {code} = {expansion}. Answers show it from now on, marked as the municipality's glossary.",
  },
  glossaryTitle: { sv: 'Kommunens ordlista', en: "The municipality's glossary" },
  wordSaved: {
    sv: 'Sparat: när någon frågar om "{word}" söker jag efter {terms} i planen, från och med nu.',
    en: 'Saved: when someone asks about "{word}", I look for {terms} in the plan, from now on.',
  },
  wordRemoved: {
    sv: 'Borttaget: "{word}" är inte längre ett ord för något i planen.',
    en: 'Removed: "{word}" no longer stands for anything in the plan.',
  },
  wordsTitle: { sv: 'Kommunens synonymer för ord i planen', en: "The municipality's synonyms for the plan's words" },
  wordsEmpty: {
    sv: 'Inga synonymer har angetts än. En administratör skriver till exempel "synonym kamera = kamerabevakning".',
    en: 'No synonyms have been given yet. An admin writes, for example, "synonym camera = kamerabevakning".',
  },
  badWord: {
    sv: 'Skriv ett ord, ett likhetstecken och ett till fyra ord ur planen, till exempel "synonym kamera = kamerabevakning" (högst {max} tecken per ord).',
    en: 'Write one word, an equals sign and one to four words of the plan, for example "synonym camera = kamerabevakning" (at most {max} characters a word).',
  },
  termsNotInPlan: {
    sv: 'Planen har inte ordet {terms}, så synonymen skulle inte leda någonstans. Skriv ord som står i planen, till exempel ur en åtgärd.',
    en: 'The plan does not have the word {terms}, so the synonym would lead nowhere. Write words that are in the plan, for example from an action.',
  },
  wordInPlan: {
    sv: '"{word}" står redan i planen och hittas som det är. En synonym behövs bara för ord som planen inte har.',
    en: '"{word}" is already in the plan and is found as it is. A synonym is needed only for words the plan does not have.',
  },
  unknownWordNotGiven: {
    sv: 'Det finns ingen synonym "{word}". Skriv "synonymer" för att se dem.',
    en: 'There is no synonym "{word}". Write "synonyms" to see them.',
  },
  unknownWordsTitle: { sv: 'Ord som jag inte känner igen', en: 'Words I do not recognize' },
  unknownWordsIntro: {
    sv: 'Ord i frågor som jag inte hittade något svar på, som flera personer har frågat om, flest personer först (bara enstaka ord, aldrig frågorna eller vem som frågade):',
    en: 'Words in questions I found no answer to, asked by several people, most people first (single words only, never the questions or who asked):',
  },
  unknownWordPeople: { sv: '{people} personer, senast {date}', en: '{people} people, last {date}' },
  wordsNoneGiven: { sv: 'Inga ännu.', en: 'None yet.' },
  wordsMore: { sv: '… och {n} till: skriv "synonymer" för alla.', en: '… and {n} more: write "synonyms" for all.' },
  wordsFormTitle: { sv: 'Lär mig ett ord', en: 'Teach me a word' },
  wordsFormHelp: {
    sv: 'Betyder ordet något som planen tar upp? Skriv planens ord för det, ett till fyra, med komma emellan. Frågor med ordet söker sedan efter dem, och svaret säger att det är kommunens synonym. Ett ord som inte betyder något i planen lämnar du bara.',
    en: "Does the word mean something the plan covers? Write the plan's words for it, one to four, separated by commas. Questions with the word then look for them, and the answer says it is the municipality's synonym. A word that means nothing in the plan you just leave.",
  },
  wordsFormWord: { sv: 'Ordet som personalen använder', en: 'The word staff use' },
  wordsFormWordExample: { sv: 'till exempel drönare', en: 'for example drone' },
  wordsFormWordRequired: { sv: 'Skriv ordet.', en: 'Write the word.' },
  wordsFormTerms: { sv: 'Planens ord för det', en: "The plan's words for it" },
  wordsFormTermsExample: { sv: 'till exempel kamerabevakning', en: 'for example kamerabevakning' },
  wordsFormTermsRequired: { sv: 'Skriv minst ett ord ur planen.', en: 'Write at least one word from the plan.' },
  unknownWordsEmpty: { sv: 'Inga okända ord att visa just nu.', en: 'No unknown words to show right now.' },
  summaryWithoutOwner: { sv: 'Utan ansvarig i planen', en: 'No owner in the plan' },
  glossaryEmpty: { sv: 'Inga namn har angetts i chatten än.', en: 'No names have been given in chat yet.' },
  glossaryIntro: {
    sv: 'Planen skriver enheter som koder. Svaren och rapporten visar det fullständiga namnet när planen, en källa eller ni har angett det.',
    en: 'The plan writes units as codes. Answers and the report show the full name where the plan, a source or you have given it.',
  },
  glossaryUnnamedTitle: { sv: 'Koder utan namn', en: 'Codes without a name' },
  glossaryUnnamedLine: {
    sv: '{n} koder i planen har inget namn, och boten gissar inte: {codes}',
    en: '{n} codes in the plan have no name, and the bot does not guess: {codes}',
  },
  glossaryAllNamed: { sv: 'Alla koder i planen har ett namn.', en: 'Every code in the plan has a name.' },
  glossaryGivenTitle: { sv: 'Namn angivna i chatten', en: 'Names given in chat' },
  glossaryFormTitle: { sv: 'Ange ett namn', en: 'Give a name' },
  glossaryFormHelp: {
    sv: 'Välj koden och skriv vad den står för, som den heter i kommunen. Svaren visar namnet från och med nu, märkt som kommunens ordlista och med vem som angav det.',
    en: "Choose the code and write what it stands for, as the municipality calls it. Answers show the name from now on, marked as the municipality's glossary with who gave it.",
  },
  glossaryFormCode: { sv: 'Kod', en: 'Code' },
  glossaryFormCodeRequired: { sv: 'Välj en kod.', en: 'Choose a code.' },
  glossaryFormExpansion: { sv: 'Fullständigt namn', en: 'Full name' },
  glossaryFormExpansionExample: { sv: 'Till exempel Säkerhetsavdelningen', en: 'For example Säkerhetsavdelningen' },
  glossaryFormExpansionRequired: { sv: 'Skriv namnet.', en: 'Write the name.' },
  helpUnnamedTitle: { sv: 'Koder utan namn', en: 'Codes without a name' },
  helpUnnamedLine: {
    sv: 'Planen har {n} koder som ingen källa ger namn för ({codes}). Tryck på "ordlista" och fyll i dem, så förstår personalen svaren och läsarna rapporten.',
    en: 'The plan has {n} codes no source names ({codes}). Press "glossary" and fill them in, so that staff understand the answers and readers the report.',
  },
  helpGlossaryCommand: { sv: 'ordlista', en: 'glossary' },
  definedByPlan: {
    sv: 'Planen anger redan vad {code} står för: {expansion}. Ordlistan ändrar inte planens egna förklaringar.',
    en: "The plan already says what {code} stands for: {expansion}. The glossary does not change the plan's own explanations.",
  },
  badExpansion: {
    sv: 'Skriv koden och sedan namnet, högst {max} tecken, till exempel "ordlista VOF" följt av namnet.',
    en: 'Write the code and then the name, at most {max} characters, for example "glossary VOF" followed by the name.',
  },
  remindOpen: { sv: 'Påminn de som inte är klara', en: 'Remind those not finished' },
  remindSend: { sv: 'Skicka påminnelser', en: 'Send reminders' },
  remindConfirmTitle: { sv: 'Påminna om uppföljning {year}?', en: 'Remind about follow-up {year}?' },
  remindPreview: {
    sv: '{people} som inte har svarat klart får en påminnelse i Teams, med sitt kort och hur långt de har kommit.',
    en: '{people} who have not finished get a reminder in Teams, with their card and how far they have come.',
  },
  remindNobody: {
    sv: 'Ingen att påminna just nu: alla som inte har svarat klart saknar chatt med boten.',
    en: 'Nobody to remind right now: everyone not finished lacks a chat with the bot.',
  },
  remindConfirmBelow: { sv: 'Bekräfta påminnelsen i meddelandet nedan.', en: 'Confirm the reminder in the message below.' },
  remindCancelled: { sv: 'Inga påminnelser skickades.', en: 'No reminders were sent.' },
  remindAllDone: { sv: 'Ingen att påminna: alla kontakter har svarat.', en: 'Nobody to remind: every contact has answered.' },
  remindWithoutChat: {
    sv: '{people} till har inte svarat klart men har ingen chatt med boten och kan inte påminnas här.',
    en: '{people} more have not finished but have no chat with the bot and cannot be reminded here.',
  },
  remindWithoutChatPerson: {
    sv: '• {who} – har ingen chatt med boten än: be hen öppna boten i Teams, eller svara för enheten.',
    en: '• {who} – has no chat with the bot yet: ask them to open the bot in Teams, or answer for the unit.',
  },
  deliveredPerson: { sv: 'Nådde: {who}', en: 'Reached: {who}' },
  remindersSent: {
    sv: 'Påminnelser skickade till {people} som inte har svarat klart.',
    en: 'Reminders sent to {people} who have not finished.',
  },
} as const;

export const REFUSALS: Record<RefusalReason, { sv: string; en: string }> = {
  'changed-by-other': {
    sv: '{detail} sparade ett svar på den här åtgärden efter att kortet visades; det står nu under fälten. Din text är kvar: tryck Spara igen för att ersätta svaret, eller gå vidare.',
    en: '{detail} saved an answer to this action after the card was shown; it is shown below the fields now. Your text is kept: press Save again to replace it, or move on.',
  },
  'unsaved-changes': {
    sv: 'Du har skrivit något som inte är sparat. Tryck Spara, eller Släng och gå vidare.',
    en: 'You have typed something that is not saved. Press Save, or Discard and move on.',
  },
  malformed: { sv: 'Svaret kunde inte läsas. Inget sparades.', en: 'The answer could not be read. Nothing was saved.' },
  'unknown-round': {
    sv: 'Det finns ingen uppföljning för {detail}. Inget sparades.',
    en: 'There is no follow-up for {detail}. Nothing was saved.',
  },
  'round-closed': {
    sv: 'Uppföljningen är stängd, så inget sparades. Det du skrev står kvar här: kopiera det och kontakta {detail} om det ska komma med.',
    en: 'The follow-up is closed, so nothing was saved. What you wrote is still here: copy it and contact {detail} if it should be included.',
  },
  'unknown-action': {
    sv: 'Åtgärden {detail} finns inte i planen. Inget sparades.',
    en: 'The action {detail} is not in the plan. Nothing was saved.',
  },
  'not-responsible': {
    sv: 'Enheten ansvarar inte för den åtgärden. Inget sparades.',
    en: 'That unit is not responsible for that action. Nothing was saved.',
  },
  'not-authorized': {
    sv: 'Du är inte kontaktperson för {detail}. Inget sparades.',
    en: 'You are not a contact for {detail}. Nothing was saved.',
  },
  'invalid-status': { sv: 'Välj {statuses}. Inget sparades.', en: 'Choose {statuses}. Nothing was saved.' },
  'description-missing': {
    sv: 'Beskrivningen av utvecklingen saknas. Inget sparades.',
    en: 'The description is missing. Nothing was saved.',
  },
  'description-too-long': {
    sv: 'Beskrivningen är {detail} tecken; högst {max} tecken. Inget sparades.',
    en: 'The description is {detail} characters; at most {max}. Nothing was saved.',
  },
};
