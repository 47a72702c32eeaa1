import type { UPLOAD_TYPES } from '../config';

export type UploadType = (typeof UPLOAD_TYPES)[number];

const startsWith = (bytes: Buffer, signature: number[], at = 0): boolean => bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file as its first bytes show it (PNG, JPEG, GIF, WebP, PDF), whatever the
 * client declared; undefined for anything else. A visitor's browser names types from the file
 * extension, so the declared type proves nothing.
 */
export function sniffFileType(bytes: Buffer): UploadType | undefined {
    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
    if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
    if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
    if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
    return undefined;
}
