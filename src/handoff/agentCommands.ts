import type { RedeemedAction } from './agentActionRepository';
import type { Availability } from './agentChatRepository';

/** A ticket as a command names it: its id (from a button) or its number as typed ("SR-2026-000123"). */
export type TicketRef = number | string;

/** Commands that work one ticket; `text` is the reply, question, resolution or note. */
export type TicketCommandKind = 'assign' | 'unassign' | 'reply' | 'waiting' | 'resolve' | 'reopen' | 'close' | 'microsoft' | 'show';

/** A command an agent typed (or clicked) in Teams. */
export type AgentCommand =
    | { kind: TicketCommandKind; ticket?: TicketRef; text?: string; to?: string }
    | { kind: 'tickets'; mine: boolean }
    | { kind: 'queue' }
    | { kind: 'accept'; handoff?: number }
    | { kind: 'end'; handoff?: number }
    | { kind: 'availability'; availability: Availability }
    | { kind: 'chats' }
    | { kind: 'switch'; handoff: number }
    | { kind: 'team' }
    | { kind: 'transfer'; handoff?: number; to: string | 'queue'; note: string }
    | { kind: 'canned'; name?: string }
    | { kind: 'transcript'; handoff?: number }
    | { kind: 'note'; text: string }
    | { kind: 'escalate'; handoff?: number; ticket?: number }
    | { kind: 'takeover'; ticket: number }
    | { kind: 'help' }
    | { kind: 'agents-list' }
    | { kind: 'agents-add'; aadObjectId: string; name: string | null }
    | { kind: 'agents-remove'; aadObjectId: string }
    | { kind: 'use-channel' }
    | { kind: 'failed' }
    | { kind: 'retry'; delivery: number };

const ID = /^#?(\d{1,12})$/;
const TICKET_NUMBER = /^SR-\d{4}-\d{6,12}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The optional handoff number after a command word ("accept 12", "accept #12"). */
function handoffArg(rest: string): number | undefined | 'bad' {
    if (!rest) return undefined;
    const match = ID.exec(rest);
    return match ? Number(match[1]) : 'bad';
}

/** The command behind a button the bot issued (see AgentActionRepository.redeem); the card's text box gives the text. */
export function commandOfAction(intent: RedeemedAction): AgentCommand | undefined {
    const { action: kind, handoff, ticket, text } = intent;
    if (kind === 'queue') return { kind };
    if (kind === 'end') return { kind, handoff };
    if (kind === 'available' || kind === 'away' || kind === 'offline') return { kind: 'availability', availability: kind };
    if (kind === 'switch') return handoff ? { kind, handoff } : undefined;
    if (kind === 'takeover') return ticket ? { kind, ticket } : undefined;
    if (kind === 'escalate') return { kind, handoff, ticket };
    if (kind === 'assign' || kind === 'reopen') return ticket ? { kind, ticket } : undefined;
    if (kind === 'reply' || kind === 'waiting' || kind === 'resolve') return ticket ? { kind, ticket, text: text?.slice(0, 4000) } : undefined;
    return { kind, handoff };
}

/**
 * "<word> SR-… [text]": ticket commands always name the ticket when typed, so that an agent
 * writing "waiting for your logs" to a customer is never read as a command.
 */
function parseTicketCommand(word: TicketCommandKind, words: string[]): AgentCommand | undefined {
    const [number, ...rest] = words;
    if (!number || !TICKET_NUMBER.test(number)) return undefined;
    const ticket = number.toUpperCase();
    const text = rest.join(' ').slice(0, 4000);
    switch (word) {
        case 'assign':
            if (!text) return { kind: word, ticket };
            return /^to\s+\S/i.test(text) ? { kind: word, ticket, to: text.replace(/^to\s+/i, '').replace(/^@/, '').slice(0, 200) } : undefined;
        case 'reply':
        case 'waiting':
        case 'resolve': // without text the desk asks for it
        case 'microsoft':
            return { kind: word, ticket, text };
        default:
            return text ? undefined : { kind: word, ticket };
    }
}

const TICKET_WORDS: Record<string, TicketCommandKind> = { assign: 'assign', unassign: 'unassign', reply: 'reply', waiting: 'waiting', resolve: 'resolve', reopen: 'reopen', close: 'close', microsoft: 'microsoft', ticket: 'show' };

