import * as ACData from 'adaptivecards-templating';

/** The Adaptive Card content type channels recognise. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** An Adaptive Card attachment (structurally a Bot Framework `Attachment`; cards/ knows no botbuilder). */
export interface CardAttachment {
    contentType: typeof ADAPTIVE_CARD;
    content: object;
}

/** A card ready to send, and the plain text for channels that cannot show cards. */
export interface RenderedCard {
    attachment: CardAttachment;
    fallbackText: string;
}

/** Thrown when a template leaves a `${...}` placeholder unexpanded (a missing value). */
export class CardTemplateError extends Error {
    constructor(template: string, placeholder: string) {
        super(`renderCard(): ${template} left ${placeholder} unexpanded`);
        this.name = 'CardTemplateError';
    }
}

/** Parsed templates: parsing (ANTLR, per expression) costs far more than expanding. */
const prepared = new WeakMap<object, ACData.Template>();

function preparedTemplate(template: object): ACData.Template {
    let parsed = prepared.get(template);
    if (!parsed) {
        parsed = new ACData.Template(template);
        prepared.set(template, parsed);
    }
    return parsed;
}

/** Expands an Adaptive Card template with data; every placeholder must get a value. */
export function expandTemplate(name: string, template: object, data: object): CardAttachment {
    const card = preparedTemplate(template).expand({ $root: defuse(data) }) as object;
    const leftover = /\$\{[^}]*\}/.exec(JSON.stringify(card));
    if (leftover) throw new CardTemplateError(name, leftover[0]);
    return { contentType: ADAPTIVE_CARD, content: card };
}

/** Text typed by customers may contain `${`; break it so it is shown, never evaluated. */
function defuse(value: unknown): unknown {
    if (typeof value === 'string') return value.replace(/\$\{/g, '$\u200b{');
    if (Array.isArray(value)) return value.map(defuse);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defuse(v)]));
    return value;
}

/** Facts as "Label: value" lines for the plain-text fallback. */
export function factLines(facts: Array<{ title: string; value: string }>): string[] {
    return facts.map((f) => `${f.title}: ${f.value}`);
}
