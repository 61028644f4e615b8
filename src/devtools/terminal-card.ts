/**
 * An Adaptive Card as the terminal chat shows it: its text, its inputs and its buttons, the
 * buttons numbered so that they can be pressed by typing the number. Only what a person reads and
 * fills in: text blocks, rich text, fact sets, containers and columns, and a chart's text fallback.
 */

export interface CardInput {
  id: string;
  type: 'Input.ChoiceSet' | 'Input.Text' | 'Input.Toggle' | 'Input.Date' | 'Input.Number' | 'Input.Time';
  label: string;
  value: string;
  choices: Array<{ title: string; value: string }>;
  required: boolean;
}

export interface CardButton {
  title: string;
  type: string;
  verb?: string;
  data: Record<string, unknown>;
  url?: string;
  /** "none": the button sends no inputs (Släng och gå vidare, Avbryt). */
  associatedInputs?: string;
}

export interface TerminalCard {
  lines: string[];
  inputs: CardInput[];
  buttons: CardButton[];
}

type Node = Record<string, unknown>;

/** A card's text as read: without the backslashes that keep Teams from reading it as Markdown. */
const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1') : '');

export function terminalCard(card: Node): TerminalCard {
  const lines: string[] = [];
  const inputs: CardInput[] = [];
  const buttons: CardButton[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    const type = text(n.type);
    if (type.startsWith('Chart.')) return visit(n.fallback);
    switch (type) {
      case 'TextBlock':
        if (text(n.text)) lines.push(text(n.text));
        return;
      case 'RichTextBlock':
        lines.push((Array.isArray(n.inlines) ? n.inlines : []).map((i) => text((i as Node).text)).join(''));
        return;
      case 'FactSet':
        for (const fact of Array.isArray(n.facts) ? (n.facts as Node[]) : []) lines.push(`  ${text(fact.title)}: ${text(fact.value)}`);
        return;
      case 'ActionSet':
        return (Array.isArray(n.actions) ? n.actions : []).forEach((a) => buttons.push(buttonOf(a as Node)));
      default:
        if (type.startsWith('Input.')) {
          inputs.push({
            id: text(n.id),
            type: type as CardInput['type'],
            label: text(n.label) || text(n.placeholder) || text(n.id),
            value: n.value === undefined ? '' : String(n.value),
            choices: (Array.isArray(n.choices) ? (n.choices as Node[]) : []).map((c) => ({ title: text(c.title), value: text(c.value) })),
            required: n.isRequired === true,
          });
          return;
        }
        for (const key of ['body', 'items', 'columns']) if (key in n) visit(n[key]);
    }
  };
  visit(card.body);
  for (const action of Array.isArray(card.actions) ? (card.actions as Node[]) : []) buttons.push(buttonOf(action));
  return { lines, inputs, buttons };
}

function buttonOf(action: Node): CardButton {
  return {
    title: text(action.title),
    type: text(action.type),
    ...(text(action.verb) ? { verb: text(action.verb) } : {}),
    data: action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {},
    ...(text(action.url) ? { url: text(action.url) } : {}),
    ...(text(action.associatedInputs) ? { associatedInputs: text(action.associatedInputs) } : {}),
  };
}

/** The card as printed: its lines, each input with its current value and choices, then the numbered buttons. */
export function printedCard(card: TerminalCard): string {
  const out = [...card.lines];
  for (const input of card.inputs) {
    const current = input.choices.find((c) => c.value === input.value)?.title ?? input.value;
    out.push(`  [${input.label}${input.required ? ' *' : ''}]${current ? ` ${current}` : ''}`);
  }
  if (card.buttons.length > 0) out.push(card.buttons.map((b, i) => `(${i + 1}) ${b.title}`).join('   '));
  return out.join('\n');
}
