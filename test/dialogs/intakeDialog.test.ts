import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { ClassifiedCase } from '../../src/cases/caseDraft';
import { IntakeDialog } from '../../dialogs/intakeDialog';
import type { Classification } from '../../src/understanding/classifier';
import { dialogRig, shown, submit } from '../helpers/dialogHarness';

const sure = (overrides: Partial<Classification> = {}): Classification => ({
    language: { label: 'en', confidence: 0.9 },
    category: { label: 'technical', confidence: 0.95 },
    product: { label: 'azure', confidence: 0.9 },
    kind: { label: 'break-fix', confidence: 0.9 },
    severity: null,
    ...overrides,
});

describe('IntakeDialog', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    async function start(classification: Classification) {
        const classifier = { classify: sandbox.stub().resolves(classification) };
        const rig = await dialogRig({ classifier });
        const client = rig.client((s) => new IntakeDialog(s), { intakeId: 'i-1', language: 'en', description: '', toAsk: [] });
        return { client, classifier };
    }

    it('shows what it understood and returns the case when the customer confirms', async () => {
        const { client, classifier } = await start(sure());
        assert.match(shown(await client.sendActivity('hi')), /What can I help you with/);
        const card = await client.sendActivity('Our VM in West Europe does not start');
        assert.deepEqual(classifier.classify.firstCall.args, ['Our VM in West Europe does not start']);
        assert.match(shown(card), /Technical[\s\S]*Azure[\s\S]*broken/);
        await client.sendActivity({ value: submit(card, "Yes, that's right") });
        const result = client.dialogTurnResult.result as ClassifiedCase;
        assert.equal(result.category, 'technical');
        assert.equal(result.product, 'azure');
        assert.equal(result.kind, 'break-fix');
    });

    it('asks for the product when the classifier could not tell, and accepts "not sure"', async () => {
        const { client } = await start(sure({ product: { label: 'unknown', confidence: 0.6 } }));
        await client.sendActivity('start');
        const question = await client.sendActivity('the sync keeps failing since this morning for everyone in the office');
        assert.match(shown(question), /Which service is this about/);
        const retry = await client.sendActivity('purple');
        assert.match(shown(retry), /Sorry, I didn't catch that\. Which service is this about\?/);
        await client.getNextReply();
        const confirm = await client.sendActivity("I don't know");
        assert.match(shown(confirm), /I'm not sure/);
    });

    it('asks category and kind when confidence is below the threshold', async () => {
        const { client } = await start(sure({ category: { label: 'commercial', confidence: 0.5 }, kind: { label: 'advisory', confidence: 0.4 } }));
        await client.sendActivity('start');
        const category = await client.sendActivity('licences for azure');
        assert.match(shown(category), /billing, licences or subscriptions, or about how a service works/);
        const kind = await client.sendActivity({ value: submit(category, 'Technical: how a service works or why it fails') });
        assert.match(shown(kind), /Is something broken/);
        const confirm = await client.sendActivity('how to set it up is my question');
        assert.match(shown(confirm), /Technical[\s\S]*Azure[\s\S]*how-to/);
    });

    it('lets the customer correct every field, without asking for confirmation again', async () => {
        const { client } = await start(sure());
        await client.sendActivity('start');
        const card = await client.sendActivity('VM does not start');
        const category = await client.sendActivity({ value: submit(card, 'No, let me correct it') });
        const product = await client.sendActivity({ value: submit(category, 'Commercial: billing, licences, subscriptions') });
        assert.match(shown(product), /Which service/);
        await client.sendActivity({ value: submit(product, 'Microsoft 365') });
        const result = client.dialogTurnResult.result as ClassifiedCase;
        assert.equal(result.category, 'commercial');
        assert.equal(result.product, 'microsoft365');
        assert.equal(result.kind, null, 'commercial cases have no kind');
    });

    it('asks again for a description that is only punctuation', async () => {
        const { client } = await start(sure());
        await client.sendActivity('start');
        assert.match(shown(await client.sendActivity('??')), /tell me a little more/);
    });
});
