/**
 * Small word lists that let the search meet users where they are.
 * - ENGLISH_TO_SWEDISH: English question words mapped to the plan's Swedish terms.
 * - SPELLING_VARIANTS: the plan's own misspellings and the spelling a user will type instead.
 * - SYNONYMS: everyday words for the plan's terms.
 */

export const ENGLISH_TO_SWEDISH: Record<string, string[]> = {
  camera: ['kamera', 'kamerabevakning'], cameras: ['kamera', 'kamerabevakning'], cctv: ['kamerabevakning'],
  surveillance: ['kamerabevakning'], video: ['videoströmmar'], technology: ['teknik', 'trygghetsteknik'], tech: ['teknik'],
  drugs: ['narkotika', 'droger'], drug: ['narkotika', 'droger'], narcotics: ['narkotika'], dog: ['hund'], dogs: ['hund'],
  school: ['skola', 'skolmiljö'], schools: ['skolor', 'skolmiljö'], pupils: ['elever'], students: ['elever'],
  violence: ['våld'], violent: ['våld'], domestic: ['nära', 'relation'], honour: ['hedersrelaterat'], honor: ['hedersrelaterat'],
  extremism: ['extremism'], extremist: ['extremism'], radicalisation: ['avradikalisering'], radicalization: ['avradikalisering'],
  deradicalisation: ['avradikalisering'], deradicalization: ['avradikalisering'], defectors: ['avhoppare', 'avhopparverksamhet'],
  trafficking: ['människohandel'], human: ['människohandel'], welfare: ['välfärdsbrott', 'välfärdsbrottslighet'],
  fraud: ['fusk', 'felaktiga', 'utbetalningar'], benefit: ['bistånd', 'utbetalningar'], payments: ['utbetalningar'],
  crime: ['brottslighet', 'brott'], crimes: ['brott'], criminal: ['kriminalitet'], organised: ['organiserad'], organized: ['organiserad'],
  safety: ['trygghet'], security: ['säkerhet'], training: ['utbildning'], education: ['utbildning'], course: ['utbildning'],
  police: ['polisen'], recruitment: ['rekrytering', 'nyrekrytering'], gang: ['kriminalitet'], gangs: ['kriminalitet'],
  youth: ['unga', 'ungdomar'], young: ['unga'], children: ['barn'], child: ['barn'], women: ['kvinnor'], girls: ['tjejer'],
  alcohol: ['alkohol', 'alkoholservering'], doping: ['dopning', 'samhällsdopning'], gym: ['gymanläggningar'], gyms: ['gymanläggningar'],
  restaurant: ['krog', 'restauranger'], restaurants: ['krogmiljö', 'restauranger'], nightlife: ['krogmiljö'], bars: ['krogmiljö'],
  prostitution: ['sexköp', 'koppleri'], threats: ['hot'], threat: ['hot'], witness: ['vittna', 'vittnesstöd'], witnesses: ['vittnesstöd'],
  survey: ['trygghetsundersökningar', 'kartläggning'], surveys: ['trygghetsundersökningar'], mapping: ['kartläggning'],
  communication: ['kommunikation', 'kommunikationsplan'], traffic: ['trafikförseelser'], guards: ['ordningsvakter'],
  events: ['evenemang'], event: ['evenemang', 'eventsäkerhet'], landlords: ['fastighetsägare'], property: ['fastighetsägare'],
  planning: ['planprocessen'], unlawful: ['otillåten'], undue: ['otillåten'], influence: ['påverkan'], shelter: ['skyddat', 'boende'],
  housing: ['boende'], victims: ['brottsutsatta', 'offer'], support: ['stöd'], masculinity: ['maskulinitetsnormer'],
  norms: ['normer'], religion: ['religionsdialog'], religious: ['religionsdialog'], seminar: ['seminarier'], seminars: ['seminarier'],
  elearning: ['e-utbildning'], 'e-learning': ['e-utbildning'], situation: ['lägesbild'], picture: ['lägesbild'], overview: ['lägesbild'],
  migrant: ['migrantläger'], camps: ['migrantläger'], companies: ['företag', 'företagande'], business: ['företagande'],
  segregation: ['segregation'], parallel: ['parallella'], societal: ['samhällsstrukturer'], structures: ['samhällsstrukturer'],
  walks: ['trygghetsvandringar'], mentors: ['mentorer'], research: ['forskningsprojekt'], employees: ['medarbetare', 'anställda'],
  staff: ['personal', 'medarbetare', 'krogpersonal'], checks: ['registerkontroll', 'tillsyn'], background: ['registerkontroll'],
  inspections: ['tillsyn'], inspection: ['tillsyn'], abuse: ['barnmisshandel'], sexual: ['sexuellt'], consent: ['samtycke'],
  dialogue: ['dialog', 'religionsdialog'], dialog: ['dialog'],
  train: ['utbilda', 'utbildning'], trains: ['utbilda', 'utbildning'], trained: ['utbilda'], serving: ['servering', 'alkoholservering'],
  campaign: ['kampanj', 'kampanjen'], campaigns: ['kampanj'], offence: ['förseelser', 'brott'], offences: ['förseelser', 'brott'],
  offense: ['förseelser', 'brott'], offenses: ['förseelser', 'brott'], prevention: ['förebyggande', 'brottsförebyggande'],
  preventive: ['förebyggande'], preventing: ['förebyggande', 'motverka'], prevent: ['förebygga', 'motverka'], counter: ['motverka'],
  combat: ['motverka'], fight: ['motverka'], key: ['nyckelpersoner', 'nyckelaktörer'], people: ['personer'], persons: ['personer'],
  plan: ['handlingsplan'], 'action plan': ['handlingsplan'], strategy: ['strategi'], routine: ['rutin'], routines: ['rutiner'],
  procedure: ['rutin'], checklist: ['checklista'], workshop: ['workshops'], workshops: ['workshops'], network: ['nätverk', 'nätverket'],
  residents: ['invånare'], citizens: ['invånare'], trust: ['förtroende'],
  disinformation: ['desinformation'], information: ['information', 'informationsinsatser'], hotels: ['hotellnäring'], taxi: ['taxinäring'],
  taxis: ['taxinäring'], hotel: ['hotellnäring'], sex: ['sex', 'sexköp'], internet: ['internet'], parents: ['föräldraskapsstöd', 'vårdnadshavare'],
  parenting: ['föräldraskapsstöd'], treatment: ['behandling'], protected: ['skyddat'], safe: ['skyddat', 'trygghet'], relatives: ['anhöriga'],
  families: ['familjer'], mutilation: ['könsstympning'], fgm: ['könsstympning'], genital: ['könsstympning'], week: ['vecka'],
  free: ['fri'], mentor: ['mentorer'], masculine: ['maskulinitetsnormer'], firms: ['företag'], contractors: ['företag', 'avtal'],
  competition: ['konkurrens'], controller: ['controller'], assistance: ['assistansfusk'], tax: ['skatteverket'], registration: ['folkbokföring'],
  subletting: ['andrahandsuthyrning'], owners: ['fastighetsägare'], owner: ['fastighetsägare'], square: ['torg'], city: ['stadskärna'],
  centre: ['stadskärna'], center: ['stadskärna'], permits: ['tillstånd'], permit: ['tillstånd'], public: ['offentlig', 'allmän'],
  places: ['platser', 'plats'], place: ['plats'], leisure: ['fritidsverksamheter'], activities: ['aktiviteter'], 
  reporters: ['rapportörer'], reporting: ['rapportera'], visualisation: ['visualisering'], visualization: ['visualisering'],
  system: ['systemstöd'], map: ['trygghetskartan', 'kartläggning'], analysis: ['analys', 'orsaksanalys'], radical: ['avradikalisering'], exit: ['avhopparverksamhet'], leave: ['avhopp'],
  intimate: ['nära', 'relation'], partner: ['nära', 'relation'], elderly: ['äldre'], disability: ['funktionsnedsättning'],
  lgbtq: ['hbtqia'], rights: ['rättigheter'], social: ['socialtjänst', 'sociala'], services: ['socialtjänst', 'service'],
  gender: ['genus'], equality: ['jämställdhetspolitiska'], guardians: ['godman'], cooperation: ['samverkan'],
};

