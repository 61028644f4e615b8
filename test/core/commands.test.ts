/** The follow-up's chat commands as people type them, including the forms that failed before. */
import { strict as assert } from 'node:assert';
import { plainTyped, unbreakableId } from '../../src/core/typed-text';
import { parseFollowUpCommand } from '../../src/bot/followup/commands';
import { isSmallTalk, isThanks } from '../../src/core/qa/small-talk';

describe('follow-up commands', () => {
  it('reads the documented status form, with the question mark before the year', () => {
    assert.deepEqual(parseFollowUpCommand('hur går det för SF? 2024'), { kind: 'unit-status', unit: 'SF', year: 2024 });
    assert.deepEqual(parseFollowUpCommand('hur går det för SF 2024?'), { kind: 'unit-status', unit: 'SF', year: 2024 });
    assert.deepEqual(parseFollowUpCommand('hur går det för SF?'), { kind: 'unit-status', unit: 'SF', year: null });
  });

  it("lists all units' contacts, or one unit's (a card holds a few dozen units)", () => {
    assert.deepEqual(parseFollowUpCommand('kontakter'), { kind: 'list-contacts' });
    assert.deepEqual(parseFollowUpCommand('kontakter Styrgrupp välfärdsbrott'), { kind: 'list-contacts', unit: 'Styrgrupp välfärdsbrott' });
    assert.deepEqual(parseFollowUpCommand('contacts for SF'), { kind: 'list-contacts', unit: 'SF' });
    assert.deepEqual(parseFollowUpCommand('kontakt SF anna@example.com'), {
      kind: 'add-contacts',
      unit: 'SF',
      people: [{ upn: 'anna@example.com' }],
    });
  });

  it('takes a unit whose name has spaces, for adding and removing contacts', () => {
    assert.deepEqual(parseFollowUpCommand('kontakt Styrgrupp välfärdsbrott anna@example.com, erik@example.com'), {
      kind: 'add-contacts',
      unit: 'Styrgrupp välfärdsbrott',
      people: [{ upn: 'anna@example.com' }, { upn: 'erik@example.com' }],
    });
    assert.deepEqual(parseFollowUpCommand('ta bort kontakt Styrgrupp välfärdsbrott anna@example.com'), {
      kind: 'remove-contact',
      unit: 'Styrgrupp välfärdsbrott',
      person: { upn: 'anna@example.com' },
    });
    assert.deepEqual(parseFollowUpCommand('kontakt SF bbbbbbbb-0000-4000-8000-00000000000b'), {
      kind: 'add-contacts',
      unit: 'SF',
      people: [{ aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b' }],
    });
    assert.deepEqual(parseFollowUpCommand('kontakt SF inte-en-person'), { kind: 'invalid', message: 'person' });
  });

  it('reads an id copied from a card (non-breaking hyphen) or typed with a dash as the plain id', () => {
    for (const typed of ['status för åtgärd A14\u20113', 'status för åtgärd A14\u20133', 'status\u00a0för åtgärd A14-3'])
      assert.deepEqual(parseFollowUpCommand(typed), { kind: 'action-status', actionId: 'A14-3', year: null }, typed);
    assert.equal(plainTyped('SSPF \u2013 samverkan'), 'SSPF \u2013 samverkan', 'a dash between words stays a dash');
    assert.equal(unbreakableId('A14-3'), 'A14\u20113');
  });

  it('reads a glossary entry: the code, then the name (with or without "=" or ":"); a unit of several words in quotes', () => {
    const expected = { kind: 'set-glossary', code: 'VOF', expansion: 'Vård- och omsorgsförvaltningen' };
    for (const t of [
      'ordlista VOF Vård- och omsorgsförvaltningen',
      'ordlista VOF = Vård- och omsorgsförvaltningen',
      'Ordlista VOF: Vård- och omsorgsförvaltningen',
    ])
      assert.deepEqual(parseFollowUpCommand(t), expected, t);
    assert.deepEqual(parseFollowUpCommand('ordlista "Styrgrupp välfärdsbrott" Kommunens styrgrupp mot välfärdsbrott'), {
      kind: 'set-glossary',
      code: 'Styrgrupp välfärdsbrott',
      expansion: 'Kommunens styrgrupp mot välfärdsbrott',
    });
    assert.deepEqual(parseFollowUpCommand('ordlista'), { kind: 'list-glossary' });
    for (const t of ['synonym kamera = kamerabevakning', 'Synonym kamera: kamerabevakning', 'synonym kamera kamerabevakning'])
      assert.deepEqual(parseFollowUpCommand(t), { kind: 'set-word', word: 'kamera', terms: 'kamerabevakning' }, t);
    assert.deepEqual(parseFollowUpCommand('synonym nätkurs = e-utbildning, utbildning'), {
      kind: 'set-word',
      word: 'nätkurs',
      terms: 'e-utbildning, utbildning',
    });
    for (const t of ['synonymer', 'synonyms', 'synonym']) assert.deepEqual(parseFollowUpCommand(t), { kind: 'list-words' }, t);
    for (const t of ['ta bort synonym kamera', 'remove synonym kamera'])
      assert.deepEqual(parseFollowUpCommand(t), { kind: 'remove-word', word: 'kamera' }, t);
    for (const t of ['okända ord', 'Okända orden', 'unknown words'])
      assert.deepEqual(parseFollowUpCommand(t), { kind: 'list-unknown-words' }, t);
    assert.deepEqual(parseFollowUpCommand('glossary SF Social services'), {
      kind: 'set-glossary',
      code: 'SF',
      expansion: 'Social services',
    });
  });

  it('takes "svara för" with a unit of several words', () => {
    assert.deepEqual(parseFollowUpCommand('svara för Styrgrupp välfärdsbrott'), {
      kind: 'answer-for-unit',
      unit: 'Styrgrupp välfärdsbrott',
    });
  });
});

describe('small talk', () => {
  it('knows a greeting and "what can you do?", and not a question about the plan', () => {
    for (const t of ['hej', 'Hej!', 'God morgon', 'vad kan du hjälpa mig med?', 'what can you do?', 'hi there'])
      assert.ok(isSmallTalk(t), t);
    for (const t of ['Vem ansvarar för kamerorna?', 'hej vem ansvarar för SF', 'A9-2']) assert.ok(!isSmallTalk(t), t);
  });

  it('knows a greeting that ends in å or ä ("Hallå!", "hallå där"), which \\b did not', () => {
    for (const t of ['Hallå!', 'hallå där', 'Hallå, vad vet du?']) assert.ok(isSmallTalk(t), t);
  });

  it('knows any question made only of talk about the bot and help, and not one with a topic beside it', () => {
    for (const t of [
      'Hej, kan du hjälpa mig?',
      'Vad kan jag använda dig till?',
      'kan du svara på frågor?',
      'What are you for?',
      'Can you help me?',
      'Hi, what can I ask?',
    ])
      assert.ok(isSmallTalk(t), t);
    for (const t of [
      'Kan du hjälpa mig med kamerabevakningen?',
      'Vem hjälper brottsoffer?',
      'Vad gör du åt gängen?',
      'Can you help me find who owns the camera surveillance?',
      'Vad gör kommunen?',
    ])
      assert.ok(!isSmallTalk(t), t);
  });

  it('knows "how do I use you?" as a question about the bot', () => {
    for (const t of ['Hur använder jag dig?', 'hur funkar boten?', 'Hur fungerar det här', 'How do I use this?', 'how does this work'])
      assert.ok(isSmallTalk(t), t);
    assert.ok(!isSmallTalk('Hur används kamerorna?'));
  });

  it('knows thanks, alone or with a word of praise, and not "ok" alone or a question that thanks', () => {
    for (const t of ['Tack!', 'tack för hjälpen', 'Toppen, tack!', 'Tusen tack 🙂', 'thanks a lot', 'Thank you!'])
      assert.ok(isThanks(t), t);
    for (const t of ['ok', 'Bra', 'Tack, vem ansvarar för kamerorna?', 'Pågående, tack']) assert.ok(!isThanks(t), t);
  });
});
