import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { AgentChatRepository, AgentPresence, Availability } from './agentChatRepository';
import type { AgentRepository } from './agentRepository';

/** A person the channel vouches for as one of the partner's support agents. */
export interface AgentIdentity {
    aadObjectId: string;
    name: string;
    admin: boolean;
}

export interface AgentDirectoryOptions {
    /** The partner's Microsoft Entra tenant; without it nobody is an agent. */
    partnerTenantId: string | undefined;
    /** Object ids from configuration (AGENT_AAD_OBJECT_IDS). */
    agentIds: readonly string[];
    /** Object ids allowed to manage agents (AGENT_ADMIN_AAD_OBJECT_IDS); admins are agents too. */
    adminIds: readonly string[];
    /**
     * True when the channel's word can be believed: Bot Framework authentication is on (or local
     * testing says so). Without it anyone can post a Teams-shaped activity, so nobody is an agent.
     */
    trusted: boolean;
}

const Guid = z.uuid();
const TeamsChannelData = z.object({ tenant: z.object({ id: z.string() }) });

/** The Entra object id of a Teams sender, lower-cased; undefined when missing or malformed. */
function objectIdOf(activity: Partial<Activity>): string | undefined {
    const parsed = Guid.safeParse(activity.from?.aadObjectId);
    return parsed.success ? parsed.data.toLowerCase() : undefined;
}

/**
 * Decides who is an agent, only from what the channel vouches for: a Teams activity
 * (`channelId` msteams, which Bot Framework authentication ties to the Teams service) from the
 * partner's tenant — channelData and conversation agreeing — whose Entra object id is listed
 * in configuration or was added by an admin. Names, typed words and other channels never count.
 */
export class AgentDirectory {
    private readonly tenant: string | undefined;
    private readonly configured: Set<string>;
    private readonly admins: Set<string>;
    private readonly trusted: boolean;

    constructor(
        private readonly added: AgentRepository,
        private readonly chats: AgentChatRepository,
        options: AgentDirectoryOptions,
    ) {
        this.tenant = options.partnerTenantId?.toLowerCase();
        this.trusted = options.trusted;
        this.admins = new Set(options.adminIds.map((id) => id.toLowerCase()));
        this.configured = new Set([...options.agentIds.map((id) => id.toLowerCase()), ...this.admins]);
    }

    /** True when the activity comes from Teams in the partner's own tenant. */
    fromPartnerTeams(activity: Partial<Activity>): boolean {
        if (activity.channelId !== 'msteams' || !this.tenant || !this.trusted) return false;
        const channelData = TeamsChannelData.safeParse(activity.channelData);
        const fromChannelData = channelData.success ? channelData.data.tenant.id.toLowerCase() : undefined;
        const fromConversation = typeof activity.conversation?.tenantId === 'string' ? activity.conversation.tenantId.toLowerCase() : undefined;
        const tenants = [fromChannelData, fromConversation].filter((t): t is string => t !== undefined);
        return tenants.length > 0 && tenants.every((t) => t === this.tenant);
    }

    /** The agent behind this activity, or undefined for everybody else. */
    async identify(activity: Partial<Activity>): Promise<AgentIdentity | undefined> {
        if (!this.fromPartnerTeams(activity)) return undefined;
        const id = objectIdOf(activity);
        if (!id) return undefined;
        const name = (activity.from?.name ?? '').trim().slice(0, 200) || 'Agent';
        if (this.configured.has(id)) return { aadObjectId: id, name, admin: this.admins.has(id) };
        return (await this.added.has(id)) ? { aadObjectId: id, name, admin: false } : undefined;
    }

    /** True when an admin sent this activity (same channel checks as agents). */
    async isAdmin(activity: Partial<Activity>): Promise<boolean> {
        return (await this.identify(activity))?.admin === true;
    }