/** The plan's own misspellings, indexed together with the spelling a user will type. */
export const SPELLING_VARIANTS: Record<string, string[]> = {
  'könsstämpning': ['könsstympning'],
  'alkoholserving': ['alkoholservering'],
  'alkoholservingstillstånd': ['alkoholserveringstillstånd', 'serveringstillstånd'],
  'kvinnjouren': ['kvinnojouren'],
};

/** Everyday words for the plan's terms, added to the query. */
export const SYNONYMS: Record<string, string[]> = {
  kameror: ['kamerabevakning'], kamerorna: ['kamerabevakning'], kamera: ['kamerabevakning'], övervakningskameror: ['kamerabevakning'],
  droger: ['narkotika'], knark: ['narkotika'], gäng: ['kriminalitet', 'kriminella'], gängkriminalitet: ['kriminalitet'],
  hedersvåld: ['hedersrelaterat'], 'våld i nära relationer': ['nära', 'relation'], bidragsfusk: ['välfärdsbrott', 'felaktiga', 'utbetalningar'],
  krogar: ['krogmiljö'], krog: ['krogmiljö'], restauranger: ['krogmiljö', 'restauranger'], skolan: ['skolmiljö', 'skolor'],
  vakter: ['ordningsvakter'], väktare: ['ordningsvakter'], hyresvärdar: ['fastighetsägare'], avhoppare: ['avhopparverksamhet'],
  prostitution: ['sexköp'], trafficking: ['människohandel'], gym: ['gymanläggningar'], doping: ['dopning'],
  seminarier: ['seminarium', 'heldagsseminarium'], seminarium: ['seminarier'], mansnormer: ['maskulinitetsnormer'], mansnorm: ['maskulinitetsnormer'], machonormer: ['maskulinitetsnormer'],
};
