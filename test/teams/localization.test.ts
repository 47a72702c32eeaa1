import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { languageFiles } from '../../scripts/teams/localization';
import { detectInterruption, type Interruption } from '../../src/understanding/intents';
import { root, sample, SAMPLE } from './appPackageFixture';

const APP_PACKAGE = path.join(root, 'appPackage');
const LANGUAGES = ['es', 'pt-BR', 'ru'];

describe('the Teams app in Spanish, Brazilian Portuguese and Russian (localizationInfo)', () => {
    it('ships one language file per language, each valid against Microsoft\'s localization schema 1.30 and fully translated', () => {
        const { files, problems } = languageFiles(sample(), '1.30', APP_PACKAGE, SAMPLE);
        assert.deepEqual(problems, []);
        assert.deepEqual(files.map((f) => f.languageTag), LANGUAGES);
        for (const file of files) {
            const strings = JSON.parse(file.data.toString('utf8')) as Record<string, string>;
            assert.ok(strings['name.full']?.includes(SAMPLE.PARTNER_NAME), `${file.name}: the partner's name is filled in`);
            assert.notEqual(strings['description.short'], 'Get help with Azure, Microsoft 365, Dynamics 365 and EMS from your partner');
        }
    });

    it('a command picked from the menu in any language is the command the bot understands', () => {
        const english = sample().bots[0]!.commandLists[0]!.commands.map((c) => detectInterruption(c.title));
        assert.deepEqual(english, ['help', 'restart', 'cancel']);
        for (const { name, data } of languageFiles(sample(), '1.30', APP_PACKAGE, SAMPLE).files) {
            const strings = JSON.parse(data.toString('utf8')) as Record<string, string>;
            const localized: Array<Interruption | null> = english.map((_, i) => detectInterruption(strings[`bots[0].commandLists[0].commands[${i}].title`] ?? ''));
            assert.deepEqual(localized, english, name);
        }
    });

    describe('names the file and the field when a language file', () => {
        let dir: string;
        beforeEach(() => {
            dir = mkdtempSync(path.join(tmpdir(), 'teams-languages-'));
            for (const tag of LANGUAGES) copyFileSync(path.join(APP_PACKAGE, `${tag}.json`), path.join(dir, `${tag}.json`));
        });
        afterEach(() => rmSync(dir, { recursive: true, force: true }));
        const edit = (file: string, change: (strings: Record<string, unknown>) => void): void => {
            const strings = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
            change(strings);
            writeFileSync(path.join(dir, file), JSON.stringify(strings));
        };

        it('is missing, breaks a schema limit, lacks a translation or names another schema', () => {
            rmSync(path.join(dir, 'ru.json'));
            edit('es.json', (s) => {
                s['name.short'] = 'Mesa de soporte en la nube de Contoso';
                delete s['bots[0].commandLists[0].commands[2].description'];
            });
            edit('pt-BR.json', (s) => {
                s.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.Localization.schema.json';
                s['bots[0].commandLists[0].commands[0].titel'] = 'ajuda';
            });
            const { problems } = languageFiles(sample(), '1.30', dir, SAMPLE);
            assert.deepEqual(problems, [
                'es.json (es): name.short: must be at most 30 characters (it has 37)',
                'es.json (es): bots[0].commandLists[0].commands[2].description: is missing (every language translates it)',
                'pt-BR.json (pt-BR): bots[0].commandLists[0].commands[0].titel: is not a property the manifest schema knows (misspelt, or from another schema version?)',
                'pt-BR.json (pt-BR): $schema: must be https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json, the localization schema of manifestVersion 1.30',
                `ru.json (ru): is listed in localizationInfo but missing from ${dir}`,
            ]);
        });
    });
});
