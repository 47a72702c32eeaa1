import assert from 'node:assert/strict';
import type http from 'node:http';
import { TurnContext, type Activity } from 'botbuilder';
import { ConnectorClient, TokenCredentials } from 'botframework-connector';
import { ChannelRequestError, ConnectorRest } from '../../src/channels/connectorRest';
import { LeanCloudAdapter } from '../../src/bot/leanCloudAdapter';
import { LoopbackServer } from '../fakes/loopbackServer';

interface Seen {
    method: string;
    url: string;
    authorization?: string;
    body: Record<string, unknown>;
}

/** A channel connector that answers each request with the next planned status (then 200 with an id). */
class PlannedChannel {
    readonly seen: Seen[] = [];
    plan: Array<{ status: number; retryAfter?: string }> = [];
    private readonly http = new LoopbackServer((req, res) => this.handle(req, res));

    start = () => this.http.start();
    stop = () => this.http.stop();
    get url(): string {
        return this.http.origin;
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            this.seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
            const next = this.plan.shift() ?? { status: 200 };
            if (next.retryAfter) res.setHeader('retry-after', next.retryAfter);
            res.statusCode = next.status;
            res.setHeader('content-type', 'application/json');
            res.end(next.status < 300 ? JSON.stringify({ id: `act-${this.seen.length}` }) : JSON.stringify({ error: { code: 'Nope', message: 'refused' } }));
        });
    }
}

const signer = { signRequest: async (r: { headers: { set(n: string, v: string): void } }) => r.headers.set('Authorization', 'Bearer t0ken') };
const conversation = { id: 'a:1/2 ;messageid=3', isGroup: false, conversationType: 'personal', name: '' };

describe('ConnectorRest: what the bot says reaches the channel by the connector contract', () => {
    const channel = new PlannedChannel();
    before(() => channel.start());
    after(() => channel.stop());
    beforeEach(() => {
        channel.seen.length = 0;
        channel.plan = [];
    });

    it('posts a reply to the activity it answers, signed, and returns the id the channel gave it', async () => {
        const rest = new ConnectorRest(channel.url, signer);
        const response = await rest.send({ type: 'message', text: 'Hola', conversation, replyToId: 'in/1' });
        assert.equal(response.id, 'act-1');
        assert.deepEqual(channel.seen.map((s) => [s.method, s.url, s.authorization]), [['POST', `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/in%2F1`, 'Bearer t0ken']]);
        assert.equal(channel.seen[0]?.body.text, 'Hola');
    });

    it('replaces a card with PUT on its id', async () => {
        await new ConnectorRest(channel.url, signer).update({ type: 'message', id: 'card-7', conversation, attachments: [] });
        assert.deepEqual(channel.seen.map((s) => [s.method, s.url]), [['PUT', `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/card-7`]]);
    });

    it('waits and tries again when throttled (429, Retry-After) or the channel is briefly down (503)', async () => {
        channel.plan = [{ status: 429, retryAfter: '0' }, { status: 503, retryAfter: '0' }];
        const response = await new ConnectorRest(channel.url, signer).send({ type: 'message', text: 'again', conversation });
        assert.equal(response.id, 'act-3');
        assert.equal(channel.seen.length, 3);
    });

    it('gives up at once on a refusal, with the status as the SDK error has it', async () => {
        channel.plan = [{ status: 403 }];
        await assert.rejects(new ConnectorRest(channel.url, signer).send({ type: 'message', text: 'x', conversation }), (err: unknown) => err instanceof ChannelRequestError && err.statusCode === 403);
        assert.equal(channel.seen.length, 1);
    });

    it('LeanCloudAdapter sends a turn\'s replies with the connector client\'s own credentials', async () => {
        const adapter = new LeanCloudAdapter();
        const incoming: Partial<Activity> = { type: 'message', id: 'in-1', text: 'hi', channelId: 'msteams', serviceUrl: channel.url, conversation, from: { id: 'u1', name: 'Ana' }, recipient: { id: 'bot', name: 'Bot' } };
        const context = new TurnContext(adapter, incoming);
        context.turnState.set(adapter.ConnectorClientKey, new ConnectorClient(new TokenCredentials('sdk-token'), { baseUri: channel.url }));
        const sent = await context.sendActivity('Hello Ana');
        assert.equal(sent?.id, 'act-1');
        assert.equal(channel.seen[0]?.authorization, 'Bearer sdk-token');
        assert.equal(channel.seen[0]?.url, `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/in-1`);
        assert.deepEqual([channel.seen[0]?.body.text, (channel.seen[0]?.body.recipient as { name?: string })?.name], ['Hello Ana', 'Ana']);
    });
});
