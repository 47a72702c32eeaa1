import assert from 'node:assert/strict';
import type { Category, Kind, Product } from '../../src/policy/types';
import { parseTypedRating, recognizeCategory, recognizeKind, recognizeProduct, recognizeYesNo, saysNoPlan } from '../../src/understanding/answers';

describe('typed answers to the intake questions, in four languages', () => {
    const products: Array<[string, Product | undefined]> = [
        ['mailbox', 'microsoft365'],
        ['buzón de correo', 'microsoft365'],
        ['caixa de correio', 'microsoft365'],
        ['почтовый ящик', 'microsoft365'],
        ['acceso condicional', 'ems'],
        ['условный доступ', 'ems'],
        ["I don't know", 'unknown'],
        ['no sé', 'unknown'],
        ['não sei', 'unknown'],
        ['не знаю', 'unknown'],
        ['banana', undefined],
    ];
    for (const [text, expected] of products) it(`"${text}" → product ${expected ?? '(ask again)'}`, () => assert.equal(recognizeProduct(text), expected));

    const categories: Array<[string, Category | undefined]> = [
        ['billing', 'commercial'],
        ['facturación', 'commercial'],
        ['cobrança', 'commercial'],
        ['коммерческий', 'commercial'],
        ['tech', 'technical'],
        ['técnico', 'technical'],
        ['técnica', 'technical'],
        ['технический', 'technical'],
        ['both technical and commercial', undefined],
    ];
    for (const [text, expected] of categories) it(`"${text}" → category ${expected ?? '(ask again)'}`, () => assert.equal(recognizeCategory(text), expected));

    const kinds: Array<[string, Kind | undefined]> = [
        ['not working', 'break-fix'],
        ['roto', 'break-fix'],
        ['não funciona', 'break-fix'],
        ['сломался', 'break-fix'],
        ['a how-to question', 'advisory'],
        ['una consulta', 'advisory'],
        ['uma dúvida', 'advisory'],
        ['вопрос', 'advisory'],
        ['a question: it is broken', undefined],
    ];
    for (const [text, expected] of kinds) it(`"${text}" → kind ${expected ?? '(ask again)'}`, () => assert.equal(recognizeKind(text), expected));

    const yesNo: Array<[string, 'yes' | 'no' | undefined]> = [
        ['yes', 'yes'],
        ['sí', 'yes'],
        ['Sim.', 'yes'],
        ['верно', 'yes'],
        ['nope', 'no'],
        ['no', 'no'],
        ['não', 'no'],
        ['неверно', 'no'],
        ['maybe', undefined],
    ];
    for (const [text, expected] of yesNo) it(`"${text}" → ${expected ?? '(ask again)'}`, () => assert.equal(recognizeYesNo(text), expected));
});

describe('typed ratings after a chat with an agent', () => {
    const ratings: Array<[string, number | undefined]> = [
        ['5', 5],
        ['4/5', 4],
        ['3 stars', 3],
        ['4 estrellas', 4],
        ['2 estrelas', 2],
        ['5 звезд', 5],
        ['1 звезда', 1],
        ['5 STARS', 5],
        ['6', undefined],
        ['0 stars', undefined],
        ['thanks, 5 stars', undefined],
        ['gracias', undefined],
    ];
    for (const [text, expected] of ratings) it(`"${text}" → ${expected ?? 'not a rating'}`, () => assert.equal(parseTypedRating(text), expected));
});

describe('"no support plan" answers', () => {
    const answers: Array<[string, boolean]> = [
        ['none', true],
        ['N/A', true],
        ["I don't have one", true],
        ['ninguno', true],
        ['Nenhum', true],
        ['нет', true],
        ['no', true],
        ['PLAN-12345', false],
        ['ninguno que yo sepa', false],
        ['нет плана', false],
    ];
    for (const [text, expected] of answers) it(`"${text}" ${expected ? 'says' : 'does not say'} there is no plan`, () => assert.equal(saysNoPlan(text), expected));
});
