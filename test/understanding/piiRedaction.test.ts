import assert from 'node:assert/strict';
import { ibanChecksumOk, looksLikeKey, luhnOk, redactPii, type PiiKind } from '../../src/understanding/piiRedaction';

/** [input, expected redacted text] */
type Case = [string, string];

function check(cases: Case[]): void {
    for (const [input, expected] of cases) {
        it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
            const once = redactPii(input);
            assert.equal(once.text, expected);
            assert.equal(redactPii(once.text).text, once.text, 'redacting twice = once');
        });
    }
}

describe('local PII redaction', () => {
    describe('e-mail addresses', () =>
        check([
            ['please reply to jane.doe+csp@contoso.onmicrosoft.com.', 'please reply to [email].'],
            ['mi correo es josé.garcía@correo.es', 'mi correo es [email]'],
            ['meu e-mail: joao_silva@empresa.com.br', 'meu e-mail: [email]'],
            ['моя почта ivan.petrov@yandex.ru, спасибо', 'моя почта [email], спасибо'],
            ['the @admin team and user@localhost', 'the @admin team and user@localhost'],
        ]));

    describe('phone numbers', () =>
        check([
            // English / US
            ['call me at (425) 555-0100 please', 'call me at [phone] please'],
            ['my number is 425-555-0100 or 1-800-642-7676', 'my number is [phone] or [phone]'],
            ['phone: +1 425 555 0100', 'phone: [phone]'],
            ['Phone 425.555.0100', 'Phone [phone]'],
            // Spanish
            ['mi móvil es +34 612 345 678', 'mi móvil es [phone]'],
            ['llámame al 612 34 56 78', 'llámame al [phone]'],
            ['teléfono fijo 91 123 45 67', 'teléfono fijo [phone]'],
            ['mi móvil: 612345678', 'mi móvil: [phone]'],
            ['0034 612 345 678', '[phone]'],
            // Brazilian Portuguese
            ['meu celular (11) 98765-4321', 'meu celular [phone]'],
            ['telefone +55 11 98765-4321, ou fixo 11 3456-7890', 'telefone [phone], ou fixo [phone]'],
            ['whatsapp 11987654321', 'whatsapp [phone]'],
            // Russian
            ['мой телефон +7 912 345-67-89', 'мой телефон [phone]'],
            ['звоните 8 (912) 345-67-89', 'звоните [phone]'],
            ['тел. 89123456789', 'тел. [phone]'],
        ]));

    describe('things that look like numbers but are not phones', () =>
        check([
            ['since 2026-11-21 10:30 nothing works', 'since 2026-11-21 10:30 nothing works'],
            ['desde el 21/11/2026 a las 10:30:00', 'desde el 21/11/2026 a las 10:30:00'],
            ['desde 21.11.2026, chamado SR-2026-000123', 'desde 21.11.2026, chamado SR-2026-000123'],
            ['с 21.11.2026 ошибка 0x80070005 и AADSTS50076', 'с 21.11.2026 ошибка 0x80070005 и AADSTS50076'],
            ['ticket SR-2026-000123 was opened 2026-11-21T10:30:00Z', 'ticket SR-2026-000123 was opened 2026-11-21T10:30:00Z'],
            ['we bought 250 licences for 12 users in 2026', 'we bought 250 licences for 12 users in 2026'],
            ['Windows version 10.0.19045.1234', 'Windows version 10.0.19045.1234'],
        ]));

    describe('version numbers are not IP addresses, in four languages', () =>
        check([
            ['build 10.0.0.1 fails', 'build 10.0.0.1 fails'],
            ['la versión 10.0.0.1 falla', 'la versión 10.0.0.1 falla'],
            ['a versão 10.0.0.1 falha', 'a versão 10.0.0.1 falha'],
            ['версия 10.0.0.1, сборка 10.0.0.2', 'версия 10.0.0.1, сборка 10.0.0.2'],
            ['el servidor 10.0.0.1 no responde', 'el servidor [ip] no responde'],
        ]));

    describe('payment cards (Luhn)', () =>
        check([
            ['card 4111 1111 1111 1111 thanks', 'card [card] thanks'],
            ['card 4111 1111 1111 1112 thanks', 'card 4111 1111 1111 1112 thanks'],
            ['mi tarjeta 4111-1111-1111-1111', 'mi tarjeta [card]'],
            ['cartão 5555555555554444 recusado', 'cartão [card] recusado'],
            ['карта 5555 5555 5555 4444', 'карта [card]'],
            ['amex 3782 822463 10005', 'amex [card]'],
            ['order number 1234567890123456', 'order number 1234567890123456'],
        ]));

    describe('IBAN (mod-97)', () =>
        check([
            ['IBAN ES91 2100 0418 4502 0005 1332 gracias', 'IBAN [iban] gracias'],
            ['IBAN ES91 2100 0418 4502 0005 1333', 'IBAN ES91 2100 0418 4502 0005 1333'],
            ['conta BR1800360305000010009795493C1 ok', 'conta [iban] ok'],
            ['pay to GB82 WEST 1234 5698 7654 32.', 'pay to [iban].'],
        ]));

    describe('IP addresses', () =>
        check([
            ['the VM at 10.1.2.3 cannot reach 192.168.100.254', 'the VM at [ip] cannot reach [ip]'],
            ['IPv6 2001:db8::8a2e:370:7334 and ::1', 'IPv6 [ip] and [ip]'],
            ['at 10:30:00 the MAC 00:1A:2B:3C:4D:5E', 'at 10:30:00 the MAC 00:1A:2B:3C:4D:5E'],
        ]));

    describe('secrets', () =>
        check([
            ['password: hunter2! please reset', 'password: [secret] please reset'],
            ['mi contraseña: Pa$$w0rd', 'mi contraseña: [secret]'],
            ['minha senha: abc123', 'minha senha: [secret]'],
            ['мой пароль: секрет123', 'мой пароль: [secret]'],
            ['Server=tcp:db;User ID=sa;Password=S3cr3t!;', 'Server=tcp:db;User ID=sa;Password=[secret];'],
            [
                'DefaultEndpointsProtocol=https;AccountName=foo;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net',
                'DefaultEndpointsProtocol=https;AccountName=foo;AccountKey=[secret];EndpointSuffix=core.windows.net',
            ],
            [
                'token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c ok',
                'token [secret] ok',
            ],
            ['key 3f8a9c2e7b1d4f6a0e5c9b8d7a2f1e4c', 'key [secret]'],
            ['client secret 8Q~xYz12AbCdEfGhIjKlMnOpQrStUvWxYz3456', 'client secret [secret]'],
            ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789', 'Authorization: Bearer [secret]'],
            ['resource group rg-contoso-production-westeurope-001', 'resource group rg-contoso-production-westeurope-001'],
            ['MicrosoftAzureResourceManagerProviderRegistration failed', 'MicrosoftAzureResourceManagerProviderRegistration failed'],
        ]));

    describe('ids support needs stay', () =>
        check([
            ['tenant 72f988bf-86f1-41af-91ab-2d7cd011db47', 'tenant 72f988bf-86f1-41af-91ab-2d7cd011db47'],
            ['suscripción {0F8FAD5B-D9CB-469F-A165-70867728950E}', 'suscripción {0F8FAD5B-D9CB-469F-A165-70867728950E}'],
            [
                '/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/rg01/providers/Microsoft.Storage',
                '/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/rg01/providers/Microsoft.Storage',
            ],
        ]));

    it('reports kinds and offsets in the original text', () => {
        const input = 'mail a@b.co, tel +34 612 345 678, card 4111111111111111, ip 10.0.0.1, password: x';
        const { found } = redactPii(input);
        const kinds: PiiKind[] = found.map((f) => f.kind);
        assert.deepEqual(kinds, ['email', 'phone', 'card', 'ip', 'secret']);
        assert.deepEqual(
            found.map((f) => input.slice(f.start, f.end)),
            ['a@b.co', '+34 612 345 678', '4111111111111111', '10.0.0.1', 'x'],
        );
    });

    it('mixed message in several languages is idempotent', () => {
        const input =
            'Hola, soy Ana (ana@contoso.es, +34 612 345 678). Tenant 72f988bf-86f1-41af-91ab-2d7cd011db47, SR-2026-000123, ' +
            'AADSTS50076 desde 2026-11-21. Cartão 4111 1111 1111 1111, IBAN ES91 2100 0418 4502 0005 1332, пароль: qwerty, IP 10.0.0.7';
        const once = redactPii(input);
        assert.equal(
            once.text,
            'Hola, soy Ana ([email], [phone]). Tenant 72f988bf-86f1-41af-91ab-2d7cd011db47, SR-2026-000123, ' +
                'AADSTS50076 desde 2026-11-21. Cartão [card], IBAN [iban], пароль: [secret], IP [ip]',
        );
        const twice = redactPii(once.text);
        assert.equal(twice.text, once.text);
        assert.deepEqual(twice.found, []);
    });

    it('items glued together are still idempotent (seeded random combinations)', () => {
        const parts = [
            'ana@contoso.com', '+34 612 345 678', '(11) 98765-4321', '+7 912 345-67-89', '4111 1111 1111 1111', '4111 1111 1111 1112',
            'ES91 2100 0418 4502 0005 1332', '10.0.0.1', '2001:db8::1', 'password: x1', 'пароль: qwerty,', 'SR-2026-000123', '2026-11-21',
            '72f988bf-86f1-41af-91ab-2d7cd011db47', 'AADSTS50076', '0x80070005', 'tel', 'móvil', ',', '(', ')', '-', '12', '2026',
        ];
        let seed = 42;
        const next = (n: number): number => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        for (let i = 0; i < 1500; i++) {
            let input = '';
            for (let j = 0, n = 1 + next(6); j < n; j++) input += (parts[next(parts.length)] as string) + (next(10) < 7 ? ' ' : '');
            const once = redactPii(input).text;
            assert.equal(redactPii(once).text, once, `not idempotent for ${JSON.stringify(input)}`);
        }
        assert.equal(redactPii('IBAN ES91 2100 0418 4502 0005 1332+7 912 345-67-89').text, 'IBAN [iban][phone]');
    });

    it('empty and plain text pass through', () => {
        assert.deepEqual(redactPii(''), { text: '', found: [] });
        assert.deepEqual(redactPii('Outlook no sincroniza'), { text: 'Outlook no sincroniza', found: [] });
    });

    it('checksum helpers', () => {
        assert.equal(luhnOk('4111111111111111'), true);
        assert.equal(luhnOk('4111111111111112'), false);
        assert.equal(ibanChecksumOk('ES9121000418450200051332'), true);
        assert.equal(ibanChecksumOk('ES9121000418450200051333'), false);
        assert.equal(looksLikeKey('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq'), true);
        assert.equal(looksLikeKey('rg-contoso-production-westeurope-001'), false);
    });
});
