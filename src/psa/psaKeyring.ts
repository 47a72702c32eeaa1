import { createHash, timingSafeEqual } from 'node:crypto';
import type { PsaKeyConfig, PsaScope } from '../config';

/** The PSA API key a request authenticated with. */
export interface PsaKey {
    name: string;
    scopes: readonly PsaScope[];
}

/** What the Authorization header says: a key, no usable header, or a key nobody configured. */
export type Authentication = { key: PsaKey } | { refused: 'missing' | 'unknown' };

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * The configured PSA API keys, known only by the SHA-256 of their secrets. A presented key
 * is hashed and compared with every configured hash in constant time, so neither the answer
 * time nor an early exit tells how close a guess came or which key it matched.
 */
export class PsaKeyring {
    private readonly keys: Array<PsaKey & { digest: Buffer }>;

    constructor(keys: readonly PsaKeyConfig[]) {
        this.keys = keys.map((k) => ({ name: k.name, scopes: k.scopes, digest: Buffer.from(k.sha256, 'hex') }));
    }

    /** True when at least one key is configured (otherwise the API does not exist). */
    get enabled(): boolean {
        return this.keys.length > 0;
    }

    authenticate(authorization: string | undefined): Authentication {
        const secret = BEARER.exec(authorization ?? '')?.[1];
        if (!secret) return { refused: 'missing' };
        const digest = createHash('sha256').update(secret).digest();
        let found: PsaKey | undefined;
        for (const key of this.keys) if (timingSafeEqual(digest, key.digest) && !found) found = { name: key.name, scopes: key.scopes };
        return found ? { key: found } : { refused: 'unknown' };
    }
}
