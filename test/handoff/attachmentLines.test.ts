import assert from 'node:assert/strict';
import { attachmentLines } from '../../src/handoff/attachmentLines';
import type { TicketEvent } from '../../src/store/ticketRepository';

const event = (data: Record<string, unknown>, type = 'attachment.added'): TicketEvent => ({ id: 1, type, data: JSON.stringify(data), actor: { kind: 'customer' }, createdAt: '2026-12-07T10:00:00.000Z' });

describe("attachmentLines (the agents' ticket card)", () => {
    it('gives each file a line with a link Teams can open', () => {
        const lines = attachmentLines([
            event({ name: 'error.png', contentType: 'image/png', size: 52_000, url: 'https://support.example.test/api/attachments/0123456789abcdef0123456789abcdef' }),
            event({ text: 'hi' }, 'agent.note'),
            event({ name: 'invoice.pdf', contentType: 'application/pdf', size: 2_400_000, url: 'https://support.example.test/api/attachments/fedcba9876543210fedcba9876543210' }),
        ]);
        assert.deepEqual(lines, [
            '📎 [error.png](https://support.example.test/api/attachments/0123456789abcdef0123456789abcdef) (PNG, 51 KB)',
            '📎 [invoice.pdf](https://support.example.test/api/attachments/fedcba9876543210fedcba9876543210) (PDF, 2.3 MB)',
        ]);
    });

    it('says what to set when the link would not open from Teams', () => {
        assert.deepEqual(attachmentLines([event({ name: 'shot.png', contentType: 'image/png', size: 900, url: '/api/attachments/0123456789abcdef0123456789abcdef' })]), [
            "📎 shot.png: no link here until the bot's PUBLIC_URL is set (PNG, 1 KB)",
        ]);
    });

    it('keeps a name the customer chose from becoming a link or formatting', () => {
        const [line] = attachmentLines([event({ name: '[click](https://evil.example) *now*.png', contentType: 'image/png', size: 2048, url: 'https://support.example.test/api/attachments/0123456789abcdef0123456789abcdef' })]);
        assert.equal(line, '📎 [\\[click\\]\\(https://evil.example\\) \\*now\\*.png](https://support.example.test/api/attachments/0123456789abcdef0123456789abcdef) (PNG, 2 KB)');
    });
});
