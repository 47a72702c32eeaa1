import assert from 'node:assert/strict';
import { mentionsMail } from '../../src/understanding/serviceNames';

describe('mail named in four languages (for Exchange Online service health)', () => {
    const cases: Array<[string, boolean]> = [
        ['Outlook keeps asking for a password', true],
        ['nobody receives e-mails', true],
        ['our shared mailbox is full', true],
        ['no llega el correo', true],
        ['el buzón está lleno', true],
        ['a caixa de correio está cheia', true],
        ['не приходит почта', true],
        ['переполнен ящик', true],
        ['Teams calls drop', false],
        ['la factura está mal', false],
        ['a fatura veio errada', false],
        ['не работает Teams', false],
    ];
    for (const [text, expected] of cases) it(`"${text}" ${expected ? 'names' : 'does not name'} mail`, () => assert.equal(mentionsMail(text), expected));
});
