import assert from 'node:assert/strict';
import { impactReader, rememberRecent } from '../../src/bot/createBot';
import { TrainedClassifier } from '../../src/understanding/model/trainedClassifier';

describe('free-text impact answers (word lists, then the trained severity head)', () => {
    const read = impactReader(TrainedClassifier.load(), 0.55);
    const cases: Array<[string, string | undefined]> = [
        ['production is down for everyone', 'critical'],
        ['our whole sales floor is stuck, we cannot invoice anyone', 'critical'],
        ['three people in accounting are affected', 'moderate'],
        ['toda la oficina está sin correo', 'critical'],
        ['у бухгалтерии не работает', 'moderate'],
        ['solo a mí, no es urgente', 'minimal'],
        ['banana', undefined],
    ];
    for (const [text, impact] of cases) it(`"${text}" → ${impact ?? 'ask again'}`, () => assert.equal(read(text), impact));
});

describe('rememberRecent', () => {
    it('classifies the same first message once, and a new message again', async () => {
        const inner = new TrainedClassifierCounter();
        const memo = rememberRecent(inner);
        await memo.classify('Outlook is down');
        await memo.classify('Outlook is down');
        await memo.classify('Teams is down');
        assert.equal(inner.calls, 2);
    });
});

class TrainedClassifierCounter {
    calls = 0;
    private readonly model = TrainedClassifier.load();
    async classify(text: string) {
        this.calls++;
        return this.model.classifySync(text);
    }
}
