import assert from 'node:assert/strict';
import { chooseSupportTopic, ServiceRequestInputError, type TopicFacts } from '../../src/escalation/serviceRequestDraft';
import { FAKE_TOPICS } from '../fakes/fakePartnerCenter';

const topics = FAKE_TOPICS.map((t) => ({ id: String(t.id), name: t.name, description: t.description }));
const byName = (name: string): string => topics.find((t) => t.name === name)?.id ?? 'missing';

describe('support topic from the service catalogue', () => {
    const cases: Array<[TopicFacts, string]> = [
        [{ category: 'commercial', product: 'azure', description: 'reservation charges on the invoice' }, 'Billing and subscriptions'],
        [{ category: 'commercial', product: 'unknown' }, 'Billing and subscriptions'],
        [{ category: 'technical', product: 'azure', description: 'VM will not start' }, 'Azure technical issue'],
        [{ category: 'technical', product: 'microsoft365', description: 'Exchange Online rejects mail' }, 'Office 365 and Microsoft 365 technical issue'],
        [{ category: 'technical', product: 'dynamics365', description: 'Power Apps canvas app fails' }, 'Dynamics 365 and Dynamics CRM Online'],
        [{ category: 'technical', product: 'dynamics365', description: 'Microsoft Flow stopped' }, 'Dynamics 365 and Dynamics CRM Online'],
        [{ category: 'technical', product: 'ems', description: 'Intune enrolment fails' }, 'Enterprise Mobility + Security'],
        [{ category: 'technical', product: 'ems', description: 'Azure AD Premium PIM activation fails' }, 'Enterprise Mobility + Security'],
    ];
    for (const [facts, expected] of cases) {
        it(`${facts.category}/${facts.product} "${facts.description ?? ''}" → ${expected}`, () => {
            assert.equal(chooseSupportTopic(topics, facts)?.id, byName(expected));
        });
    }

    it('finds nothing for a technical case with no product, and honours overrides', () => {
        assert.equal(chooseSupportTopic(topics, { category: 'technical', product: 'unknown', description: 'nothing works' }), undefined);
        assert.equal(chooseSupportTopic(topics, { category: 'technical', product: 'unknown' }, { technical: byName('Partner Center Issues') })?.name, 'Partner Center Issues');
        assert.throws(() => chooseSupportTopic(topics, { category: 'technical', product: 'azure' }, { technical: '999' }), ServiceRequestInputError);
    });
});
