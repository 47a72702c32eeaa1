import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { intentCorpusFiles, loadIntentCorpus } from '../../scripts/training/intentCorpus';
import { DEFAULT_INTENT_TRAIN_OPTIONS } from '../../scripts/training/intentTrainOptions';
import { recognizeRows } from '../../scripts/training/intentPairs';
import { serializeModel } from '../../scripts/training/serializeModel';
import { isDev } from '../../scripts/training/split';
import { trainIntentModel } from '../../scripts/training/trainIntentModel';
import { accuracy, precision } from '../../scripts/evalMetrics';
import { projectRoot } from '../../src/paths';
import type { Language } from '../../src/policy/types';
import type { IntentLabel } from '../../src/understanding/intentLabels';
import { IntentRecognizer } from '../../src/understanding/intentRecognizer';
import { INTENT_MODEL_PATH, IntentModel } from '../../src/understanding/model/intentModel';

/** [expected intent, message, switch target]. Written for this test, not taken from the corpus, except the issue's own examples. */
type Case = [IntentLabel, string, Language?];

const CASES: Record<Language, Case[]> = {
    en: [
        ['phone', 'could someone give me a ring this afternoon?'],
        ['phone', "what's your phone number?"],
        ['phone', 'Can we talk on the phone instead?'],
        ['phone', 'please call me on 020 7946 0000'],
        ['status', 'any news on SR-2026-004512?'],
        ['status', "what's happening with my case from Monday"],
        ['status', 'is someone working on my ticket?'],
        ['switch', 'can we continue in Spanish please', 'es'],
        ['switch', 'could you answer me in Russian?', 'ru'],
        ['switch', 'Portuguese please', 'pt'],
        ['switch', 'can we do this in english', 'en'],
        ['frustration', "THIS IS THE THIRD TIME I'M ASKING"],
        ['frustration', 'you are completely useless'],
        ['frustration', 'great, another pointless question!!!'],
        ['correction', 'sorry, I meant Exchange, not SharePoint'],
        ['correction', "no, you misunderstood, it's about billing not the login"],
        ['multi-problem', 'two issues: the VPN drops every hour and we were billed twice'],
        ['multi-problem', 'Outlook keeps crashing and separately I need a copy of an invoice'],
        ['person', "I'd like to talk to a real person please"],
        ['person', 'can you put me through to an engineer?'],
        ['none', 'our Teams Phone numbers stopped working this morning'],
        ['none', "change Outlook's language to Spanish"],
        ['none', 'the Authenticator app on my phone keeps crashing'],
        ['none', "I can't hear anything on the phone during Teams calls"],
        ['none', 'switch our subscription to annual billing'],
        ['none', 'the service status page shows an incident for Exchange'],
        ['none', "Outlook won't start. It shows a profile error."],
    ],
    es: [
        ['phone', '¿me podéis llamar al móvil esta tarde?'],
        ['phone', '¿cuál es vuestro número de teléfono de soporte?'],
        ['status', '¿cómo va mi caso SR-2026-000999?'],
        ['status', '¿hay novedades de mi incidencia?'],
        ['switch', '¿podemos hablar en inglés?', 'en'],
        ['switch', 'prefiero que me atiendan en español', 'es'],
        ['switch', 'escríbeme en portugués, por favor', 'pt'],
        ['frustration', 'ESTO NO FUNCIONA NUNCA'],
        ['frustration', 'qué servicio más inútil'],
        ['frustration', 'estoy harto de repetir lo mismo!!!'],
        ['correction', 'perdón, quise decir Intune, no Entra'],
        ['correction', 'no, me equivoqué: son 20 licencias'],
        ['multi-problem', 'tengo dos problemas: no me llega el correo y la factura está mal'],
        ['multi-problem', 'por un lado Teams va lento y por otro no puedo entrar a SharePoint'],
        ['person', 'quiero hablar con una persona, por favor'],
        ['person', 'pásame con un técnico'],
        ['none', 'los números de Teams Phone no reciben llamadas'],
        ['none', '¿cómo cambio el idioma de Teams a inglés?'],
        ['none', 'quiero cambiar la suscripción a pago anual'],
        ['none', 'el Authenticator de mi teléfono no muestra códigos'],
    ],
    pt: [
        ['phone', 'vocês podem me ligar amanhã?'],
        ['phone', 'qual o telefone do suporte de vocês?'],
        ['status', 'alguma novidade do chamado SR-2026-000555?'],
        ['status', 'qual a situação do meu chamado?'],
        ['switch', 'pode ser em português?', 'pt'],
        ['switch', 'dá pra falar em inglês?', 'en'],
        ['switch', 'responde em espanhol por favor', 'es'],
        ['frustration', 'que atendimento horrível'],
        ['frustration', 'VOCÊS NÃO RESOLVEM NADA'],
        ['frustration', 'já falei isso três vezes!!!'],
        ['correction', 'me enganei, é o SharePoint e não o OneDrive'],
        ['correction', 'quis dizer fatura, não boleto'],
        ['multi-problem', 'duas coisas: o outlook não abre e a fatura veio errada'],
        ['multi-problem', 'o teams trava e além disso preciso de mais licenças'],
        ['person', 'quero falar com um atendente humano'],
        ['person', 'me transfere pra um técnico por favor'],
        ['none', 'os números do Teams Phone pararam de funcionar'],
        ['none', 'como mudo o idioma do outlook pra inglês?'],
        ['none', 'dá pra passar nossa assinatura do mensal pro anual?'],
        ['none', 'o Authenticator do meu celular não abre'],
    ],
    ru: [
        ['phone', 'перезвоните мне, пожалуйста'],
        ['phone', 'какой у вас номер телефона поддержки?'],
        ['status', 'какой статус у заявки SR-2026-000321?'],
        ['status', 'есть новости по моей заявке?'],
        ['switch', 'можно по-русски?', 'ru'],
        ['switch', 'давайте перейдем на английский', 'en'],
        ['switch', 'ответьте на испанском, пожалуйста', 'es'],
        ['frustration', 'ЭТО УЖЕ ПЕРЕБОР'],
        ['frustration', 'бесполезная поддержка'],
        ['frustration', 'сколько можно ждать!!!'],
        ['correction', 'я имел в виду Exchange, а не Teams'],
        ['correction', 'поправка: пользователей 30, а не 3'],
        ['multi-problem', 'две проблемы: не приходит почта и счет неправильный'],
        ['multi-problem', 'во-первых, тормозит VPN, во-вторых, нужны лицензии'],
        ['person', 'соедините меня с живым человеком'],
        ['person', 'хочу поговорить с оператором'],
        ['none', 'перестали работать номера Teams Phone'],
        ['none', 'как поменять язык аутлука на английский?'],
        ['none', 'хотим перевести подписку на годовую оплату'],
        ['none', 'Authenticator на телефоне не показывает коды'],
    ],
};

