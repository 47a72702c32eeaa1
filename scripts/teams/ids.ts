import { createHash } from 'node:crypto';

/** A GUID as Teams expects it: 8-4-4-4-12 hex digits, either case. */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** True when `value` is a GUID (8-4-4-4-12 hex digits). */
export function isGuid(value: string): boolean {
    return GUID_PATTERN.test(value);
}

/** Namespace for this project's name-based ids (a random UUID, fixed forever). */
export const TEAMS_APP_ID_NAMESPACE = '4801733b-8463-4806-8767-e4e1c2af94db';

/** A name-based UUID, version 5 (SHA-1), as in RFC 9562: the same namespace and name give the same id. */
export function uuidV5(name: string, namespace: string): string {
    if (!isGuid(namespace)) throw new Error(`uuidV5: namespace "${namespace}" is not a GUID`);
    const bytes = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x50;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The default Teams app id for a bot: stable for a given Microsoft App ID, but distinct from it. */
export function teamsAppIdFor(microsoftAppId: string): string {
    return uuidV5(`teams-app:${microsoftAppId.toLowerCase()}`, TEAMS_APP_ID_NAMESPACE);
}
