import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fillManifest } from '../../scripts/teams/placeholders';

/** The project root, where the package script runs. */
export const root = path.resolve(__dirname, '..', '..');
/** The committed manifest template, placeholders and all. */
export const template = readFileSync(path.join(root, 'appPackage/manifest.json'), 'utf8');
/** The committed icons. */
export const icons = { color: readFileSync(path.join(root, 'appPackage/color.png')), outline: readFileSync(path.join(root, 'appPackage/outline.png')) };

/** Placeholder values a partner might set. */
export const SAMPLE = {
    TEAMS_APP_ID: '0b6f5c1e-7a43-4d8e-9f21-3c5d7e9a1b24',
    BOT_ID: '11111111-2222-4333-8444-555555555555',
    DESK_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
    BOT_DOMAIN: 'bot.contoso.example',
    PARTNER_NAME: 'Contoso "Cloud" Services',
    PARTNER_WEBSITE: 'https://contoso-cloud.example',
};

/** The manifest fields the tests read or change. */
export interface Manifest {
    manifestVersion: string;
    name: { short: string };
    bots: Array<{ botId: string; commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
    validDomains: string[];
    developer: { privacyUrl: string };
    accentColor: string;
}

/** The template filled with {@link SAMPLE}, overridden by `values`. */
export const sample = (values: Record<string, string> = {}): Manifest => JSON.parse(fillManifest(template, { ...SAMPLE, ...values })) as Manifest;
