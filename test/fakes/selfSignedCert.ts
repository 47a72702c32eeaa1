import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificate {
    key: string;
    cert: string;
}

let created: TestCertificate | undefined;

/**
 * A throw-away self-signed certificate for 127.0.0.1, made once per test process with the
 * openssl CLI (nothing secret is kept in the repository). MSAL and @azure/identity only
 * talk to an https authority, so the fake token endpoint needs one.
 */
export function testCertificate(): TestCertificate {
    if (created) return created;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-bot-tls-'));
    try {
        const key = path.join(dir, 'key.pem');
        const cert = path.join(dir, 'cert.pem');
        execFileSync(
            'openssl',
            ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
            { stdio: 'pipe' },
        );
        created = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
        return created;
    } catch (err) {
        throw new Error(`testCertificate(): the openssl CLI is needed for the fake token endpoint: ${(err as Error).message}`, { cause: err });
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
