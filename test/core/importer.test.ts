import { strict as assert } from 'node:assert';
import { importPlan } from '../../src/core/plan/importer';
import { parseUnitCell } from '../../src/core/plan/cells';
import { planIntegrityErrors, planSchemaErrors } from '../../src/core/plan/schema';
import { GLOSSARY, PLAN, PLAN_DOCUMENT, PLAN_SETTINGS } from '../fixtures/plan';

const { plan, warnings } = importPlan(PLAN_DOCUMENT, GLOSSARY, 'atgardsplan-2023.md', PLAN_SETTINGS);
const action = (id: string) => {
  const found = plan.actions.find((a) => a.id === id);
  assert.ok(found, `action ${id} exists`);
  return found;
};

describe('plan importer', () => {
  it('reads 25 groups under 4 working methods and 3 målområden', () => {
    assert.equal(plan.groups.length, 25);
    assert.deepEqual(
      plan.groups.map((g) => g.number),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      plan.areas.map((a) => a.id),
      ['arbetssatt-1', 'arbetssatt-2', 'arbetssatt-3', 'arbetssatt-4', 'malomrade-1', 'malomrade-2', 'malomrade-3'],
    );
    assert.deepEqual(
      plan.groups.filter((g) => g.areaId.startsWith('arbetssatt')).map((g) => g.number),
      [1, 2, 3, 4],
    );
    assert.deepEqual(
      plan.groups.filter((g) => g.areaId === 'malomrade-1').map((g) => g.number),
      [5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    );
    assert.deepEqual(
      plan.groups.filter((g) => g.areaId === 'malomrade-2').map((g) => g.number),
      [15, 16, 17, 18, 19],
    );
    assert.deepEqual(
      plan.groups.filter((g) => g.areaId === 'malomrade-3').map((g) => g.number),
      [20, 21, 22, 23, 24, 25],
    );
  });

  it('reads exactly 124 action rows, counted by hand per group', () => {
    // Counted in the document, group by group: one row = one line of the table with text in the
    // first column, after joining the four rows broken across a page break (8, 18, 20, 6) and not
    // counting subsection headings (<b>6.1 …</b>), column headings or separator rows.
    // 6 = 6.1:1 + 6.2:2 + 5.3:1 + 5.4:1 + 5.5:4; 7 = 4 + 6.1:6; 14 = 13.1:4 + 14.1–14.5: 1+2+1+1+1;
    // 18 = 18.1:1 + 18.2:10; 22 = 22.1:1 + 22.2:5; 23 = 23.1:6 + 23.2:1 + 23.3:2; 24 = 24.1:1 + 24.2:5.
    const byHand = [5, 2, 5, 2, 2, 9, 10, 6, 5, 1, 5, 5, 5, 10, 1, 2, 1, 11, 8, 2, 3, 6, 9, 6, 3];
    assert.deepEqual(
      plan.groups.map((g) => g.actionIds.length),
      byHand,
    );
    assert.equal(plan.actions.length, 124);
  });

  it('gives each row a stable id A<group>-<row> that is never a subsection label', () => {
    assert.equal(plan.actions[0]!.id, 'A1-1');
    for (const g of plan.groups)
      assert.deepEqual(
        g.actionIds,
        g.actionIds.map((_, i) => `A${g.number}-${i + 1}`),
      );
    assert.ok(plan.actions.every((a) => /^A\d{1,2}-\d{1,2}$/.test(a.id)));
  });

  it('matches the committed plan JSON (run npm run plan:import after changing the importer)', () => {
    assert.deepEqual(PLAN, JSON.parse(JSON.stringify(plan)));
  });

  it('produces a plan that validates against its schema and refers only to what exists', () => {
    assert.deepEqual(planSchemaErrors(plan), []);
    assert.deepEqual(planIntegrityErrors(plan), []);
    assert.ok(planSchemaErrors({ ...plan, actions: [{ id: '2.1' }] }).length > 0);
  });

  it('records source metadata', () => {
    assert.equal(plan.source.diarienummer, 'KS 2023-638');
    assert.equal(plan.planVersion, '2023');
    assert.match(plan.source.title, /^Åtgärdsplan för det brottsförebyggande/);
    assert.match(plan.source.sha256, /^[0-9a-f]{64}$/);
  });

  describe('rows checked field by field against the document', () => {
    const rows: Array<
      [
        string,
        {
          text: RegExp;
          ansvarig: string;
          samverkan: string;
          finansiering: string;
          sub?: [string, string] | null;
          group: number;
          area: string;
        },
      ]
    > = [
      [
        'A1-1',
        {
          text: /^Kommunen och polisen ska genomföra kartläggningar .*människohandel\.$/,
          ansvarig: 'Polisen KLF (SÄK)',
          samverkan: 'KLF (analys och utredning) Samtliga förvaltningar genom säkerhets-samordnare',
          finansiering: '',
          group: 1,
          area: 'arbetssatt-1',
        },
      ],
      [
        'A1-5',
        {
          text: /^Genomföra E-utbildning/,
          ansvarig: 'Chefer Säkerhets-samordnare Säkerhetsombud',
          samverkan: '',
          finansiering: '',
          group: 1,
          area: 'arbetssatt-1',
        },
      ],
      [
        'A2-1',
        {
          text: /^Fortsatt samverkan och synkronisering/,
          ansvarig: 'BFT, SMS, SBU',
          samverkan: '',
          finansiering: '',
          sub: ['2.1', '2.1'],
          group: 2,
          area: 'arbetssatt-2',
        },
      ],
      [
        'A3-1',
        {
          text: /^Fortsätta utbyggnaden av kamerabevakning$/,
          ansvarig: 'Polisen, KLF (SÄK)',
          samverkan: '',
          finansiering: '',
          group: 3,
          area: 'arbetssatt-3',
        },
      ],
      [
        'A3-4',
        {
          text: /^Testarena TrygghetsTeknik/,
          ansvarig: 'KLF (SÄK)',
          samverkan: 'LK-data Digitaliserings- enheten m.fl.',
          finansiering: 'Vinnova 2 Mkr, medfinansiärer i konsortiet',
          group: 3,
          area: 'arbetssatt-3',
        },
      ],
      [
        'A4-1',
        {
          text: /^Upprätta en kommunikationsplan$/,
          ansvarig: 'KLF (Kommunikations enheten och SÄK)',
          samverkan: 'Samtliga förvaltningar',
          finansiering: '',
          group: 4,
          area: 'arbetssatt-4',
        },
      ],
      [
        'A5-2',
        {
          text: /^Ta fram en kommunövergripande handlingsplan för arbetet mot ANDTS$/,
          ansvarig: 'KLF (HBE)',
          samverkan: 'Samtliga förvaltningar',
          finansiering: '',
          group: 5,
          area: 'malomrade-1',
        },
      ],
      [
        'A6-1',
        {
          text: /^Fortlöpande ska berörda delta vid kunskapshöjande workshops om välfärdsbrott$/,
          ansvarig: 'KLF (SÄK)',
          samverkan: 'Samtliga förvaltningar Kommunpolisen NOA Polisen Skatteverket Kronofogden Försäkr.kassan',
          finansiering: 'BRÅ samt inom ram',
          sub: ['6.1', '6.1'],
          group: 6,
          area: 'malomrade-1',
        },
      ],
      [
        'A6-3',
        {
          text: /^Informera godman\/huvudman/,
          ansvarig: 'VSS, VOF',
          samverkan: 'SÄK(KLF)',
          finansiering: '',
          sub: ['6.2', '6.2'],
          group: 6,
          area: 'malomrade-1',
        },
      ],
      [
        'A6-4',
        {
          text: /parallella samhällsstrukturer och otillåten påverkan\.$/,
          ansvarig: 'Samtliga förvaltningar',
          samverkan: '',
          finansiering: '',
          sub: ['5.3', '6.3'],
          group: 6,
          area: 'malomrade-1',
        },
      ],
      [
        'A6-7',
        {
          text: /^Berörda ska delta i heldagsseminarium gällande VBE med en bred målgrupp samt nyckelpersoner$/,
          ansvarig: 'Samtliga förvaltningar',
          samverkan: '',
          finansiering: 'BRÅ',
          sub: ['5.5', '6.5'],
          group: 6,
          area: 'malomrade-1',
        },
      ],
      [
        'A6-9',
        {
          text: /^Genomföra seminarier om PDV och tillhandahålla metodstöd för skolan$/,
          ansvarig: 'UTB',
          samverkan: 'KLF CVE',
          finansiering: '',
          sub: ['5.5', '6.5'],
          group: 6,
          area: 'malomrade-1',
        },
      ],
      [
        'A7-1',
        {
          text: /^Projektleda BRÅ- uppdrag/,
          ansvarig: 'KLF',
          samverkan: 'SBU, SMS',
          finansiering: 'Stöd från Brå 400 000 kr',
          group: 7,
          area: 'malomrade-1',
        },
      ],
      [
        'A7-5',
        {
          text: /^Samverka nationellt inom ramen för Municipal$/,
          ansvarig: 'KLF',
          samverkan: 'KLF, Polisen,',
          finansiering: '',
          sub: ['6.1', '7.1'],
          group: 7,
          area: 'malomrade-1',
        },
      ],
      [
        'A7-7',
        {
          text: /^Utveckla lokal samverkan avseende välfärdsbrott/,
          ansvarig: 'Polisen, KLF',
          samverkan: 'Skatteverket Försäkringskassan Kronofogdemyndigheten MOS',
          finansiering: '',
          sub: ['6.1', '7.1'],
          group: 7,
          area: 'malomrade-1',
        },
      ],
      [
        'A8-3',
        {
          text: /marginaliserade gruppers lagstadgade rättigheter, samt vilket stöd som kan erhållas från exempelvis socialtjänst\.$/,
          ansvarig: 'SF VOF VSS',
          samverkan: '',
          finansiering: '',
          group: 8,
          area: 'malomrade-1',
        },
      ],
      [
        'A9-2',
        {
          text: /^Implementera SSPF – samverkan socialtjänst, skola, polis, fritidsverksamhet$/,
          ansvarig: 'VOF SF',
          samverkan: 'KOF Polisen UTB KLF',
          finansiering: 'Del av tjänst finansieras inom ramen för ESF',
          group: 9,
          area: 'malomrade-1',
        },
      ],
      [
        'A9-5',
        { text: /^Genomför Aslansamtal/, ansvarig: 'VOF, Polisen, SF', samverkan: 'RTÖG', finansiering: '', group: 9, area: 'malomrade-1' },
      ],
      [
        'A12-4',
        {
          text: /^Återkommande myndighetsgemensamma verksamhetskontroller \(LOS\)/,
          ansvarig: 'Polisen, KLF (SÄK)',
          samverkan: 'MOS VOF',
          finansiering: '',
          sub: ['11.2', '12.2'],
          group: 12,
          area: 'malomrade-1',
        },
      ],
      [
        'A14-1',
        {
          text: /^Kommunen ska implementera "Rutin vid misstanke/,
          ansvarig: 'UTB',
          samverkan: 'KLF',
          finansiering: '',
          sub: ['13.1', '14.1'],
          group: 14,
          area: 'malomrade-1',
        },
      ],
      [
        'A14-6',
        {
          text: /^Polisen och kommunen medverkar i samverkan med krögare/,
          ansvarig: 'KLF (HBE, SÅK), Polisen, SF',
          samverkan: 'Krögare',
          finansiering: '',
          sub: ['14.2', '14.3'],
          group: 14,
          area: 'malomrade-1',
        },
      ],
      [
        'A16-1',
        {
          text: /^Upprätthålla en samordningsfunktion för våld i nära relation/,
          ansvarig: 'SF',
          samverkan: '',
          finansiering: '',
          group: 16,
          area: 'malomrade-2',
        },
      ],
      [
        'A18-5',
        {
          text: /^Erbjuda vittnesstöd, stöd och rådgivning till brottsutsatta och deras anhöriga\.$/,
          ansvarig: 'VOF, SF',
          samverkan: 'IOP Brottsofferjouren Linköping',
          finansiering: '',
          sub: ['18.2', '18.2'],
          group: 18,
          area: 'malomrade-2',
        },
      ],
      [
        'A18-11',
        {
          text: /^Delta i forskningsprojekt SAVE \(Support and protection/,
          ansvarig: 'SF',
          samverkan: '',
          finansiering: '',
          sub: ['18.2', '18.2'],
          group: 18,
          area: 'malomrade-2',
        },
      ],
      [
        'A19-2',
        {
          text: /könsstämpning, minst en gång per år\.$/,
          ansvarig: 'SF',
          samverkan: 'UTB (elevhälsan)',
          finansiering: '',
          group: 19,
          area: 'malomrade-2',
        },
      ],
      [
        'A19-7',
        {
          text: /^Projekt för förebyggande arbete mot hedersrelaterat våld/,
          ansvarig: 'SF',
          samverkan: 'VOF UTB',
          finansiering: 'Medel från MFoF',
          group: 19,
          area: 'malomrade-2',
        },
      ],
      [
        'A20-2',
        {
          text: /^Beakta särskilt områden med parallella samhällsstrukturer\/låg socioekonomisk status och synkronisera detta med arbetet mot segregation$/,
          ansvarig: '',
          samverkan: '',
          finansiering: '',
          group: 20,
          area: 'malomrade-3',
        },
      ],
      [
        'A22-4',
        {
          text: /^Samverka med fastighetsägarföreningar/,
          ansvarig: 'Styrgrupp välfärdsbrott',
          samverkan: 'MOS Fastighetsägare',
          finansiering: '',
          sub: ['22.2', '22.2'],
          group: 22,
          area: 'malomrade-3',
        },
      ],
      [
        'A23-9',
        {
          text: /^Utveckla arbetsledning av och samverkan med kommunens ordningsvakter/,
          ansvarig: 'Polisen',
          samverkan: 'KLF',
          finansiering: '',
          sub: ['23.3', '23.3'],
          group: 23,
          area: 'malomrade-3',
        },
      ],
      [
        'A24-6',
        {
          text: /^Berörda ska delta i trygghetsvandringar/,
          ansvarig: 'Samtliga förvaltningar vid behov',
          samverkan: '',
          finansiering: '',
          sub: ['24.2', '24.2'],
          group: 24,
          area: 'malomrade-3',
        },
      ],
      [
        'A25-1',
        {
          text: /^Genomför kunskapshöjande insatser och workshops$/,
          ansvarig: 'MOS (SPA, SMA)',
          samverkan: '',
          finansiering: '',
          group: 25,
          area: 'malomrade-3',
        },
      ],
    ];
    for (const [id, expected] of rows) {
      it(`${id}`, () => {
        const a = action(id);
        assert.match(a.text, expected.text);
        assert.equal(a.ansvarig.asPrinted, expected.ansvarig);
        assert.equal(a.samverkan.asPrinted, expected.samverkan);
        assert.equal(a.finansiering.asPrinted, expected.finansiering);
        assert.equal(a.group, expected.group);
        assert.equal(a.areaId, expected.area);
        if (expected.sub !== undefined) {
          assert.deepEqual(a.subsection ? [a.subsection.labelAsPrinted, a.subsection.label] : null, expected.sub);
        }
      });
    }
  });

  it('normalizes units: KLF (SÄK), SÄK(KLF), Polisen KLF (SÄK), Samtliga förvaltningar, the typo SÅK', () => {
    const codes = (cell: string) => parseUnitCell(cell, GLOSSARY).units.map((u) => [u.code, u.subunits, u.qualifier ?? null]);
    assert.deepEqual(codes('KLF (SÄK)'), [['KLF', ['SÄK'], null]]);
    assert.deepEqual(codes('SÄK(KLF)'), [['KLF', ['SÄK'], null]]);
    assert.deepEqual(codes('Polisen KLF (SÄK)'), [
      ['Polisen', [], null],
      ['KLF', ['SÄK'], null],
    ]);
    assert.deepEqual(codes('KLF(SÄK)'), [['KLF', ['SÄK'], null]]);
    assert.deepEqual(codes('KLF (HBE, SÅK), Polisen, SF'), [
      ['KLF', ['HBE', 'SÄK'], null],
      ['Polisen', [], null],
      ['SF', [], null],
    ]);
    assert.deepEqual(codes('KLF (HR/SÄK)'), [['KLF', ['HR', 'SÄK'], null]]);
    assert.deepEqual(codes('Samtliga förvaltningar genom säkerhets-samordnare'), [
      ['Samtliga förvaltningar', [], 'genom säkerhets-samordnare'],
    ]);
    assert.deepEqual(codes('Samtliga förvaltningar vid behov'), [['Samtliga förvaltningar', [], 'vid behov']]);
    assert.deepEqual(
      codes('Polisen, RTÖG, Ordningsvakter och kommunala väktare, Idéburen sektor').map((u) => u[0]),
      ['Polisen', 'RTÖG', 'Ordningsvakter och kommunala väktare', 'Idéburen sektor'],
    );
    assert.deepEqual(
      codes('KLF, Polis SF, VOF m.fl.').map((u) => u[0]),
      ['KLF', 'Polisen', 'SF', 'VOF'],
    );
    assert.deepEqual(
      codes('Rädda barnen Polisen m.fl. UTB KOF VOF').map((u) => u[0]),
      ['Rädda barnen', 'Polisen', 'UTB', 'KOF', 'VOF'],
    );
    assert.deepEqual(
      action('A14-6').ansvarig.units.map((u) => [u.code, u.subunits]),
      [
        ['KLF', ['HBE', 'SÄK']],
        ['Polisen', []],
        ['SF', []],
      ],
    );
    assert.deepEqual(
      action('A6-1').finansiering.funders.map((f) => f.code),
      ['BRÅ', 'Inom ram'],
    );
    assert.deepEqual(
      action('A7-1').finansiering.funders.map((f) => f.code),
      ['BRÅ'],
    );
  });

  it('reports each defect of the source as a warning', () => {
    const of = (code: string) => warnings.filter((w) => w.code === code).map((w) => w.message);
    assert.deepEqual(
      of('subsection-wrong-group').map((m) => m.replace(/^Subsection "(\S+) .*read as (\S+)$/, '$1→$2')),
      ['5.3→6.3', '5.4→6.4', '5.5→6.5', '6.1→7.1', '11.2→12.2', '13.1→14.1'],
    );
    assert.equal(of('row-continued').length, 4);
    assert.ok(of('row-continued').some((m) => m.includes('lagstadgade rättigheter') && m.includes('A8-3')));
    assert.ok(of('row-continued').some((m) => m.includes('deras anhöriga') && m.includes('A18-5')));
    assert.ok(of('row-continued').some((m) => m.includes('socioekonomisk status') && m.includes('A20-2')));
    assert.ok(of('row-continued').some((m) => m.includes('med en bred målgrupp') && m.includes('A6-7')));
    assert.ok(warnings.some((w) => w.code === 'footnote-interrupts-table' && w.message.includes('group 16')));
    assert.equal(of('separator-row').length, 4);
    assert.deepEqual(of('heading-typo').length, 1);
    assert.match(of('heading-typo')[0]!, /Målnråde 2/);
    assert.ok(of('unit-typo').some((m) => m.includes('SÅK')));
    assert.equal(plan.areas.find((a) => a.id === 'malomrade-2')!.headingAsPrinted.startsWith('Målnråde 2'), true);
  });

  it('links footnotes written as <sup> to rows and strips them from the text', () => {
    assert.deepEqual(action('A5-2').footnotes, [12]);
    assert.deepEqual(action('A6-9').footnotes, [13]);
    assert.deepEqual(action('A18-11').footnotes, [17]);
    assert.deepEqual(action('A1-1').footnotes, [4, 5, 6]);
    assert.equal(plan.footnotes['12'], 'Alkohol, narkotika, dopning, tobak och spel');
  });

  it('repairs footnote numbers glued to words ("ANDTS 12") and warns', () => {
    const glued = PLAN_DOCUMENT.replace('ANDTS <sup>12</sup>', 'ANDTS 12')
      .replace('PDV <sup>13</sup>', 'PDV 13')
      .replace('SAVE <sup>17</sup>', 'SAVE 17');
    const result = importPlan(glued, GLOSSARY);
    const a52 = result.plan.actions.find((a) => a.id === 'A5-2')!;
    assert.equal(a52.text, 'Ta fram en kommunövergripande handlingsplan för arbetet mot ANDTS');
    assert.deepEqual(a52.footnotes, [12]);
    assert.equal(
      result.plan.actions.find((a) => a.id === 'A6-9')!.text,
      'Genomföra seminarier om PDV och tillhandahålla metodstöd för skolan',
    );
    assert.deepEqual(
      result.warnings.filter((w) => w.code === 'footnote-glued').map((w) => w.message.slice(0, 5)),
      ['A5-2:', 'A6-9:', 'A18-1'],
    );
    assert.equal(
      result.plan.abbreviations.find((a) => a.abbreviation === 'ANDTS')?.expansion,
      'Alkohol, narkotika, dopning, tobak och spel',
    );
    assert.equal(result.plan.abbreviations.find((a) => a.abbreviation === 'PDV')?.expansion, 'Pågående dödligt våld');
  });

  it('extracts the abbreviations that the document defines itself', () => {
    const abbr = Object.fromEntries(plan.abbreviations.map((a) => [a.abbreviation, a.expansion]));
    assert.deepEqual(abbr, {
      ANDTS: 'Alkohol, narkotika, dopning, tobak och spel',
      BFT: 'brottsförebyggande och trygghetsskapande arbetet',
      EST: 'Effektiv samordning för trygghet',
      // "Återkommande …" begins the sentence, not the name.
      LOS: 'myndighetsgemensamma verksamhetskontroller',
      MVP: 'mentorer i våldsprevention',
      PDV: 'Pågående dödligt våld',
      SAVE: 'Support and protection Against Violence, on Equal terms for all children',
      SBU: 'samverkan barn och unga',
      SIG: 'Social insatsgrupp',
      SMS: 'arbetet mot segregation',
      SSPF: 'samverkan socialtjänst, skola, polis, fritidsverksamhet',
      VBE: 'våldsbejakande extremism',
    });
    assert.ok(plan.abbreviations.find((a) => a.abbreviation === 'SAVE')!.notes[0]!.startsWith('En studie om barn'));
  });

  it('gives unit codes an expansion only where the glossary names a source', () => {
    for (const unit of GLOSSARY.units) {
      if (unit.expansion) assert.ok(unit.source, `${unit.code} has an expansion without a source`);
    }
    // Linköping's units named on the municipality's own pages; codes no page names stay unnamed.
    assert.equal(GLOSSARY.units.find((u) => u.code === 'KLF')!.expansion, 'Kommunledningsförvaltningen');
    assert.match(GLOSSARY.units.find((u) => u.code === 'KLF')!.source!, /linkoping\.se/);
    assert.equal(GLOSSARY.units.find((u) => u.code === 'SÄKSAM')!.expansion, null);
  });

  it('fails clearly on a document with a group before any heading', () => {
    assert.throws(
      () => importPlan('1. Lägesbild\tAnsvarig\tSamverkan\tFinansiering\nText\tKLF\t\t\n', GLOSSARY),
      /before any working method/,
    );
  });
});
