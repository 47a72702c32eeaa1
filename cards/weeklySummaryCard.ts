import template from './weeklySummary.json';
import { expandTemplate, factLines, type RenderedCard } from './render';

export interface WeeklySummaryCardData {
    /** e.g. "Desk summary, week 49". */
    title: string;
    /** e.g. "30 Nov – 6 Dec 2026 (Europe/Madrid)". */
    period: string;
    facts: Array<{ title: string; value: string }>;
    /** The desk tab's Reports; empty: no button (no public URL configured). */
    url: string;
}

/** The weekly summary for the agents' channel: volume, deflection, due times met, rating, and a link to the desk. */
export function renderWeeklySummaryCard(data: WeeklySummaryCardData): RenderedCard {
    const fallbackText = [data.title, data.period, ...factLines(data.facts), data.url].filter(Boolean).join('\n');
    return { attachment: expandTemplate('weeklySummary.json', template, { ...data, fallbackText }), fallbackText };
}
