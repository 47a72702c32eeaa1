import template from './agent.json';
import { expandTemplate, factLines, type RenderedCard } from './render';

/** A button: its title, and the id of the action the bot stored for it (the card carries nothing else). */
export interface AgentCardAction {
    title: string;
    id: string;
}

export interface AgentCardData {
    title: string;
    /** A headline state, e.g. "Waiting" or "Taken by Maria"; empty for none. */
    status: string;
    statusColor: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
    facts: Array<{ title: string; value: string }>;
    summary: string;
    /** Short lines such as the last messages or queue entries. */
    lines: string[];
    actions: AgentCardAction[];
    /** A text box whose words the buttons send (a reply, a question, a resolution): its label and placeholder. */
    input?: { label: string; placeholder: string };
}

/** A card for the partner's agents in Teams: a waiting customer, the queue, or a transcript. */
export function renderAgentCard(data: AgentCardData): RenderedCard {
    const fallbackText = [data.title, data.status, ...factLines(data.facts), data.summary, ...data.lines].filter(Boolean).join('\n');
    const attachment = expandTemplate('agent.json', template, { ...data, lines: data.lines.map((text) => ({ text })), input: data.input?.placeholder ?? '', inputLabel: data.input?.label ?? '', fallbackText });
    return { attachment, fallbackText };
}
