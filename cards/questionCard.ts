import template from './question.json';
import { expandTemplate, factLines, type RenderedCard } from './render';

export interface CardChoice {
    value: string;
    title: string;
}

export interface QuestionCardData {
    /** Identifies the question, so a click on an older card can be told apart. */
    prompt: string;
    intake: string;
    title?: string;
    facts?: Array<{ title: string; value: string }>;
    question: string;
    choices: CardChoice[];
}

/** A question with one button per answer (and optional facts above it). */
export function renderQuestionCard(data: QuestionCardData): RenderedCard {
    const facts = data.facts ?? [];
    const fallbackText = [data.title, ...factLines(facts), data.question, ...data.choices.map((c, i) => `${i + 1}. ${c.title}`)]
        .filter(Boolean)
        .join('\n');
    const attachment = expandTemplate('question.json', template, { ...data, title: data.title ?? '', facts, fallbackText });
    return { attachment, fallbackText };
}
