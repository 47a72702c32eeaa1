import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { projectRoot } from '../../src/paths';
import { corpusFiles, isDev, loadCorpus, type CorpusRow } from '../../scripts/training/split';
import { MODEL_PATH, TrainedClassifier } from '../../src/understanding/model/trainedClassifier';
import { serializeModel } from '../../scripts/training/serializeModel';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../../scripts/training/trainOptions';
import { trainModel } from '../../scripts/training/trainModel';
import { LinearModel } from '../../src/understanding/model/linearModel';
import { featurize } from '../../src/understanding/model/features';

describe('TrainedClassifier (committed model)', () => {
    let classifier: TrainedClassifier;
    let corpus: CorpusRow[];
    before(() => {
        classifier = TrainedClassifier.load();
        corpus = loadCorpus(corpusFiles(projectRoot()));
    });

    describe('training is deterministic', () => {
        it('training twice on the same small sample gives identical serialized models', () => {
            const sample = corpus.filter((_, i) => i % 20 === 0);
            const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: 3, calibrationFolds: 2, minDocs: 1, features: { ...DEFAULT_TRAIN_OPTIONS.features, hashBits: 14 } };
            const first = serializeModel(trainModel(sample, opts).model);
            const second = serializeModel(trainModel(sample, opts).model);
            assert.equal(first, second);
            assert.doesNotThrow(() => LinearModel.fromJson(JSON.parse(first)));
        });
    });

    describe('brand names past and present, through the service catalogue features', () => {
        const cases: Array<[string, string]> = [
            ['Microsoft Flow keeps failing since Monday', 'dynamics365'],
            ['Common Data Service tables are read-only', 'dynamics365'],
            ['Power Virtual Agents bot stopped answering', 'dynamics365'],
            ['O Copilot Studio não publica o agente', 'dynamics365'],
            ['Our Azure AD Premium conditional access policy blocks the sales team', 'ems'],
            ['Cloud App Security blocks downloads', 'ems'],
            ['Не работает Defender для конечной точки', 'ems'],
            ['Windows Virtual Desktop sessions disconnect', 'azure'],
            ['Azure Security Center shows high alerts', 'azure'],
            ['Yammer communities are empty', 'microsoft365'],
        ];
        for (const [text, product] of cases) it(`"${text}" → ${product}`, () => assert.equal(classifier.classifySync(text).product.label, product));

        it('the committed model uses them, and featurising adds them only when asked', () => {
            const model = JSON.parse(readFileSync(path.join(projectRoot(), MODEL_PATH), 'utf8')) as { features: { catalogueWeight?: number } };
            assert.ok((model.features.catalogueWeight ?? 0) > 0);
            const text = 'Microsoft Flow stopped';
            const without = featurize(text, { ...DEFAULT_TRAIN_OPTIONS.features, catalogueWeight: 0 }).vector.indices.length;
            const withThem = featurize(text, DEFAULT_TRAIN_OPTIONS.features).vector.indices.length;
            assert.equal(withThem, without + 2, 'svc:power-automate and svcp:dynamics365');
        });
    });

    describe('hard cases from LABELS.md, in every language', () => {
        const suspendedForNonPayment = [
            'Our whole team is locked out of Microsoft 365 this morning. The notice says the subscription was suspended because the last invoice is unpaid.',
            'Todo el equipo está bloqueado desde esta mañana, el aviso dice que la suscripción se suspendió porque la última factura está impagada.',
            'A empresa inteira está bloqueada desde hoje cedo, o aviso diz que a assinatura foi suspensa por falta de pagamento da fatura.',
            'С утра вся компания не может войти, в уведомлении сказано, что подписка приостановлена из-за неоплаченного счета.',
        ];
        const paidLicencesCannotSignIn = [
            'We pay for 30 licences and they are assigned in the admin center, but the users still cannot sign in to Outlook.',
            'Pagamos 30 licencias y están asignadas en el centro de administración, pero los usuarios siguen sin poder iniciar sesión en Outlook.',
            'Pagamos 30 licenças e elas estão atribuídas no centro de administração, mas os usuários continuam sem conseguir entrar no Outlook.',
            'Мы оплатили 30 лицензий, они назначены в центре администрирования, но пользователи все равно не могут войти в Outlook.',
        ];
        const vatInBusinessCentral = [
            'How should VAT be shown on the sales invoices we print from Business Central for customers in another EU country?',
            '¿Cómo configuro el IVA en las facturas de venta que emitimos desde Business Central para clientes de otro país de la UE?',
            'Como configuro o ICMS nas notas fiscais de venda que emitimos pelo Business Central?',
            'Как настроить НДС в счетах-фактурах, которые мы выставляем своим клиентам из Business Central?',
        ];
        const licenceToldWithMoneyWords = [
            "We're paying you for 40 Microsoft 365 licences and the staff still can't open Teams - what are we paying for?",
            'Os pagamos 40 licencias de Microsoft 365 y la plantilla sigue sin poder abrir Teams, ¿para qué pagamos?',
            'A gente paga 40 licenças do Microsoft 365 pra vocês e o pessoal continua sem abrir o Teams, tá pagando pra quê?',
            'Мы платим вам за 40 лицензий Microsoft 365, а сотрудники так и не могут открыть Teams. За что мы платим?',
        ];
        const adminHowToForAUser = [
            "A user's phone broke and she can't approve MFA prompts any more. How do I let her register her new phone?",
            'A una usuaria se le rompió el móvil y ya no puede aprobar el MFA. ¿Cómo hago para que registre el nuevo?',
            'O celular de uma usuária quebrou e ela não consegue mais aprovar o MFA. Como faço pra ela cadastrar o novo?',
            'У пользовательницы сломался телефон, и она не может подтверждать MFA. Как сделать, чтобы она зарегистрировала новый?',
        ];
        const phoneQuestionThenOutage = [
            'Can I phone someone? Outlook has stopped working for the whole office.',
            '¿Puedo llamar a alguien? Outlook ha dejado de funcionar en toda la oficina.',
            'Posso ligar pra alguém? O Outlook parou de funcionar no escritório todo.',
            'Можно кому-нибудь позвонить? Outlook перестал работать во всем офисе.',
        ];
        const langs = ['en', 'es', 'pt', 'ru'] as const;

        langs.forEach((lang, i) => {
            it(`${lang}: access suspended for non-payment is commercial`, () => {
                const c = classifier.classifySync(suspendedForNonPayment[i] as string);
                assert.equal(c.language.label, lang);
                assert.equal(c.category.label, 'commercial');
            });
            it(`${lang}: paid and assigned licences but no sign-in is technical Microsoft 365`, () => {
                const c = classifier.classifySync(paidLicencesCannotSignIn[i] as string);
                assert.equal(c.category.label, 'technical');
                assert.equal(c.product.label, 'microsoft365');
                assert.equal(c.kind.label, 'break-fix');
            });
            it(`${lang}: a licence that does not work, told with money words, is technical break-fix`, () => {
                const c = classifier.classifySync(licenceToldWithMoneyWords[i] as string);
                assert.equal(c.category.label, 'technical');
                assert.equal(c.product.label, 'microsoft365');
                assert.equal(c.kind.label, 'break-fix');
            });
            it(`${lang}: an admin asking how to re-register a user's MFA is advisory`, () => {
                const c = classifier.classifySync(adminHowToForAUser[i] as string);
                assert.equal(c.category.label, 'technical');
                assert.equal(c.product.label, 'ems');
                assert.equal(c.kind.label, 'advisory');
            });
            it(`${lang}: a phone question before an outage leaves it break-fix`, () => {
                const c = classifier.classifySync(phoneQuestionThenOutage[i] as string);
                assert.equal(c.category.label, 'technical');
                assert.equal(c.kind.label, 'break-fix');
            });
            it(`${lang}: VAT on Business Central invoices is technical advisory Dynamics 365`, () => {
                const c = classifier.classifySync(vatInBusinessCentral[i] as string);
                assert.equal(c.category.label, 'technical');
                assert.equal(c.product.label, 'dynamics365');
                assert.equal(c.kind.label, 'advisory');
                assert.equal(c.severity, null);
            });
        });
    });

    describe('bad input never throws and gets low confidence', () => {
        const cases: Array<[string, string]> = [
            ['empty', ''],
            ['only emoji', '😀🎉🔥👍'],
            ['20,000 characters of filler', 'lorem ipsum dolor sit amet '.repeat(750)],
            ['German', 'Guten Tag, ich habe eine Frage zu unserer Rechnung vom letzten Monat, bitte melden Sie sich bei mir.'],
            ['German outage', 'Hallo, seit heute früh funktioniert bei uns nichts mehr, niemand kann arbeiten.'],
            ['Chinese', '我们的邮箱从今天早上开始无法登录，请尽快帮忙处理。'],
        ];
        for (const [name, text] of cases) {
            it(name, async () => {
                const c = await classifier.classify(text);
                assert.ok(c.category.confidence < 0.55, `category confidence ${c.category.confidence}`);
                assert.ok(c.product.confidence < 0.55, `product confidence ${c.product.confidence}`);
                assert.ok(c.language.confidence < 0.55, `language confidence ${c.language.confidence}`);
            });
        }

        it('text with no known words gets exactly uniform confidences and neutral labels', () => {
            const c = classifier.classifySync('😀🎉');
            assert.equal(c.category.confidence, 0.5);
            assert.equal(c.product.confidence, 0.2);
            assert.equal(c.product.label, 'unknown');
            assert.equal(c.severity, null);
        });

        it('long real text and mixed scripts still classify, quickly', () => {
            const started = Date.now();
            const long = classifier.classifySync('Outlook is down for everyone in the company. '.repeat(450));
            assert.equal(long.product.label, 'microsoft365');
            const mixed = classifier.classifySync('Outlook не работает, nobody can send mail, nada funciona 😡');
            assert.equal(mixed.category.label, 'technical');
            assert.ok(Date.now() - started < 1000);
        });

        it('non-string input does not throw', () => {
            assert.doesNotThrow(() => classifier.classifySync(undefined));
            assert.doesNotThrow(() => classifier.classifySync({ text: 'x' }));
        });

        it('a missing model file fails with a named error', () => {
            assert.throws(() => TrainedClassifier.load('/nonexistent/model.json'), /^Error: TrainedClassifier\.load\(\): cannot read/);
        });
    });

    describe('dev split', () => {
        it('category accuracy is at least 0.9 (sanity floor)', () => {
            const dev = corpus.filter((r) => isDev(r.text));
            assert.ok(dev.length > 400, `dev has ${dev.length} rows`);
            const correct = dev.filter((r) => classifier.classifySync(r.text).category.label === r.category).length;
            assert.ok(correct / dev.length >= 0.9, `accuracy ${correct / dev.length}`);
        });
    });
});