    /** Adds an agent by Entra object id (admin command). */
    async add(aadObjectId: string, name: string | null, addedBy: string, now: Date): Promise<void> {
        await this.added.add(Guid.parse(aadObjectId).toLowerCase(), name, addedBy, now);
    }

    /** Removes an agent added by command; false when it was not there (configured ones stay). */
    async remove(aadObjectId: string): Promise<boolean> {
        return this.added.remove(aadObjectId.toLowerCase());
    }

    /** Everyone who is an agent: configured and added, with where each comes from. */
    async list(): Promise<Array<{ aadObjectId: string; name: string | null; source: 'config' | 'admin' | 'command' }>> {
        const added = await this.added.list();
        const configured = [...this.configured].map((id) => ({ aadObjectId: id, name: null, source: this.admins.has(id) ? ('admin' as const) : ('config' as const) }));
        return [...configured, ...added.filter((a) => !this.configured.has(a.aadObjectId)).map((a) => ({ ...a, source: 'command' as const }))];
    }

    /** Remembers the agent's 1:1 chat with the bot (refreshed on every agent turn there). */
    saveChat(agent: AgentIdentity, reference: Partial<ConversationReference>, now: Date): Promise<void> {
        return this.chats.save(agent, reference, now);
    }

    /** The agent's 1:1 chat with the bot, when they have one. */
    chatOf(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
        return this.chats.find(aadObjectId);
    }

    /** Sets the agent's availability (they need a chat with the bot, which their command just refreshed). */
    setAvailability(aadObjectId: string, availability: Availability, now: Date): Promise<boolean> {
        return this.chats.setAvailability(aadObjectId, availability, now);
    }

    /** Where the agent's next plain message goes among their live chats. */
    setFocus(aadObjectId: string, handoffId: number | null): Promise<void> {
        return this.chats.setFocus(aadObjectId, handoffId);
    }

    /** The agent's presence at the desk (availability, focus), when they have a chat with the bot. */
    presenceOf(aadObjectId: string): Promise<AgentPresence | undefined> {
        return this.chats.presenceOf(aadObjectId);
    }

    /**
     * Every current agent with their availability and name. An agent who never said otherwise
     * counts as available (as before availability existed); away and offline agents get no
     * customers.
     */
    async roster(): Promise<Array<{ aadObjectId: string; name: string; availability: Availability; availabilityAt: string | null; hasChat: boolean }>> {
        const presence = new Map((await this.chats.presence()).map((p) => [p.aadObjectId, p]));
        return (await this.list()).map((a) => {
            const p = presence.get(a.aadObjectId);
            return { aadObjectId: a.aadObjectId, name: p?.name ?? a.name ?? a.aadObjectId, availability: p?.availability ?? 'available', availabilityAt: p?.availabilityAt ?? null, hasChat: p !== undefined };
        });
    }

    /**
     * The colleague an agent names ("Jonas", "jonas berg", an Entra object id): a current agent
     * whose Teams name (from their chat with the bot, or as added) matches in full or by first
     * name, when exactly one does.
     */
    async byName(name: string): Promise<{ aadObjectId: string; name: string } | undefined> {
        const wanted = name.trim().toLowerCase();
        const agents = await this.list();
        const known = new Map((await this.chats.named()).map((c) => [c.aadObjectId, c.name]));
        const named = agents.map((a) => ({ aadObjectId: a.aadObjectId, name: known.get(a.aadObjectId) ?? a.name ?? '' }));
        const byId = named.find((a) => a.aadObjectId === wanted);
        if (byId) return { aadObjectId: byId.aadObjectId, name: byId.name || byId.aadObjectId };
        const full = named.filter((a) => a.name.toLowerCase() === wanted);
        const first = named.filter((a) => a.name.toLowerCase().split(/\s+/)[0] === wanted);
        const hit = full.length === 1 ? full[0] : first.length === 1 ? first[0] : undefined;
        return hit && { aadObjectId: hit.aadObjectId, name: hit.name };
    }
}
