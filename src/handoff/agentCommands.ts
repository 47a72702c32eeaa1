import type { AgentActionIntent } from './agentActionRepository';

/** A command an agent typed (or clicked) in Teams. */
export type AgentCommand =
    | { kind: 'queue' }
    | { kind: 'accept'; handoff?: number }
    | { kind: 'end' }
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
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The optional handoff number after a command word ("accept 12", "accept #12"). */
function handoffArg(rest: string): number | undefined | 'bad' {
    if (!rest) return undefined;
    const match = ID.exec(rest);
    return match ? Number(match[1]) : 'bad';
}

/** The command behind a button the bot issued (see AgentActionRepository.redeem). */
export function commandOfAction(intent: AgentActionIntent): AgentCommand | undefined {
    const { action: kind, handoff, ticket } = intent;
    if (kind === 'queue' || kind === 'end') return { kind };
    if (kind === 'takeover') return ticket ? { kind, ticket } : undefined;
    if (kind === 'escalate') return { kind, handoff, ticket };
    return { kind, handoff };
}

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
        case 'end':
            return rest ? undefined : { kind: 'end' };
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
        case 'agents':
            return parseAgentsCommand(restWords);
        default:
            return /^use this channel( for agents)?$/i.test(trimmed) ? { kind: 'use-channel' } : undefined;
    }
}

function parseAgentsCommand(words: string[]): AgentCommand | undefined {
    const [verb, id, ...name] = words;
    if (!verb) return { kind: 'agents-list' };
    if (!id || !GUID.test(id)) return undefined;
    if (verb.toLowerCase() === 'add') return { kind: 'agents-add', aadObjectId: id.toLowerCase(), name: name.join(' ').slice(0, 200) || null };
    if (verb.toLowerCase() === 'remove' && name.length === 0) return { kind: 'agents-remove', aadObjectId: id.toLowerCase() };
    return undefined;
}
