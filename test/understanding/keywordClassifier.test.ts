import assert from 'node:assert/strict';
import type { Category, Kind, Language, Product, Severity } from '../../src/policy/types';
import { KeywordClassifier } from '../../src/understanding/keywordClassifier';

describe("the keyword classifier's cues in four languages", () => {
    const classifier = new KeywordClassifier();
    const cases: Array<[string, Language, Category, Product, Kind, Severity | null]> = [
        ['Our invoice for Azure is wrong, we were charged twice', 'en', 'commercial', 'azure', 'break-fix', null],
        ['La factura de Azure está mal, nos cobraron dos veces', 'es', 'commercial', 'azure', 'break-fix', null],
        ['A fatura do Azure veio errada, cobraram duas vezes', 'pt', 'commercial', 'azure', 'break-fix', null],
        ['Счет за Azure неправильный, списали дважды', 'ru', 'commercial', 'azure', 'break-fix', null],
        ['Outlook is not working for everyone, nobody can work', 'en', 'technical', 'microsoft365', 'break-fix', 'A'],
        ['Outlook no funciona, nadie puede trabajar en toda la empresa', 'es', 'technical', 'microsoft365', 'break-fix', 'A'],
        ['O Outlook não funciona, toda a empresa parada, ninguém consegue trabalhar', 'pt', 'technical', 'microsoft365', 'break-fix', 'A'],
        ['Почта не работает, никто не может работать, срочно', 'ru', 'technical', 'microsoft365', 'break-fix', 'A'],
        ['How can we set up conditional access for our users?', 'en', 'technical', 'ems', 'advisory', null],
        ['¿Cómo puedo configurar el acceso condicional?', 'es', 'technical', 'ems', 'advisory', null],
        ['Como configurar o acesso condicional?', 'pt', 'technical', 'ems', 'advisory', null],
        ['Как настроить условный доступ?', 'ru', 'technical', 'ems', 'advisory', null],
        ['Only me, the virtual machine is slow, not urgent', 'en', 'technical', 'azure', 'break-fix', 'C'],
        ['solo a mí, la máquina virtual va lenta, no es urgente', 'es', 'technical', 'azure', 'break-fix', 'C'],
        ['só comigo, as máquinas virtuais estão lentas, não é urgente', 'pt', 'technical', 'azure', 'break-fix', 'C'],
        ['только у меня виртуальная машина медленно работает, не срочно', 'ru', 'technical', 'azure', 'break-fix', 'C'],
    ];
    for (const [text, language, category, product, kind, severity] of cases) {
        it(`"${text}" → ${language}, ${category}, ${product}, ${kind}, severity ${severity ?? 'none'}`, () => {
            const c = classifier.classifySync(text);
            assert.deepEqual(
                [c.language.label, c.category.label, c.product.label, c.kind.label, c.severity?.label ?? null],
                [language, category, product, kind, severity],
            );
        });
    }
});