const modelFile = path.join(projectRoot(), INTENT_MODEL_PATH);

describe('IntentRecognizer (committed intents.json)', () => {
    let intents: IntentRecognizer;
    before(() => {
        intents = IntentRecognizer.load();
    });

    it(`loads the committed model (${(statSync(modelFile).size / 1024).toFixed(0)} KB)`, () => {
        assert.ok(statSync(modelFile).size < 1024 * 1024, 'intents.json stays under 1 MB');
        assert.doesNotThrow(() => IntentModel.fromJson(JSON.parse(readFileSync(modelFile, 'utf8'))));
    });

    for (const [language, cases] of Object.entries(CASES)) {
        describe(language, () => {
            for (const [intent, text, target] of cases) {
                it(`"${text}" → ${intent}${target ? ` (${target})` : ''}`, () => {
                    const r = intents.recognize(text);
                    assert.equal(r.intent, intent);
                    assert.equal(r.switchTo, target);
                    assert.ok(r.confidence > 0 && r.confidence <= 1, `confidence ${r.confidence}`);
                });
            }
        });
    }

    describe('frustration score', () => {
        it('is high for insults, shouting and "!!!", low for a calm message, in every language', () => {
            const calm = ['Outlook does not open on my laptop', 'el correo no llega desde ayer', 'o teams não abre no celular', 'не приходит почта'];
            const angry = ['useless bot', 'ESTO ES UNA VERGÜENZA', 'já expliquei três vezes!!!', 'да вы издеваетесь?!'];
            for (const text of calm) assert.ok(intents.frustrationScore(text) < 0.3, `${text}: ${intents.frustrationScore(text)}`);
            for (const text of angry) assert.ok(intents.frustrationScore(text) > 0.7, `${text}: ${intents.frustrationScore(text)}`);
        });

        it('is reported whatever the intent: an angry request for a call is a phone request, still angry', () => {
            const r = intents.recognize('CALL ME BACK NOW!!!');
            assert.equal(r.intent, 'phone');
            assert.ok(r.frustration > 0.7, `frustration ${r.frustration}`);
        });
    });

    describe('bad input never throws', () => {
        const inputs: unknown[] = ['', '   ', '😀🎉🔥', '!!!???', 'lorem ipsum dolor sit amet '.repeat(800), 'Guten Tag, ich möchte mit jemandem sprechen', undefined, null, 42];
        for (const input of inputs) {
            it(String(input).slice(0, 30) || JSON.stringify(input), () => {
                const r = intents.recognize(input as string);
                assert.ok(r.intent === 'none' || typeof r.intent === 'string');
                assert.ok(Number.isFinite(r.confidence) && Number.isFinite(r.frustration));
            });
        }
        it('empty text is none', () => assert.equal(intents.recognize('').intent, 'none'));
    });

    it('a missing or foreign model file fails with a named error', () => {
        assert.throws(() => IntentRecognizer.load('/nonexistent/intents.json'), /^Error: IntentModel\.load\(\): cannot read/);
        assert.throws(() => IntentModel.fromJson(JSON.parse(readFileSync(path.join(projectRoot(), 'src', 'understanding', 'model', 'model.json'), 'utf8'))), /IntentModel\.fromJson\(\)/);
    });

    describe('measured on the dev split (sanity floors; `npm run eval:intents` prints the figures)', () => {
        it('accuracy is at least 0.88, and phone, switch and person are predicted with precision at least 0.9', () => {
            const dev = loadIntentCorpus(intentCorpusFiles(projectRoot())).filter((r) => isDev(r.text));
            const pairs = recognizeRows(intents, dev);
            assert.ok(accuracy(pairs) >= 0.88, `accuracy ${accuracy(pairs)}`);
            for (const intent of ['phone', 'switch', 'person']) assert.ok(precision(pairs, intent) >= 0.9, `${intent} precision ${precision(pairs, intent)}`);
        });
    });

    describe('training', () => {
        it('is deterministic, and the committed intents.json is what `npm run train` makes of the corpus and the packs', () => {
            const train = loadIntentCorpus(intentCorpusFiles(projectRoot())).filter((r) => !isDev(r.text));
            const first = serializeModel(trainIntentModel(train, DEFAULT_INTENT_TRAIN_OPTIONS).model);
            const second = serializeModel(trainIntentModel(train, DEFAULT_INTENT_TRAIN_OPTIONS).model);
            assert.equal(first, second);
            assert.ok(first === readFileSync(modelFile, 'utf8'), 'intents.json is stale: run `npm run train` (or `npm run train:intents`)');
        });
    });
});
