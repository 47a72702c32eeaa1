import assert from 'node:assert/strict';
import { attachmentLines } from '../../src/handoff/attachmentLines';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { sampleTicket } from '../helpers/sampleTicket';
import { openWebChat, type WebChatVisitor } from '../helpers/webChatVisitor';
import { waitUntil } from '../helpers/waitUntil';

const PUBLIC_URL = 'https://support.example.test';
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Activity = { from: { id: string }; text?: string; attachments?: Array<{ contentType: string; contentUrl: string; name: string }> };

/** A message with files, shaped as Web Chat's Direct Line client posts it (botframework-directlinejs postMessageWithAttachments). */
function webChatForm(files: Array<{ bytes: Buffer; type: string; name: string }>, activity: Record<string, unknown> = {}): FormData {
    const form = new FormData();
    const declared = files.map((f) => ({ contentType: f.type, name: f.name }));
    form.append('activity', new Blob([JSON.stringify({ type: 'message', locale: 'en-US', attachments: declared, ...activity })], { type: 'application/vnd.microsoft.activity' }));
    for (const f of files) form.append('file', new Blob([f.bytes], { type: f.type }), f.name);
    return form;
}

describe('Direct Line uploads (Web Chat attachments) on the built-in Direct Line', () => {
    let bot: BotHarness;
    let visitor: WebChatVisitor;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: { UPLOAD_MAX_BYTES: '4096', UPLOAD_MAX_FILES: '2', PUBLIC_URL } });
        visitor = await openWebChat(bot.baseUrl);
    });
    afterEach(() => bot.stop());

    const uploadUrl = () => `${bot.baseUrl}/v3/directline/conversations/${visitor.conversationId}/upload?userId=${visitor.userId}`;
    const upload = (body: string | Buffer | FormData, headers: Record<string, string> = {}) => fetch(uploadUrl(), { method: 'POST', headers: { authorization: visitor.auth.authorization ?? '', ...headers }, body });
    const activities = async (): Promise<Activity[]> => ((await (await fetch(visitor.url, { headers: visitor.auth })).json()) as { activities: Activity[] }).activities;
    const botSaid = async (): Promise<string> => visibleText((await activities()).filter((a) => a.from.id === 'bot') as never);

    it('keeps a screenshot, hands the bot a message with its link, and serves it back', async () => {
        const res = await upload(webChatForm([{ bytes: PNG, type: 'image/png', name: 'error screen.png' }]));
        assert.equal(res.status, 200);
        assert.match(String(((await res.json()) as { id: string }).id), new RegExp(`^${visitor.conversationId}\\|`));
        const mine = (await activities()).find((a) => a.from.id === visitor.userId && a.attachments);
        const file = mine?.attachments?.[0];
        assert.equal(file?.contentType, 'image/png');
        assert.equal(file?.name, 'error screen.png');
        assert.match(file?.contentUrl ?? '', /^https:\/\/support\.example\.test\/api\/attachments\/[0-9a-f]{32}$/);
        await waitUntil(async () => /kept your file with your request/.test(await botSaid()));
        const served = await fetch(`${bot.baseUrl}${new URL(file?.contentUrl ?? '').pathname}`);
        assert.equal(served.status, 200);
        assert.equal(served.headers.get('content-type'), 'image/png');
        assert.match(served.headers.get('content-security-policy') ?? '', /sandbox/);
        assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG);
    });

    it('serves nothing for a guessed or malformed id', async () => {
        assert.equal((await fetch(`${bot.baseUrl}/api/attachments/${'0'.repeat(32)}`)).status, 404);
        assert.equal((await fetch(`${bot.baseUrl}/api/attachments/..%2F..%2Fetc`)).status, 404);
    });

    it("needs the conversation's own token", async () => {
        const other = await openWebChat(bot.baseUrl);
        const form = () => webChatForm([{ bytes: PNG, type: 'image/png', name: 'a.png' }]);
        assert.equal((await fetch(uploadUrl(), { method: 'POST', body: form() })).status, 403);
        assert.equal((await fetch(uploadUrl(), { method: 'POST', headers: { authorization: other.auth.authorization ?? '' }, body: form() })).status, 403);
    });

    it('checks the type by content, not by name, and tells the visitor why in their language', async () => {
        const fake = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
        const res = await upload(webChatForm([{ bytes: fake, type: 'image/png', name: 'photo.png' }], { locale: 'es-ES' }));
        assert.equal(res.status, 415);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'UnsupportedMediaType');
        assert.match(await botSaid(), /No he podido recibir photo\.png: solo puedo guardar archivos PNG, JPEG, GIF, WEBP, PDF/);
        assert.equal((await activities()).filter((a) => a.attachments).length, 0, 'nothing reached the conversation');
    });

    it('refuses a file over UPLOAD_MAX_BYTES, and more files than UPLOAD_MAX_FILES', async () => {
        const big = Buffer.concat([PNG, Buffer.alloc(5000)]);
        const tooBig = await upload(webChatForm([{ bytes: big, type: 'image/png', name: 'big.png' }]));
        assert.equal(tooBig.status, 413);
        assert.match(await botSaid(), /I couldn't take big\.png: files can be up to 4 KB each/);
        const three = [1, 2, 3].map((i) => ({ bytes: PDF, type: 'application/pdf', name: `${i}.pdf` }));
        assert.equal((await upload(webChatForm(three))).status, 400);
        assert.match(await botSaid(), /at most 2 files/);
        const huge = await upload(Buffer.alloc(400_000), { 'content-type': 'multipart/form-data; boundary=x' });
        assert.equal(huge.status, 413, 'a body larger than the files allowed is refused as it arrives');
    });

    it('refuses multipart junk, other content types and compressed bodies', async () => {
        assert.equal((await upload('not a form', { 'content-type': 'multipart/form-data; boundary=abc' })).status, 400);
        assert.equal((await upload('--abc\r\nX: y\r\n\r\nbody\r\n--abc--', { 'content-type': 'multipart/form-data; boundary=abc' })).status, 400);
        assert.equal((await upload(JSON.stringify({ type: 'message' }), { 'content-type': 'application/json' })).status, 415);
        assert.equal((await upload(webChatForm([]))).status, 400, 'an activity with no file');
        assert.equal((await upload(Buffer.from([0x1f, 0x8b]), { 'content-type': 'multipart/form-data; boundary=abc', 'content-encoding': 'gzip' })).status, 415);
    });

    it("keeps files with the visitor's open ticket, as 'attachment.added' events by the customer", async () => {
        const { ticket } = await bot.app.tickets.create(sampleTicket('upload-1', { conversationId: visitor.conversationId, channelId: 'directline', customer: { name: 'Alex', email: 'alex@fabrikam.example', organisation: 'Fabrikam', tenantId: null, userId: visitor.userId } }));
        assert.equal((await upload(webChatForm([{ bytes: PDF, type: 'application/pdf', name: 'invoice.pdf' }]))).status, 200);
        const events = (await bot.app.tickets.events(ticket.id)).filter((e) => e.type === 'attachment.added');
        assert.equal(events.length, 1);
        assert.equal(events[0]?.actor?.kind, 'customer');
        assert.match(events[0]?.data ?? '', /"name":"invoice.pdf".*"url":"https:\/\/support\.example\.test\/api\/attachments\/[0-9a-f]{32}"/);
        assert.match(attachmentLines(events)[0] ?? '', /^📎 \[invoice\.pdf\]\(https:\/\/support\.example\.test\/api\/attachments\/[0-9a-f]{32}\) \(PDF, 1 KB\)$/, "the line on the agents' ticket card");
    });

    it('gives a ticket opened later the files sent before it', async () => {
        assert.equal((await upload(webChatForm([{ bytes: PNG, type: 'image/png', name: 'before.png' }]))).status, 200);
        const { ticket } = await bot.app.tickets.create(sampleTicket('upload-2', { conversationId: visitor.conversationId, channelId: 'directline' }));
        const events = (await bot.app.tickets.events(ticket.id)).filter((e) => e.type === 'attachment.added');
        assert.equal(events.length, 1);
        assert.match(events[0]?.data ?? '', /before\.png/);
    });
});
