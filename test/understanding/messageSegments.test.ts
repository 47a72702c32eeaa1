import assert from 'node:assert/strict';
import { withoutOpening } from '../../src/understanding/messageSegments';

describe('withoutOpening: a second problem said back without the words that joined it', () => {
    const cases: Array<[string, string]> = [
        ['and also Outlook stopped syncing for everyone since 9am', 'Outlook stopped syncing for everyone since 9am'],
        ['y además Teams no deja entrar a nadie', 'Teams no deja entrar a nadie'],
        ['e também o Teams caiu pra todo mundo', 'o Teams caiu pra todo mundo'],
        ['а также Teams ни у кого не открывается', 'Teams ни у кого не открывается'],
        ['Outlook is down for the whole office', 'Outlook is down for the whole office'],
        ['and the invoice is wrong', 'and the invoice is wrong'],
    ];
    for (const [told, saidBack] of cases) it(`“${told}” → “${saidBack}”`, () => assert.equal(withoutOpening(told), saidBack));
});
