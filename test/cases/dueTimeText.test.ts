import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { applyDueTime, deskNotice, dueSentence, soonerInEnglish, type DeskPromises } from '../../src/cases/dueTimeText';
import type { ClassifiedCase } from '../../src/cases/caseDraft';
import { loadConfig } from '../../src/config';
import { loadPartnerProfile, PartnerProfileSchema } from '../../src/partner/partnerProfile';
import type { Language, Severity } from '../../src/policy/types';

const example = loadPartnerProfile(loadConfig({})).profile;
const ZONE = 'Europe/Madrid';
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const breakFix = (severity: Severity, language: Language): ClassifiedCase => ({ intakeId: 'i', language, description: 'x', toAsk: [], category: 'technical', product: 'microsoft365', kind: 'break-fix', severity });
/** One-hour promises in every language, through a rota on duty every evening 18:00–24:00. */
const ONE_HOUR: DeskPromises = PartnerProfileSchema.parse({
    ...example,
    onCall: [{ id: 'evenings', name: { en: 'our evening team', es: 'nuestro equipo de tarde', pt: 'nossa equipe da noite', ru: 'наша вечерняя смена' }, hours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, [{ start: '18:00', end: '24:00' }]])) }],
    commitments: [{ kind: 'break-fix', severity: 'A', coverage: { onCall: 'evenings' }, hours: 1 }],
});

describe('due-time wording', () => {
    it('"within N hours" only when that is what the customer lives through; "business hours" when the clock stops', () => {
        const inside = breakFix('B', 'en');
        assert.equal(applyDueTime(inside, example, at('2026-11-24T10:00:00+01:00'), ZONE), 'Our first response is due within 4 hours, by Tue 24 Nov 2026, 14:00 (Europe/Madrid).');
        const spills = breakFix('B', 'en');
        assert.equal(applyDueTime(spills, example, at('2026-11-24T16:00:00+01:00'), ZONE), 'Our first response is due within 4 business hours, by Wed 25 Nov 2026, 11:00 (Europe/Madrid): our desk counts them while it is open.');
    });

    it('one hour is singular in every language', () => {
        const expected: Record<Language, RegExp> = { en: /within 1 hour, by/, es: /en un plazo de 1 hora, a más tardar/, pt: /em até 1 hora, ou seja/, ru: /в течение 1 ч — не позднее/ };
        for (const language of ['en', 'es', 'pt', 'ru'] as const) {
            const draft = breakFix('A', language);
            assert.match(applyDueTime(draft, ONE_HOUR, at('2026-11-24T20:00:00+01:00'), ZONE), expected[language], language);
        }
    });

    it('a stored ticket gets the same sentence from its creation time', () => {
        const draft = breakFix('C', 'en');
        const told = applyDueTime(draft, example, at('2026-11-24T21:56:00+01:00'), ZONE);
        assert.equal(dueSentence(ZONE, { ...draft, dueFrom: '2026-11-24T20:56:00.000Z' }, example), told);
        assert.match(told, /within 8 business hours, by Wed 25 Nov 2026, 17:00/);
    });
});

describe('out-of-hours notice', () => {
    const notice = (severity: Severity, language: Language, now: string, partner: DeskPromises = example) => {
        const draft = breakFix(severity, language);
        applyDueTime(draft, partner, at(now), ZONE);
        return deskNotice(ZONE, draft, partner, at(now));
    };

    it('says nothing while the desk is open', () => {
        assert.equal(notice('A', 'en', '2026-11-24T10:00:00+01:00'), '');
    });

    it('names the rota on duty now, or the time its duty starts, in the customer\'s language', () => {
        assert.equal(notice('A', 'es', '2026-11-24T20:00:00+01:00', ONE_HOUR), 'Nuestro servicio de soporte está cerrado ahora; abre el mié 25 nov 2026, 09:00 (Europe/Madrid). Mientras tanto, nuestro equipo de tarde atiende los tickets como el suyo.');
        assert.match(notice('A', 'pt', '2026-11-24T23:00:00+01:00', ONE_HOUR), /^Nosso suporte está fechado agora; abre qua\.? 25 nov\.? 2026, 09:00 \(Europe\/Madrid\)\. Até lá, nossa equipe da noite atende chamados como o seu\.$/);
        // Wednesday 07:00: the evening rota's next duty (18:00) is after the 09:00 opening, so nobody is named.
        assert.match(notice('A', 'pt', '2026-11-25T07:00:00+01:00', ONE_HOUR), /Até lá ninguém atende/);
        // Saturday 10:00: the evening rota comes on duty at 18:00, long before Monday's opening.
        assert.match(notice('A', 'ru', '2026-11-28T10:00:00+01:00', ONE_HOUR), /откроется пн 30 нояб\.? 2026, 09:00 \(Europe\/Madrid\)\. До открытия на такие заявки, как ваша, отвечает наша вечерняя смена — начиная с сб 28 нояб\.? 2026, 18:00/);
    });

    it('says nobody answers before the opening when no rota covers the case', () => {
        assert.equal(notice('C', 'en', '2026-11-24T21:56:00+01:00'), 'Our support desk is closed now; it opens Wed 25 Nov 2026, 09:00 (Europe/Madrid). Nobody answers before then; your ticket will be waiting for the desk.');
    });
});

describe('offering English', () => {
    it('only when English answers sooner: Saturday night yes (on-call), Tuesday morning no (both two hours)', () => {
        const saturday = breakFix('A', 'es');
        applyDueTime(saturday, example, at('2026-11-28T22:00:00+01:00'), ZONE);
        assert.equal(soonerInEnglish(saturday, example, at('2026-11-28T22:00:00+01:00')), 2);
        const tuesday = breakFix('A', 'es');
        applyDueTime(tuesday, example, at('2026-11-24T10:00:00+01:00'), ZONE);
        assert.equal(soonerInEnglish(tuesday, example, at('2026-11-24T10:00:00+01:00')), undefined);
    });
});
