import assert from 'node:assert/strict';
import type { Impact } from '../../src/policy/types';
import { detectInterruption, isGreeting, isLeaveRequest, parseImpact, parseYesNo } from '../../src/understanding/intents';
import { KeywordClassifier } from '../../src/understanding/keywordClassifier';

describe('interruptions, greetings and answers', () => {
    const interruptions: Array<[string, ReturnType<typeof detectInterruption>]> = [
        ['help', 'help'],
        ['Help!', 'help'],
        ['cancel', 'cancel'],
        ['start over', 'restart'],
        ['Can I speak to a real person?', 'human'],
        ['I want to talk to an agent please', 'human'],
        ['do you have phone support?', 'phone'],
        ['please call me back', 'phone'],
        ['I need to cancel my subscription', null],
        ['Teams phone calls drop', null],
        ['help me, Outlook is down', null],
        ['', null],
    ];
    for (const [text, expected] of interruptions) {
        it(`"${text}" → ${expected ?? 'an ordinary message'}`, () => assert.equal(detectInterruption(text), expected));
    }

    it('greetings are not problem descriptions', () => {
        assert.equal(isGreeting('Hi there!'), true);
        assert.equal(isGreeting('good morning'), true);
        assert.equal(isGreeting('hi, outlook is broken'), false);
    });

    it('reads yes/no and impact from typed text', () => {
        assert.equal(parseYesNo("yes, that's right"), undefined);
        assert.equal(parseYesNo('Yes'), true);
        assert.equal(parseYesNo('nope'), false);
        assert.equal(parseImpact('production is down, nobody can work'), 'critical');
        assert.equal(parseImpact('only the finance team, partially'), 'moderate');
        assert.equal(parseImpact("just me, it's not urgent"), 'minimal');
        assert.equal(parseImpact('C'), 'minimal');
        assert.equal(parseImpact('no idea'), undefined);
    });
});

describe('interruptions, greetings and answers in four languages', () => {
    const interruptions: Array<[string, ReturnType<typeof detectInterruption>]> = [
        ['help me', 'help'],
        ['ayuda', 'help'],
        ['Ajuda!', 'help'],
        ['помогите', 'help'],
        ['never mind', 'cancel'],
        ['Cancelar.', 'cancel'],
        ['parar', 'cancel'],
        ['Отмена', 'cancel'],
        ['restart please', 'restart'],
        ['empezar de nuevo', 'restart'],
        ['começar de novo', 'restart'],
        ['начать заново', 'restart'],
        ['can I talk to a human?', 'human'],
        ['quiero hablar con una persona', 'human'],
        ['quero falar com um atendente', 'human'],
        ['позовите оператора', 'human'],
        ['is there telephone support?', 'phone'],
        ['¿tienen soporte telefónico?', 'phone'],
        ['vocês têm suporte por telefone?', 'phone'],
        ['позвоните мне, пожалуйста', 'phone'],
        ['cancelar la suscripción de Teams', null],
        ['помощь с лицензиями нужна срочно', null],
    ];
    for (const [text, expected] of interruptions) {
        it(`"${text}" → ${expected ?? 'an ordinary message'}`, () => assert.equal(detectInterruption(text), expected));
    }

    const greetings: Array<[string, boolean]> = [
        ['hello team', true],
        ['¡Buenos días!', true],
        ['Boa tarde', true],
        ['Добрый день!', true],
        ['hola, no me funciona Outlook', false],
        ['bom dia, o Teams caiu', false],
        ['привет, почта не работает', false],
    ];
    for (const [text, expected] of greetings) it(`"${text}" ${expected ? 'is' : 'is not'} a bare greeting`, () => assert.equal(isGreeting(text), expected));

    const yesNo: Array<[string, boolean | undefined]> = [
        ['yep', true],
        ['Sí', true],
        ['sim', true],
        ['Да', true],
        ['ok', true],
        ['not really', false],
        ['No.', false],
        ['Não', false],
        ['нет', false],
        ['quizás', undefined],
        ['talvez', undefined],
        ['может быть', undefined],
    ];
    for (const [text, expected] of yesNo) it(`"${text}" reads as ${String(expected)}`, () => assert.equal(parseYesNo(text), expected));

    const impacts: Array<[string, Impact | undefined]> = [
        ['Critical', 'critical'],
        ['crítico', 'critical'],
        ['crítica', 'critical'],
        ['критично', 'critical'],
        ['а', 'critical'],
        ['2', 'moderate'],
        ['moderada', 'moderate'],
        ['средний', 'moderate'],
        ['severity c', 'minimal'],
        ['mínimo', 'minimal'],
        ['низкий', 'minimal'],
        ['nadie puede trabajar', 'critical'],
        ['ninguém consegue trabalhar', 'critical'],
        ['работа стоит', 'critical'],
        ['some users, partly', 'moderate'],
        ['algunos usuarios', 'moderate'],
        ['um setor', 'moderate'],
        ['несколько пользователей', 'moderate'],
        ['solo yo', 'minimal'],
        ['sem pressa', 'minimal'],
        ['не горит', 'minimal'],
        ['todos los usuarios, pero no es urgente', undefined],
        ['constructor', undefined],
    ];
    for (const [text, expected] of impacts) it(`"${text}" → impact ${expected ?? 'unknown'}`, () => assert.equal(parseImpact(text), expected));

    const leaving: Array<[string, boolean]> = [
        ['leave', true],
        ['End chat', true],
        ['salir', true],
        ['SAIR', true],
        ['выйти', true],
        ['leave the queue', false],
        ['quiero salir de la cola', false],
        ['не выйти', false],
    ];
    for (const [text, expected] of leaving) it(`"${text}" ${expected ? 'leaves' : 'does not leave'} the chat`, () => assert.equal(isLeaveRequest(text), expected));
});

describe('Classifier contract (keyword classifier)', () => {
    const classifier = new KeywordClassifier();
    const inputs = ['', '😀😀😀', 'x'.repeat(20_000), 'Outlook не работает and la factura', 'Das Postfach ist voll', '\u0000\uffff'];
    for (const text of inputs) {
        it(`answers "${text.slice(0, 20)}…" with labels and confidences in [0, 1], never throwing`, async () => {
            const c = await classifier.classify(text);
            for (const scored of [c.language, c.category, c.product, c.kind]) {
                assert.ok(scored.confidence >= 0 && scored.confidence <= 1);
            }
        });
    }

    it('is unsure about the product of text that names none', async () => {
        const c = await classifier.classify('😀😀😀');
        assert.ok(c.product.label === 'unknown' || c.product.confidence < 0.55);
    });

    it('recognises clear cases', async () => {
        const c = await classifier.classify('Our invoice for Azure is wrong, we were charged twice');
        assert.equal(c.category.label, 'commercial');
        assert.equal(c.product.label, 'azure');
    });
});
