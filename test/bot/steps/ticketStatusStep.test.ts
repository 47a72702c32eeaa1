import assert from 'node:assert/strict';
import { ticketStatusStep } from '../../../src/bot/steps/ticketStatusStep';
import type { NewTicket } from '../../../src/store/ticketRepository';
import { sampleTicket } from '../../helpers/sampleTicket';
import { assertLetsThrough, click, fromTeams, stepRig } from '../../helpers/stepHarness';

const CREATED = new Date('2026-11-23T09:00:00Z');
const TENANT = '11111111-2222-4333-8444-555555555555';

describe('ticketStatusStep', () => {
    async function rigWithTicket(owner: Partial<NewTicket>) {
        const rig = await stepRig();
        const { ticket } = await rig.services.tickets.create(sampleTicket('intake-1', owner), CREATED);
        const notFound = (number: string) => `I can't find a ticket **${number}** for your organisation. Please check the number, or write to ${rig.services.partner.supportEmail}.`;
        return { rig, step: ticketStatusStep(rig.services), number: ticket.number ?? '', notFound };
    }

    it('answers the conversation that opened the ticket, then asks the pending question again', async () => {
        const { rig, step, number } = await rigWithTicket({ conversationId: 'Convo1', channelId: 'test' });
        await rig.ask();
        const run = await rig.run(step, { text: `what is the status of ${number}?` });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, [
            `Ticket **${number}** is **open, waiting for our team**. Severity: **B**. Our first response is due by Mon 23 Nov 2026, 14:00 (Europe/Madrid).`,
            'What is your name?',
        ]);
        assert.equal(run.waiting, true);
    });

    it('answers a bare number, with no question to repeat when no dialog runs', async () => {
        const { rig, step, number } = await rigWithTicket({ conversationId: 'Convo1', channelId: 'test', status: 'resolved', resolution: 'guidance' });
        const run = await rig.run(step, { text: number.toLowerCase() });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, [`Ticket **${number}** is **resolved**. Severity: **B**.`]);
    });

    it('answers the same person in another conversation on the same channel, in their language', async () => {
        const { rig, step, number } = await rigWithTicket({ conversationId: 'old-chat', channelId: 'test', customer: { ...sampleTicket('x').customer, userId: 'user1' } });
        await rig.given({ profile: { language: 'es' } });
        const run = await rig.run(step, { text: `estado del ${number}` });
        assert.deepEqual(run.replies, [
            `El ticket **${number}** está **abierto, pendiente de nuestro equipo**. Gravedad: **B**. Nuestra primera respuesta está prevista a más tardar el lun 23 nov 2026, 14:00 (Europe/Madrid).`,
        ]);
    });

    it('gives the "not found" answer for someone else’s ticket, the same as for a number that does not exist', async () => {
        const { rig, step, number, notFound } = await rigWithTicket({ conversationId: 'someone-else', channelId: 'test', customer: { ...sampleTicket('x').customer, userId: 'other-user' } });
        await rig.ask();
        const theirs = await rig.run(step, { text: `status of ${number}` });
        assert.equal(theirs.result, 'handled');
        assert.deepEqual(theirs.replies, [notFound(number), 'What is your name?']);
        const missing = await rig.run(step, { text: 'status of SR-2026-999999' });
        assert.deepEqual(missing.replies, [notFound('SR-2026-999999'), 'What is your name?']);
    });

    it('answers anyone of the ticket’s tenant in Teams, but not a tenant a Web Chat client claims', async () => {
        const { rig, step, number, notFound } = await rigWithTicket({ conversationId: '19:first-chat', channelId: 'msteams', customer: { ...sampleTicket('x').customer, tenantId: TENANT } });
        const teams = await rig.run(step, fromTeams(`status of ${number}`, { tenant: TENANT }));
        assert.match(teams.replies.join('\n'), new RegExp(`^Ticket \\*\\*${number}\\*\\* is \\*\\*open, waiting for our team\\*\\*`));
        const otherTenant = await rig.run(step, fromTeams(`status of ${number}`, { tenant: '99999999-2222-4333-8444-555555555555' }));
        assert.deepEqual(otherTenant.replies, [notFound(number)]);
        const claimed = await rig.run(step, { ...fromTeams(`status of ${number}`, { tenant: TENANT }), channelId: 'webchat' });
        assert.deepEqual(claimed.replies, [notFound(number)]);
    });

    it('lets anything that is not a status question through', async () => {
        const { rig, step, number } = await rigWithTicket({ conversationId: 'Convo1', channelId: 'test' });
        await rig.ask();
        const longer = `${number} was opened yesterday and mail is still down for the whole sales team`;
        await assertLetsThrough(rig, step, [{ text: 'Alex Kim' }, { text: longer }, click('intake-1'), {}]);
    });
});
