import template from './guidance.json';
import type { CardChoice } from './questionCard';
import { expandTemplate, type RenderedCard } from './render';

export interface GuidanceCardData {
    prompt: string;
    intake: string;
    intro: string;
    showSteps: string;
    articles: Array<{ id: string; title: string; summary: string; body: string }>;
    question: string;
    choices: CardChoice[];
}

/** Guidance articles (title, summary, steps behind a button that opens them in place) and "did this solve it?". */
export function renderGuidanceCard(data: GuidanceCardData): RenderedCard {
    const fallbackText = [
        data.intro,
        ...data.articles.flatMap((a) => [`* ${a.title}`, a.summary, a.body]),
        data.question,
        ...data.choices.map((c, i) => `${i + 1}. ${c.title}`),
    ].join('\n');
    return { attachment: expandTemplate('guidance.json', template, { ...data, fallbackText }), fallbackText };
}
