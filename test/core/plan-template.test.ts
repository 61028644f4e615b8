import { strict as assert } from 'node:assert';
import { readTemplate, type SheetRows } from '../../src/core/plan/template/read-template';
import { problemText } from '../../src/plan-io/import-plan-file';

const SOURCE = { file: 'plan.xlsx', sha256: '0'.repeat(64) };
const HEADER = ['Område', 'Mål', 'Id', 'Åtgärd', 'Ansvarig', 'Samverkan', 'Finansiering'];
const PLAN: SheetRows = {
  name: 'Plan',
  rows: [
    ['Uppgift', 'Värde'],
    ['Kommun', 'Testby kommun'],
    ['Titel', 'Trygghetsplan Testby'],
    ['Uppföljning', 'halvår'],
  ],
};
const UNITS: SheetRows = {
  name: 'Enheter',
  rows: [
    ['Kod', 'Namn', 'Typ'],
    ['SOC', 'Socialförvaltningen', 'förvaltning'],
    ['Polisen', 'Polismyndigheten', 'extern'],
  ],
};
const actions = (...rows: string[][]): SheetRows => ({ name: 'Åtgärder', rows: [HEADER, ...rows] });
const messages = (sheets: SheetRows[]) => readTemplate(sheets, SOURCE).problems.map(problemText);

