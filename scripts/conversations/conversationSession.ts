import { DateTime } from 'luxon';
import type { ChannelActivity } from '../../test/fakes/fakeChannel';
import { BotHarness, MONDAY_10_MADRID, visibleText } from '../../test/helpers/botHarness';
import type { ConversationScript } from './conversationScript';

/** The partner's own tenant, its one agent (also the admin who installs the app), the agents' channel, and a customer's tenant. */
const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const AGENT = 'aaaaaaaa-0000-4000-8000-0000000000a1';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const CUSTOMER_TENANT = '22222222-3333-4444-8555-666666666666';
const CUSTOMER_AAD = 'cccccccc-0000-4000-8000-0000000000c1';

/** The clock of each `when`: the example partner profile's hours are 09:00-18:00 Madrid, Monday to Friday. */
export const CLOCKS: Record<ConversationScript['when'], DateTime> = {
    'weekday-hours': MONDAY_10_MADRID,
    'weekday-evening': DateTime.fromISO('2026-11-23T21:00:00', { zone: 'Europe/Madrid' }).toUTC(),
    'saturday-night': DateTime.fromISO('2026-11-28T23:00:00', { zone: 'Europe/Madrid' }).toUTC(),
};

/** One line of what was said, in order, for the verbose report and the checks. */
export interface TranscriptLine {
    from: 'customer' | 'bot' | 'runner';
    text: string;
    /** The bot's activity, for bot lines. */
    activity?: ChannelActivity;
    /** The customer turn this line belongs to (0 = joining). */
    turn: number;
}

/**
 * The real app behind its HTTP endpoint, one conversation of one customer on Web Chat or in
 * Teams (another tenant than the partner's), and an agent desk set up in the partner's Teams:
 * the agent is on duty whenever the clock is within the partner's hours.
 */
export class ConversationSession {
    readonly transcript: TranscriptLine[] = [];
    private turn = 0;

    private constructor(
        readonly bot: BotHarness,
        readonly script: ConversationScript,
    ) {}

    static async start(script: ConversationScript): Promise<ConversationSession> {
        const env = { DATABASE_URL: '', PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_AAD_OBJECT_IDS: AGENT, AGENT_ADMIN_AAD_OBJECT_IDS: AGENT };
        const bot = await BotHarness.start({ env, now: CLOCKS[script.when] });
        const session = new ConversationSession(bot, script);
        try {
            await session.setUpDesk();
            await session.join();
        } catch (err) {
            await bot.stop();
            throw err;
        }
        return session;
    }

    get conversationId(): string {
        return this.script.channel === 'msteams' ? `a:customer-${this.script.id}` : `webchat-${this.script.id}`;
    }

    /** The bot's activities to this customer, oldest first. */
    get botActivities(): ChannelActivity[] {
        return this.transcript.flatMap((l) => (l.from === 'bot' && l.activity ? [l.activity] : []));
    }

    /** Sends one customer activity (text or a card's submit data) and returns the bot's replies to this customer. */
    async send(fields: Record<string, unknown>, shown: string): Promise<ChannelActivity[]> {
        this.turn++;
        this.transcript.push({ from: 'customer', text: shown, turn: this.turn });
        this.bot.clock = this.bot.clock.plus({ seconds: 5 });
        return this.record(await this.bot.send({ ...this.customerFields(), ...fields }, this.conversationId, this.script.channel));
    }

    note(text: string): void {
        this.transcript.push({ from: 'runner', text, turn: this.turn });
    }

    stop(): Promise<void> {
        return this.bot.stop();
    }

    private record(replies: ChannelActivity[]): ChannelActivity[] {
        const mine = replies.filter((r) => r.conversation?.id === this.conversationId);
        for (const activity of mine) this.transcript.push({ from: 'bot', text: visibleText([activity]), activity, turn: this.turn });
        return mine;
    }

    /** Who the customer is on their channel: a Teams user of the customer's tenant, or an anonymous Web Chat visitor. */
    private customerFields(): Record<string, unknown> {
        const { id, locale, persona } = this.script;
        if (this.script.channel === 'webchat') return { from: { id: `webchat-user-${id}` }, locale };
        return {
            from: { id: `29:customer-${id}`, name: persona.name, aadObjectId: CUSTOMER_AAD },
            recipient: { id: '28:support-bot', name: 'Support' },
            conversation: { id: this.conversationId, conversationType: 'personal', tenantId: CUSTOMER_TENANT },
            channelData: { tenant: { id: CUSTOMER_TENANT } },
            locale,
        };
    }

    /** The admin-agent installs the app in the agents' team, which makes that channel the desk. */
    private async setUpDesk(): Promise<void> {
        const from = { id: `29:${AGENT}`, name: 'Dana Agent', aadObjectId: AGENT };
        const conversation = { id: AGENTS_CHANNEL, conversationType: 'channel', tenantId: PARTNER_TENANT };
        await this.bot.send({ type: 'installationUpdate', action: 'add', from, conversation, channelData: { tenant: { id: PARTNER_TENANT } } }, AGENTS_CHANNEL, 'msteams');
        if (!(await this.bot.app.handoff.canStart('msteams')) && this.script.when === 'weekday-hours') throw new Error('ConversationSession.setUpDesk(): no agent on duty');
    }

    /** What the channel says when the customer opens the chat: Web Chat's join, Teams' personal install. */
    private async join(): Promise<void> {
        const event = this.script.channel === 'webchat' ? { type: 'conversationUpdate', membersAdded: [{ id: `webchat-user-${this.script.id}` }, { id: 'bot' }] } : { type: 'installationUpdate', action: 'add' };
        this.record(await this.bot.send({ ...this.customerFields(), ...event }, this.conversationId, this.script.channel));
    }
}