/**
 * Reads an agent's typed message: a whole-message command word. Anything else is undefined
 * (while connected to a customer, it is relayed to them). Buttons are read by
 * commandOfAction, never from what a card posts.
 */
export function parseAgentCommand(text: string): AgentCommand | undefined {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    const [word = '', ...restWords] = trimmed.split(' ');
    const rest = restWords.join(' ');
    switch (word.toLowerCase()) {
        case 'queue':
            return rest ? undefined : { kind: 'queue' };
        case 'end': {
            const handoff = handoffArg(rest);
            return handoff === 'bad' ? undefined : { kind: 'end', handoff };
        }
        case 'available':
        case 'away':
        case 'offline':
            return rest ? undefined : { kind: 'availability', availability: word.toLowerCase() as Availability };
        case 'chats':
            return rest ? undefined : { kind: 'chats' };
        case 'team':
            return rest ? undefined : { kind: 'team' };
        case 'switch': {
            const handoff = handoffArg(rest);
            return typeof handoff === 'number' ? { kind: 'switch', handoff } : undefined;
        }
        case 'transfer':
            return parseTransfer(rest);
        case 'canned':
            return rest ? undefined : { kind: 'canned' };
        case 'help':
            return rest ? undefined : { kind: 'help' };
        case 'failed':
            return rest ? undefined : { kind: 'failed' };
        case 'retry': {
            const delivery = handoffArg(rest);
            return typeof delivery === 'number' ? { kind: 'retry', delivery } : undefined;
        }
        case 'accept':
        case 'transcript':
        case 'escalate': {
            const handoff = handoffArg(rest);
            return handoff === 'bad' ? undefined : { kind: word.toLowerCase() as 'accept' | 'transcript' | 'escalate', handoff };
        }
        case 'note':
            return rest ? { kind: 'note', text: rest.slice(0, 2000) } : undefined;
        case 'tickets':
            return rest === '' ? { kind: 'tickets', mine: false } : rest.toLowerCase() === 'mine' ? { kind: 'tickets', mine: true } : undefined;
        case 'mine':
            return rest ? undefined : { kind: 'tickets', mine: true };
        case 'agents':
            return parseAgentsCommand(restWords);
        default: {
            const canned = /^\/([a-z0-9][a-z0-9-]{0,31})$/i.exec(trimmed);
            if (canned) return { kind: 'canned', name: (canned[1] as string).toLowerCase() };
            const ticketWord = TICKET_WORDS[word.toLowerCase()];
            if (ticketWord) return parseTicketCommand(ticketWord, restWords);
            return /^use this channel( for agents)?$/i.test(trimmed) ? { kind: 'use-channel' } : undefined;
        }
    }
}

/**
 * "transfer [#id] to <name>[: note]" or "transfer [#id] queue[: note]": the chat (#id, else the
 * one the agent's messages go to) to a colleague or back to the queue, with a note for whoever
 * takes it next.
 */
function parseTransfer(rest: string): AgentCommand | undefined {
    const colon = rest.indexOf(':');
    const head = (colon >= 0 ? rest.slice(0, colon) : rest).trim();
    const note = colon >= 0 ? rest.slice(colon + 1).trim().slice(0, 1000) : '';
    const match = /^(?:#?(\d{1,12})\s+)?(?:to\s+(?:the\s+)?queue|queue|to\s+(.+))$/i.exec(head);
    if (!match) return undefined;
    const handoff = match[1] ? Number(match[1]) : undefined;
    const to = match[2] ? match[2].trim().replace(/^@/, '').slice(0, 200) : 'queue';
    return { kind: 'transfer', handoff, to, note };
}

function parseAgentsCommand(words: string[]): AgentCommand | undefined {
    const [verb, id, ...name] = words;
    if (!verb) return { kind: 'agents-list' };
    if (!id || !GUID.test(id)) return undefined;
    if (verb.toLowerCase() === 'add') return { kind: 'agents-add', aadObjectId: id.toLowerCase(), name: name.join(' ').slice(0, 200) || null };
    if (verb.toLowerCase() === 'remove' && name.length === 0) return { kind: 'agents-remove', aadObjectId: id.toLowerCase() };
    return undefined;
}