describe('plan template: validation', () => {
  it('imports a valid file and refuses nothing', () => {
    const result = readTemplate([actions(['1. Unga', '', '', 'Fältarbete på kvällar', 'SOC', 'Polisen', 'Inom ram']), PLAN, UNITS], SOURCE);
    assert.deepEqual(result.problems, []);
    assert.equal(result.plan?.actions[0]!.id, 'A1-1');
    assert.equal(result.plan?.followUp.period, 'half-year');
  });

  it('names a missing required column, and imports nothing', () => {
    const result = readTemplate(
      [
        {
          name: 'Åtgärder',
          rows: [
            ['Område', 'Åtgärd'],
            ['Unga', 'Fältarbete'],
          ],
        },
        PLAN,
        UNITS,
      ],
      SOURCE,
    );
    assert.equal(result.plan, null);
    assert.deepEqual(result.problems.map(problemText), [
      'Fel: Åtgärder rad 1, kolumn Ansvarig: kolumnen "Ansvarig" saknas (obligatorisk). Rubriker som läses som den: Ansvarig, Ansvar, Ansvarig enhet, Ansvariga, Huvudansvarig, Vem, Ansvarig förvaltning',
    ]);
  });

  it("takes the plan's own word for its areas from the first column, and says which headers it reads when there is none", () => {
    for (const word of ['Löfte', 'Strategi', 'Insatsområde']) {
      const plan = readTemplate(
        [
          {
            name: 'Åtgärder',
            rows: [
              [word, 'Aktivitet', 'Ansvarig'],
              ['1. Tryggare centrum', 'Trygghetsvandringar', 'SOC'],
            ],
          },
          PLAN,
          UNITS,
        ],
        SOURCE,
      ).plan!;
      assert.equal(plan.areaKinds[0]!.label.sv, word);
      assert.equal(plan.areas[0]!.title, 'Tryggare centrum');
    }
    const none = messages([
      {
        name: 'Åtgärder',
        rows: [
          ['Aktivitet', 'Ansvarig'],
          ['Trygghetsvandringar', 'SOC'],
        ],
      },
      PLAN,
      UNITS,
    ]);
    assert.equal(none.length, 1);
    assert.match(none[0]!, /kolumnen "Område" saknas \(obligatorisk\)\. Rubriker som läses som den: Område, Målområde, Fokusområde/);
    assert.match(none[0]!, /planens eget ord för sina områden \(t\.ex\. Löfte, Strategi\) som första kolumnens rubrik/);
    assert.match(none[0]!, /Områdestyp i fliken Plan/);
  });

  it('names an empty Åtgärd, Område or Ansvarig with its row', () => {
    assert.deepEqual(messages([actions(['Unga', '', '', '', 'SOC', '', '']), PLAN, UNITS]), [
      'Fel: Åtgärder rad 2, kolumn Åtgärd: Åtgärd är tom',
    ]);
    assert.deepEqual(messages([actions(['', '', '', 'Fältarbete', 'SOC', '', '']), PLAN, UNITS]), [
      'Fel: Åtgärder rad 2, kolumn Område: Område är tomt',
    ]);
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', '', '', '']), PLAN, UNITS]), [
      'Fel: Åtgärder rad 2, kolumn Ansvarig: Ansvarig är tom',
    ]);
  });

  it('refuses an owner not on the Enheter sheet, naming the nearest code; takes in a partner or funder it lacks, and says so once', () => {
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', 'SOC, UBF', 'Räddningstjänsten', '']), PLAN, UNITS]), [
      'Fel: Åtgärder rad 2, kolumn Ansvarig: "UBF" finns inte i fliken Enheter',
      'Varning: Åtgärder rad 2, kolumn Samverkan: "Räddningstjänsten" finns inte i fliken Enheter; läggs till som en extern aktör',
    ]);
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', 'SOK', '', '']), PLAN, UNITS]), [
      'Fel: Åtgärder rad 2, kolumn Ansvarig: "SOK" finns inte i fliken Enheter; menar du "SOC"?',
    ]);
    const partners = readTemplate(
      [
        actions(
          ['Unga', '', '', 'Fältarbete', 'SOC', 'Skatteverket, Polisen', 'Brå'],
          ['Unga', '', '', 'Läxhjälp', 'SOC', 'Skatteverket', ''],
          ['Unga', '', '', 'Nattvandring', 'SOC', 'Skatteverket', 'Brå'],
        ),
        PLAN,
        UNITS,
      ],
      SOURCE,
    );
    assert.deepEqual(partners.problems.map(problemText), [
      'Varning: Åtgärder rad 2, kolumn Samverkan: "Skatteverket" finns inte i fliken Enheter (och på 2 rader till); läggs till som en extern aktör',
      'Varning: Åtgärder rad 2, kolumn Finansiering: "Brå" finns inte i fliken Enheter (och på 1 rad till); läggs till som en finansiär',
    ]);
    assert.deepEqual(
      partners.plan!.units.slice(2).map((u) => [u.code, u.type]),
      [
        ['Skatteverket', 'extern'],
        ['Brå', 'finansiär'],
      ],
    );
    // Without an Enheter sheet any unit is accepted as written.
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', 'SOC, UBF', '', '']), PLAN]), []);
  });

  it('names a duplicate id with the row that has it first, and an id that cannot be typed', () => {
    assert.deepEqual(
      messages([actions(['Unga', '', 'U1', 'Fältarbete', 'SOC', '', ''], ['Unga', '', 'u1', 'Läxhjälp', 'SOC', '', '']), PLAN, UNITS]),
      ['Fel: Åtgärder rad 3, kolumn Id: Id "u1" finns redan på rad 2'],
    );
    assert.deepEqual(messages([actions(['Unga', '', 'U 1/2', 'Fältarbete', 'SOC', '', '']), PLAN, UNITS]), [
      'Fel: Åtgärder rad 2, kolumn Id: Id "U 1/2" får bara ha bokstäver, siffror, punkt, bindestreck och understreck (högst 24 tecken)',
    ]);
  });

  it('names a follow-up period, a status set or a date it does not know', () => {
    const plan = (key: string, value: string): SheetRows => ({ name: 'Plan', rows: [...PLAN.rows, [key, value]] });
    const row = actions(['Unga', '', '', 'Fältarbete', 'SOC', '', '']);
    assert.deepEqual(messages([row, plan('Uppföljning', 'kvartal'), UNITS]), [
      'Fel: Plan rad 5, kolumn B: Uppföljning "kvartal" känns inte igen: skriv år, halvår eller tertial',
    ]);
    assert.deepEqual(messages([row, plan('Statusar', 'betyg'), UNITS]), [
      'Fel: Plan rad 5, kolumn B: Statusar "betyg" känns inte igen: skriv standard eller trafikljus',
    ]);
    assert.deepEqual(messages([row, plan('Beslutsdatum', '24/2 2025'), UNITS]), [
      'Fel: Plan rad 5, kolumn B: Beslutsdatum "24/2 2025" är inget datum (ÅÅÅÅ-MM-DD)',
    ]);
  });

  it('names a unit type it does not know, and a Plan sheet without the municipality', () => {
    const units: SheetRows = { name: 'Enheter', rows: [...UNITS.rows, ['IFO', 'Individ- och familjeomsorgen', 'avdelning']] };
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', 'SOC', '', '']), PLAN, units]), [
      'Fel: Enheter rad 4, kolumn Typ: Typ "avdelning" känns inte igen: skriv förvaltning, bolag, kommun, extern, förening, roll eller finansiär',
    ]);
    // A unit refused for its Typ is on the sheet: not also said to be missing where the plan names it.
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', 'SOC, IFO', '', '']), PLAN, units]), [
      'Fel: Enheter rad 4, kolumn Typ: Typ "avdelning" känns inte igen: skriv förvaltning, bolag, kommun, extern, förening, roll eller finansiär',
    ]);
    // A municipal company, the municipality as a whole and an association are types of their own.
    const kinds: SheetRows = {
      name: 'Enheter',
      rows: [...UNITS.rows, ['Bostadsbolaget', '', 'bolag'], ['Kommunen', '', 'kommun'], ['Fritidsgården', '', 'förening']],
    };
    const typed = readTemplate(
      [actions(['Unga', '', '', 'Fältarbete', 'Bostadsbolaget, Kommunen', 'Fritidsgården', '']), PLAN, kinds],
      SOURCE,
    );
    assert.deepEqual(typed.problems, []);
    assert.deepEqual(
      typed.plan!.units.slice(2).map((u) => u.type),
      ['bolag', 'kommun', 'förening'],
    );
    const noMunicipality: SheetRows = { name: 'Plan', rows: [['Titel', 'Trygghetsplan']] };
    assert.deepEqual(messages([actions(['Unga', '', '', 'Fältarbete', 'SOC', '', '']), noMunicipality, UNITS]), [
      'Fel: Plan rad 1, kolumn Kommun: "Kommun" saknas (obligatorisk)',
    ]);
  });

  it('reads header variants in any case, with the required marks the template writes', () => {
    const result = readTemplate(
      [
        {
          name: 'Åtgärder',
          rows: [
            ['FOKUSOMRÅDE *', 'Operativa mål', 'Åtgärder *', 'Ansvarig enhet *', 'I samverkan med', 'Tidsplan'],
            ['2: Trygga miljöer', 'Tryggare centrum', 'Trygghetsvandringar', 'SOC', 'Polisen', '2025'],
          ],
        },
        PLAN,
        UNITS,
      ],
      SOURCE,
    );
    assert.deepEqual(result.problems, []);
    const plan = result.plan!;
    assert.deepEqual(plan.areaKinds[0]!.label, { sv: 'Fokusområde', en: 'Focus area' });
    assert.deepEqual(
      plan.areas.map((a) => [a.id, a.number, a.title]),
      [['fokusomrade-2', 2, 'Trygga miljöer']],
    );
    assert.equal(plan.goals[0]!.title, 'Tryggare centrum');
    assert.equal(plan.actions[0]!.samverkan.units[0]!.code, 'Polisen');
    assert.equal(plan.actions[0]!.timeframe, '2025');
  });

  it('gives rows without an id the same id on every import, never one the file gives another row', () => {
    const sheets = [actions(['Unga', '', 'A1-1', 'Fältarbete', 'SOC', '', ''], ['Unga', '', '', 'Läxhjälp', 'SOC', '', '']), PLAN, UNITS];
    const first = readTemplate(sheets, SOURCE).plan!;
    const again = readTemplate(sheets, SOURCE).plan!;
    assert.deepEqual(
      first.actions.map((a) => a.id),
      ['A1-1', 'A1-2'],
    );
    assert.deepEqual(first, again);
  });
});
