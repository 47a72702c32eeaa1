import template from './info.json';
import { expandTemplate, factLines, type RenderedCard } from './render';

export interface InfoCardData {
    title: string;
    text: string;
    facts: Array<{ title: string; value: string }>;
}

/** A statement with facts, such as the opened ticket (number, severity, due time). */
export function renderInfoCard(data: InfoCardData): RenderedCard {
    const fallbackText = [data.title, data.text, ...factLines(data.facts)].join('\n');
    return { attachment: expandTemplate('info.json', template, { ...data, fallbackText }), fallbackText };
}
