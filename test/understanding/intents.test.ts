import assert from 'node:assert/strict';
import { detectInterruption, isGreeting, parseImpact, parseYesNo } from '../../src/understanding/intents';
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
