import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colorIcon, outlineIcon } from '../../scripts/teams/icons';
import { isGuid, teamsAppIdFor, uuidV5 } from '../../scripts/teams/ids';
import { decodePng, encodePng, readPngHeader } from '../../scripts/teams/png';
import { createZip, listZip, readZipEntry } from '../../scripts/teams/zip';

const root = path.resolve(__dirname, '..', '..');

describe('Teams package helpers', () => {
    it('round-trips PNGs through every scanline filter type (0–4)', () => {
        const rgba = new Uint8Array(randomBytes(7 * 5 * 4));
        for (const filter of [0, 1, 2, 3, 4] as const) {
            const png = encodePng({ width: 7, height: 5, rgba }, filter);
            assert.deepEqual(readPngHeader(png), { width: 7, height: 5, bitDepth: 8, colorType: 6, interlace: 0 });
            assert.deepEqual(decodePng(png).rgba, rgba, `filter ${filter}`);
        }
    });

    it('keeps the committed icons in step with the generator', () => {
        assert.deepEqual(decodePng(readFileSync(path.join(root, 'appPackage/color.png'))), decodePng(colorIcon()));
        assert.deepEqual(decodePng(readFileSync(path.join(root, 'appPackage/outline.png'))), decodePng(outlineIcon()));
    });

    it('writes ZIPs that its reader lists and extracts, stored or deflated', () => {
        const files = [
            { name: 'manifest.json', data: Buffer.from('{"a":"' + 'x'.repeat(500) + '"}') },
            { name: 'noise.bin', data: randomBytes(300) },
            { name: 'empty.txt', data: Buffer.alloc(0) },
        ];
        const zip = createZip(files);
        assert.deepEqual(listZip(zip).map((e) => [e.name, e.method, e.size]), [['manifest.json', 8, 508], ['noise.bin', 0, 300], ['empty.txt', 0, 0]]);
        for (const file of files) assert.deepEqual(readZipEntry(zip, file.name), file.data);
        assert.throws(() => readZipEntry(zip, 'missing.txt'), /no "missing\.txt"/);
    });

    it('derives name-based UUIDs (v5) that are stable and standard', () => {
        assert.equal(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
        const appId = '9B1F8B1E-1111-4222-8333-444455556666';
        assert.equal(teamsAppIdFor(appId), teamsAppIdFor(appId.toLowerCase()));
        assert.ok(isGuid(teamsAppIdFor(appId)));
        assert.notEqual(teamsAppIdFor(appId), appId.toLowerCase());
    });
});
