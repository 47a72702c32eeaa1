import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatalogueFormatError, CATALOGUE_PATH, ServiceCatalogue, serviceCatalogue } from '../../src/catalogue';
import { projectRoot } from '../../src/paths';
import { PRODUCTS } from '../../src/policy/types';

const catalogue = serviceCatalogue();
const raw = (): Record<string, unknown> => JSON.parse(readFileSync(path.join(projectRoot(), CATALOGUE_PATH), 'utf8')) as Record<string, unknown>;

function loadEdited(edit: (file: { services: Array<Record<string, unknown>> }) => void): ServiceCatalogue {
    const file = raw() as { services: Array<Record<string, unknown>> };
    edit(file);
    const where = path.join(mkdtempSync(path.join(tmpdir(), 'catalogue-')), 'services.json');
    writeFileSync(where, JSON.stringify(file));
    return ServiceCatalogue.load(where);
}

describe('service catalogue (content/catalogue/services.json)', () => {
    it('lists at least 200 services, plans and brand names, each with a product, health names and a topic family', () => {
        assert.ok(catalogue.services.length >= 200, `${catalogue.services.length}`);
        for (const s of catalogue.services) {
            assert.ok((PRODUCTS as readonly string[]).includes(s.product), s.id);
            assert.ok(Array.isArray(s.health), s.id);
            assert.ok(s.topic.length > 0, s.id);
        }
        assert.ok(catalogue.services.filter((s) => s.renamedTo).length >= 10, 'old brand names point to the current ones');
    });

    it('rejects a malformed file with its name and the field', () => {
        assert.throws(() => loadEdited((f) => f.services.push({ ...f.services[0], names: ['Something New'] })), (err: Error) => err instanceof CatalogueFormatError && /duplicate service id/.test(err.message) && /services\.json/.test(err.message));
        assert.throws(() => loadEdited((f) => (f.services[1] = { ...f.services[1], family: 'no-such-family' })), /unknown family no-such-family/);
        assert.throws(() => loadEdited((f) => f.services.push({ id: 'copycat', family: 'teams', names: ['MS Teams'] })), /given to two services/);
    });

    const brands: Array<[string, string, string]> = [
        ['Our Azure AD sign-ins are blocked', 'azure-ad', 'ems'],
        ['Entra ID Governance access reviews for guests', 'entra-id-governance', 'ems'],
        ['the Flow that copies invoices stopped', 'microsoft-flow', 'dynamics365'],
        ['Common Data Service tables are gone', 'dataverse', 'dynamics365'],
        ['Power Virtual Agents bot does not answer', 'copilot-studio', 'dynamics365'],
        ['Dynamics CRM Online is slow', 'dynamics-crm-online', 'dynamics365'],
        ['we use Navision', 'dynamics-nav', 'dynamics365'],
        ['Office 365 E3 renewal', 'o365-e3', 'microsoft365'],
        ['Defender for Office 365 quarantined it', 'defender-office-365', 'microsoft365'],
        ['Defender for Endpoint onboarding', 'defender-endpoint', 'ems'],
        ['Azure Security Center alert', 'defender-for-cloud', 'azure'],
        ['Windows Virtual Desktop host pool', 'avd', 'azure'],
        ['Windows 365 Cloud PC', 'windows-365', 'microsoft365'],
        ['Azure Information Protection labels', 'aip', 'ems'],
        ['GitHub Copilot seats', 'github', 'azure'],
        ['no llega nada al buzón compartido', 'shared-mailbox', 'microsoft365'],
        ['el Escritorio Virtual de Azure no conecta', 'avd', 'azure'],
        ['Тимс не запускается', 'teams', 'microsoft365'],
        ['метки конфиденциальности не видны', 'purview-information-protection', 'ems'],
    ];
    for (const [text, id, product] of brands) {
        it(`"${text}" names ${id} (${product})`, () => {
            const found = catalogue.find(text);
            assert.equal(found[0]?.id, id);
            assert.equal(catalogue.productOf(text), product);
        });
    }

    it('old brand names lead to the current service', () => {
        assert.equal(catalogue.service('azure-ad')?.renamedTo, 'entra-id');
        assert.equal(catalogue.service('microsoft-flow')?.renamedTo, 'power-automate');
        assert.equal(catalogue.service('office-365')?.renamedTo, 'microsoft-365');
    });

    it('matches whole words only, ordinary words only where they are names as written', () => {
        assert.deepEqual(catalogue.find('our project has a word limit and a mail flow rule'), []);
        assert.deepEqual(catalogue.find('Word crashes when opening a Project plan').map((s) => s.id), ['word', 'project-online']);
        assert.deepEqual(catalogue.find('Teamsters union dues invoice'), []);
        assert.deepEqual(catalogue.find('severity P1, production down'), []);
    });

    it('tells which words of a text name each service, so guidance can weigh what the text asks apart from them', () => {
        const mentions = (text: string) => catalogue.mentions(text).map((m) => [m.value.id, m.words.join(' ')]);
        assert.deepEqual(mentions('The Teams Rooms console and Azure AD sign-in fail, Word too'), [
            ['teams-rooms', 'teams rooms'],
            ['azure-ad', 'azure ad'],
            ['word', 'word'],
        ]);
        assert.deepEqual(mentions('Тимс и Outlook не работают'), [
            ['teams', 'тимс'],
            ['outlook', 'outlook'],
        ]);
    });

    it('leaves suites and plans out of the specific families', () => {
        assert.deepEqual(catalogue.specificFamilies('Microsoft 365 Business Premium users cannot open SharePoint'), ['sharepoint']);
        assert.deepEqual(catalogue.specificFamilies('we have Microsoft 365 E3 and Dynamics 365'), []);
    });
});
