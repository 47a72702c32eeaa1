import assert from 'node:assert/strict';
import { customerContentForAgent } from '../../src/handoff/customerContent';

const ID = '0123456789abcdef0123456789abcdef';

describe('customerContentForAgent: files a Web Chat visitor uploaded', () => {
    it('passes a kept file with a public https link to the agent as the file itself', () => {
        const file = { contentType: 'image/png', contentUrl: `https://support.example.test/api/attachments/${ID}`, name: 'error.png' };
        assert.deepEqual(customerContentForAgent({ attachments: [file] }), { notes: [], attachments: [file] });
    });

    it('without PUBLIC_URL, tells the agent a file was attached, where it is kept and what to set', () => {
        const { notes, attachments } = customerContentForAgent({ attachments: [{ contentType: 'application/pdf', contentUrl: `/api/attachments/${ID}`, name: 'invoice [1].pdf' }] });
        assert.deepEqual(attachments, []);
        assert.deepEqual(notes, ["(the customer attached invoice 1.pdf, application/pdf: it is kept with their ticket; set the bot's PUBLIC_URL to open such files from here)"]);
    });
});
