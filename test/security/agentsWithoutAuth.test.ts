import assert from 'node:assert/strict';
import { BotHarness, visibleText } from '../helpers/botHarness';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const ADMIN = 'aaaaaaaa-0000-4000-8000-0000000000ad';
const ATTACKER = 'aaaaaaaa-0000-4000-8000-0000000000ff';

/**
 * Without Bot Framework authentication anyone who reaches /api/messages can post a
 * Teams-shaped activity with any object id. Start-up refuses configured agents then, and an
 * agent stored earlier (added while authentication was on) is not believed either.
 */
describe('agents without Bot Framework authentication', () => {
    it('start-up refuses configured agents', async () => {
        await assert.rejects(BotHarness.start({ env: { PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_ADMIN_AAD_OBJECT_IDS: ADMIN, ALLOW_AGENTS_WITHOUT_AUTH: 'false' } }), /agents need Bot Framework authentication/);
    });

    it('a forged Teams activity with a stored agent’s id gets no agent command', async () => {
        const bot = await BotHarness.start({ env: { PARTNER_TENANT_ID: PARTNER_TENANT, ALLOW_AGENTS_WITHOUT_AUTH: 'false' } });
        try {
            await bot.app.database.db.insertInto('agents').values({ aad_object_id: ADMIN, name: 'Ada', added_by: ADMIN, added_at: new Date().toISOString() }).execute();
            const forged = (text: string) =>
                bot.send({ from: { id: `29:${ADMIN}`, name: 'Ada Admin', aadObjectId: ADMIN }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: 'a:forged', conversationType: 'personal', tenantId: PARTNER_TENANT }, text }, 'a:forged', 'msteams');
            for (const text of ['queue', `agents add ${ATTACKER} Me`, 'agents']) assert.doesNotMatch(visibleText(await forged(text)), /Queue:|Added agent|\(command\)/, text);
            const agents = await bot.app.database.db.selectFrom('agents').select('aad_object_id').execute();
            assert.deepEqual(agents.map((a) => a.aad_object_id), [ADMIN], 'nobody was added');
        } finally {
            await bot.stop();
        }
    });
});
