/** The sentences of the answers about the plan, in Swedish and English (part of the catalog: catalog.ts). */

export const ANSWER_TEXTS = {
  responsible: { sv: 'Ansvarig', en: 'Responsible' },
  cooperation: { sv: 'Samverkan', en: 'Cooperation' },
  financing: { sv: 'Finansiering', en: 'Financing' },
  notPrinted: { sv: '(anges inte i planen)', en: '(not stated in the plan)' },
  cardLeftOut: {
    sv: '… och {n} till som inte ryms här. Fråga efter en åtgärd med dess id, eller ställ en smalare fråga.',
    en: '… and {n} more that do not fit here. Ask for an action by its id, or ask a narrower question.',
  },
  group: { sv: 'Åtgärd', en: 'Action group' },
  subsection: { sv: 'Avsnitt', en: 'Section' },
  printedAs: { sv: 'tryckt som', en: 'printed as' },
  source: { sv: 'Källa', en: 'Source' },
  rows: { sv: 'rad', en: 'row' },
  matches: { sv: 'Det här säger planen', en: 'This is what the plan says' },
  matchesOwnersDiffer: {
    sv: 'Det här säger planen – {n} åtgärder med olika ansvariga',
    en: 'This is what the plan says – {n} actions with different owners',
  },
  showAll: { sv: 'Visa alla {n} i {area}', en: 'Show all {n} in {area}' },
  showAction: { sv: 'Vem ansvarar för {id}?', en: 'Who is responsible for {id}?' },
  showAllMunicipal: { sv: 'Visa samtliga förvaltningars åtgärder', en: 'Show the actions of all departments' },
  allMunicipalQuestion: { sv: 'Vilka åtgärder har samtliga förvaltningar?', en: 'Which actions does Samtliga förvaltningar have?' },
  unitAreaResponsibleQuestion: { sv: 'Vad ansvarar {unit} för i {area}?', en: 'Which actions is {unit} responsible for in {area}?' },
  unitAreaCooperatesQuestion: { sv: 'Vad samverkar {unit} i inom {area}?', en: 'Which actions does {unit} cooperate on in {area}?' },
  showGroup: { sv: 'Visa åtgärd {n}', en: 'Show action group {n}' },
  groupQuestion: { sv: 'Åtgärd {n}', en: 'Action {n}' },
  columnFunding: { sv: 'Åtgärder med finansiering angiven i planen: {n}', en: 'Actions with financing stated in the plan: {n}' },
  columnExternalFunding: {
    sv: 'Åtgärder med finansiering utöver förvaltningarnas egna budgetar: {n}',
    en: "Actions financed beyond the departments' own budgets: {n}",
  },
  partnersTitle: {
    sv: 'Aktörer utanför kommunen som planen nämner: {n}',
    en: 'Partners outside the municipality that the plan names: {n}',
  },
  statusesTitle: {
    sv: 'I uppföljningen anger den ansvariga en status för varje åtgärd',
    en: 'In the follow-up, the owner gives each action a status',
  },
  unitsTitle: {
    sv: 'Ansvariga och samverkansparter i planen: {n}, flest ansvar först',
    en: 'Owners and partners in the plan: {n}, most responsibility first',
  },
  unitsHint: {
    sv: 'Fråga till exempel "Vilka åtgärder har {example}?" för en enhets åtgärder.',
    en: 'Ask for example "Which actions does {example} have?" for one unit\'s actions.',
  },
  partnerResponsible: { sv: 'ansvarig i {n}', en: 'responsible in {n}' },
  partnerCooperates: { sv: 'samverkar i {n}', en: 'cooperates in {n}' },
  partnersHint: {
    sv: 'Fråga till exempel "Vilka åtgärder har {example}?" för en aktörs åtgärder.',
    en: 'Ask for example "Which actions does {example} have?" for one partner\'s actions.',
  },
  columnShared: {
    sv: 'Åtgärder som {units} har tillsammans (som ansvariga eller i samverkan): {n}',
    en: 'Actions that {units} share (as responsible or cooperating): {n}',
  },
  columnNoPartner: {
    sv: 'Åtgärder där planen inte anger någon samverkanspart: {n}',
    en: 'Actions for which the plan states no partner: {n}',
  },
  columnNoOwner: {
    sv: 'Åtgärder där planen inte anger någon ansvarig: {n}',
    en: 'Actions for which the plan states no one responsible: {n}',
  },
  columnNoFunding: {
    sv: 'Åtgärder där planen inte anger någon finansiering: {n}',
    en: 'Actions for which the plan states no financing: {n}',
  },
  columnNoFundingMost: {
    sv: 'Planen anger ingen finansiering för {without} av {total} åtgärder. De {n} som har finansiering angiven:',
    en: 'The plan states no financing for {without} of {total} actions. The {n} that have financing stated:',
  },
  columnQualifier: {
    sv: 'Åtgärder där planen anger samverkan med {qualifier}-partner: {n}',
    en: 'Actions where the plan names {qualifier} partners in Samverkan: {n}',
  },
  areasTitle: { sv: 'Så delar planen in arbetet', en: 'How the plan divides the work' },
  groupsCount: { sv: '{n} {groupsWord}', en: '{n} {groupsWord}' },
  showArea: { sv: 'Visa {area}', en: 'Show {area}' },
  columnNone: { sv: 'Inga åtgärder i planen.', en: 'No actions in the plan.' },
  suggestionsTitle: { sv: 'Menar du någon av de här åtgärderna?', en: 'Do you mean one of these actions?' },
  suggestionsIntro: {
    sv: 'Jag hittar inget i planen om {unmatched}, så jag gissar inte vem som ansvarar. De här åtgärderna ligger närmast {matched}; välj en för att se vem som ansvarar:',
    en: 'I find nothing in the plan about {unmatched}, so I do not guess who is responsible. These actions are closest to {matched}; choose one to see who is responsible:',
  },
  planTitle: { sv: 'Planen jag svarar från', en: 'The plan I answer from' },
  planLines: {
    sv: '{title}|{municipality}|Diarienummer: {diarienummer}|Beslutad av: {adopted}|Giltighetstid: {validity} · version {version}|{n} åtgärder. Följs upp {period} med statusarna {statuses}.',
    en: '{title}|{municipality}|Registration number: {diarienummer}|Decided by: {adopted}|Valid: {validity} · version {version}|{n} actions. Followed up {period} with the statuses {statuses}.',
  },
  periodYear: { sv: 'en gång per år', en: 'once a year' },
  periodHalfYear: { sv: 'varje halvår', en: 'every half-year' },
  periodTertial: { sv: 'varje tertial', en: 'every four months' },
  passageIntro: { sv: 'Planen säger under "{heading}":', en: 'Under "{heading}", the plan says (in Swedish):' },
  passageSection: { sv: 'avsnittet "{heading}"', en: 'the section "{heading}"' },
  outsidePlanFigures: {
    sv: 'Planen anger inga sådana siffror, så jag svarar inte med någon åtgärd eller ansvarig. Statistik över anmälda brott finns hos Brå (bra.se) och Polisen; kommunens egna siffror finns i dess lägesbild, trygghetsmätningar och årsredovisning.',
    en: "The plan states no such figures, so I do not answer with an action or an owner. Statistics on reported crime are published by Brå (bra.se) and the Police; the municipality's own figures are in its situation report, safety surveys and annual report.",
  },
  outsidePlanContact: {
    sv: 'Planen innehåller inga kontaktuppgifter till personer, så jag svarar inte med någon åtgärd eller ansvarig. Kommunens växel eller webbplats har dem.',
    en: "The plan holds no one's contact details, so I do not answer with an action or an owner. The municipality's switchboard or website has them.",
  },
  helpSource: { sv: 'Svaren bygger på {document}.', en: 'Answers are based on {document}.' },
  suggestionsPartly: {
    sv: 'Jag hittar bara delar av {matched} i planen, så jag gissar inte vem som ansvarar. De här åtgärderna ligger närmast; välj en för att se vem som ansvarar:',
    en: 'I find only parts of {matched} in the plan, so I do not guess who is responsible. These actions are closest; choose one to see who is responsible:',
  },
  suggestionsApart: {
    sv: 'Ingen åtgärd i planen handlar om både {matched}, så jag gissar inte vem som ansvarar. De här åtgärderna ligger närmast; välj en för att se vem som ansvarar:',
    en: 'No action in the plan is about both {matched}, so I do not guess who is responsible. These actions are closest; choose one to see who is responsible:',
  },
  unitResponsible: { sv: '{unit} är ansvarig för {n} {actionsWord}', en: '{unit} is responsible for {n} {actionsWord}' },
  unitCooperates: { sv: '{unit} samverkar i {n} {actionsWord}', en: '{unit} cooperates on {n} {actionsWord}' },
  unitAllMunicipal: {
    sv: 'Dessutom ansvarar samtliga förvaltningar för {n} {actionsWord}',
    en: 'In addition, all municipal departments are responsible for {n} {actionsWord}',
  },
  unitNone: {
    sv: '{unit} nämns inte som ansvarig eller samverkanspart i planen.',
    en: '{unit} is not named as responsible or cooperating in the plan.',
  },
  funderNone: {
    sv: 'Planen anger inte {funder} som finansiär för någon åtgärd.',
    en: 'The plan does not name {funder} as financing any action.',
  },
  unitResponsibleNone: {
    sv: '{unit} är inte ansvarig för någon åtgärd i planen.',
    en: '{unit} is not responsible for any action in the plan.',
  },
  unitCooperatesNone: { sv: '{unit} samverkar inte i någon åtgärd i planen.', en: '{unit} does not cooperate on any action in the plan.' },
  funderActions: { sv: '{funder} finansierar {n} {actionsWord}', en: '{funder} finances {n} {actionsWord}' },
  abbreviation: { sv: '{term} betyder: {expansion}', en: '{term} means: {expansion}' },
  abbreviationUnexplained: {
    sv: 'Planen skriver {term} men förklarar inte vad det står för, och ordlistan har det inte.',
    en: 'The plan writes {term} but does not say what it stands for, and the glossary does not have it.',
  },
  abbreviationFromGlossary: {
    sv: '{term} är en enhetskod i planen. Ordlistan ger ingen källa för vad den står för.',
    en: '{term} is a unit code in the plan. The glossary has no source for what it stands for.',
  },
  glossarySetBy: {
    sv: 'Inte ur planen: angivet av kommunen i chatten ({who}, {date}).',
    en: 'Not from the plan: given by the municipality in chat ({who}, {date}).',
  },
  glossaryHowToSet: {
    sv: 'Ingen källa för namnet har hittats, så boten gissar inte. Kommunens administratörer kan lägga till det.',
    en: "No source for the name has been found, so the bot does not guess. The municipality's admins can add it.",
  },
  nameSource: { sv: 'Källa för namnet: {source}', en: 'Source of the name: {source}' },
  glossaryMark: { sv: 'kommunens ordlista', en: "the municipality's glossary" },
  readAs: {
    sv: 'Sökt som {terms}: kommunens synonym för "{word}", inte planens ord.',
    en: 'Searched as {terms}: the municipality\'s synonym for "{word}", not the plan\'s word.',
  },
  usedIn: { sv: 'Förekommer i', en: 'Used in' },
  areaContains: { sv: '{area} innehåller {n} {groupsWord}', en: '{area} contains {n} {groupsWord}' },
  malomrade: { sv: 'Målområde', en: 'Goal area' },
  arbetssatt: { sv: 'Arbetssätt', en: 'Working method' },
  actionsCount: { sv: '{n} {rowsWord}', en: '{n} {rowsWord}' },
  thanksTitle: { sv: 'Varsågod!', en: 'You are welcome!' },
  thanks: {
    sv: 'Fråga gärna igen när du undrar något om åtgärdsplanen, till exempel "{example}". Skriv "hjälp" för fler exempel.',
    en: 'Ask again whenever you wonder about the action plan, for example "{example}". Write "help" for more examples.',
  },
  helpTitle: { sv: 'Fråga mig om åtgärdsplanen', en: 'Ask me about the action plan' },
  helpIntro: {
    sv: 'Jag svarar på vem som är ansvarig för, samverkar i eller finansierar åtgärderna i åtgärdsplanen för det brottsförebyggande och trygghetsskapande arbetet.',
    en: 'I answer who is responsible for, cooperates on or finances the actions in the action plan against crime and for public safety.',
  },
  notFoundNoMatch: { sv: 'Jag hittar inget om det i planen.', en: 'I find nothing about that in the plan.' },
  notFoundNoTopic: {
    sv: 'Vad gäller frågan? Jag läser varje meddelande för sig och minns inte tidigare frågor, så skriv vad den gäller, till exempel "{example}".',
    en: 'What is the question about? I read each message on its own and do not remember earlier ones, so write what it is about, for example "{example}".',
  },
  notFoundActionId: {
    sv: 'Det finns ingen åtgärd med id {detail} i planen. Skriv ett id som planen har, till exempel {example}.',
    en: 'There is no action with id {detail} in the plan. Write an id the plan has, for example {example}.',
  },
  notFoundGroup: {
    sv: '{label} {detail} finns inte i planen; numreringen går 1–{last}.',
    en: '{label} {detail} is not in the plan; the numbers go 1–{last}.',
  },
  notFoundArea: {
    sv: 'Planen har {areas}.',
    en: 'The plan has {areas}.',
  },
  notFoundTerm: { sv: 'Jag hittar inte "{detail}" i planen eller ordlistan.', en: 'I cannot find "{detail}" in the plan or the glossary.' },
  empty: {
    sv: 'Skriv en fråga om åtgärdsplanen, till exempel "{example}". Skriv "hjälp" för fler exempel.',
    en: 'Write a question about the action plan, for example "{example}". Write "help" for more examples.',
  },
  tooLong: {
    sv: 'Frågan är för lång. Skriv en kortare fråga (högst {detail} tecken).',
    en: 'The question is too long. Please write a shorter one (at most {detail} characters).',
  },
  greetingTitle: { sv: 'Hej!', en: 'Hello!' },
  greetingIntro: {
    sv: 'Jag svarar på frågor om {document}: vem som ansvarar för vad, vem som samverkar och hur det finansieras. Skriv "hjälp" för allt jag kan.',
    en: 'I answer questions about {document}: who is responsible for what, who cooperates and how it is financed. Write "help" for all I can do.',
  },
  helpExamplesTitle: { sv: 'Fråga till exempel', en: 'Ask for example' },
  helpCommand: { sv: 'hjälp', en: 'help' },
  welcomeTitle: { sv: 'Välkommen till trygghetsboten', en: 'Welcome to the safety plan bot' },
  errorGeneric: {
    sv: 'Något gick fel när jag skulle svara. Ingenting har sparats. Försök igen om en stund.',
    en: 'Something went wrong while answering. Nothing was saved. Please try again shortly.',
  },
  unsupported: {
    sv: 'Jag kan bara läsa textmeddelanden. Skriv din fråga som text.',
    en: 'I can only read text messages. Please type your question.',
  },
} as const;

/** Words that follow a count {n}: "1 åtgärd", "3 åtgärder". */
export const PLURALS = {
  actionsWord: { sv: ['åtgärd', 'åtgärder'], en: ['action', 'actions'] },
  groupsWord: { sv: ['åtgärdsgrupp', 'åtgärdsgrupper'], en: ['action group', 'action groups'] },
  rowsWord: { sv: ['rad', 'rader'], en: ['row', 'rows'] },
} as const;
