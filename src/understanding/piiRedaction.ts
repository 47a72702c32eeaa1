/**
 * Local, dependency-free PII redaction for customer text before it is stored, logged or sent
 * anywhere. Each match is replaced by a tag such as `[email]`. Deliberately kept: GUIDs
 * (tenant and subscription ids), ticket numbers (SR-2026-000123), dates, times and error
 * codes (0x80070005, AADSTS50076) — support needs them.
 *
 * Redacting an already-redacted text changes nothing (tags match no detector).
 */
import { isIPv6 } from 'node:net';
import { inAnyLanguage } from './packs';

export const PII_KINDS = ['email', 'phone', 'card', 'iban', 'ip', 'secret'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface PiiMatch {
    kind: PiiKind;
    /** Offsets in the ORIGINAL text (UTF-16 code units), end exclusive. */
    start: number;
    end: number;
}

export interface RedactionResult {
    text: string;
    found: PiiMatch[];
}

/** When two candidates overlap, the higher priority wins (then the longer one). */
const PRIORITY: Record<PiiKind, number> = { secret: 6, email: 5, iban: 4, card: 3, ip: 2, phone: 1 };

const TAG = /^\[(?:email|phone|card|iban|ip|secret)\]$/;

export function redactPii(text: string): RedactionResult {
    if (!text) return { text, found: [] };
    // One pass can unlock more: a tag's "]" no longer glues a neighbour to it ("…1332+7 912…").
    // So passes repeat on the redacted output until one finds nothing — which is exactly what a
    // second call would see, hence redacting twice gives the same text as redacting once.
    let found: PiiMatch[] = [];
    let rendered = render(text, found);
    for (let pass = 0; pass < 8; pass++) {
        const matches = singlePass(rendered.text);
        if (matches.length === 0) break;
        for (const m of matches) {
            const span = { start: rendered.toOriginal(m.start, 'start'), end: rendered.toOriginal(m.end, 'end') };
            const merged = found.filter((f) => overlaps(f, span));
            const kind = [m.kind, ...merged.map((f) => f.kind)].sort((a, b) => PRIORITY[b] - PRIORITY[a])[0] ?? m.kind;
            found = found.filter((f) => !overlaps(f, span));
            found.push({
                kind,
                start: Math.min(span.start, ...merged.map((f) => f.start)),
                end: Math.max(span.end, ...merged.map((f) => f.end)),
            });
        }
        found.sort((a, b) => a.start - b.start);
        rendered = render(text, found);
    }
    return { text: rendered.text, found };
}

/** Candidates of every detector, overlaps resolved by priority then length; GUIDs are left alone. */
function singlePass(text: string): PiiMatch[] {
    const protectedSpans = guidSpans(text);
    const candidates = [...secrets(text), ...emails(text), ...ibans(text), ...cards(text), ...ips(text), ...phones(text)].filter(
        (c) => c.end > c.start && !protectedSpans.some((p) => overlaps(p, c)),
    );
    candidates.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const accepted: PiiMatch[] = [];
    for (const c of candidates) if (!accepted.some((a) => overlaps(a, c))) accepted.push(c);
    return accepted.sort((a, b) => a.start - b.start);
}

interface Rendered {
    text: string;
    /** Maps an offset in the redacted text back to the original (inside a tag: its start or end). */
    toOriginal(offset: number, side: 'start' | 'end'): number;
}

function render(original: string, found: PiiMatch[]): Rendered {
    const pieces: Array<{ outStart: number; outEnd: number; origStart: number; origEnd: number; tag: boolean }> = [];
    let text = '';
    let at = 0;
    const copy = (until: number): void => {
        if (until <= at) return;
        pieces.push({ outStart: text.length, outEnd: text.length + until - at, origStart: at, origEnd: until, tag: false });
        text += original.slice(at, until);
        at = until;
    };
    for (const m of found) {
        copy(m.start);
        const tag = `[${m.kind}]`;
        pieces.push({ outStart: text.length, outEnd: text.length + tag.length, origStart: m.start, origEnd: m.end, tag: true });
        text += tag;
        at = m.end;
    }
    copy(original.length);
    return {
        text,
        toOriginal(offset, side) {
            for (const p of pieces) {
                if (offset < p.outStart || offset > p.outEnd) continue;
                if (!p.tag) return p.origStart + (offset - p.outStart);
                if (offset === p.outStart) return p.origStart;
                if (offset === p.outEnd) return p.origEnd;
                return side === 'start' ? p.origStart : p.origEnd;
            }
            return original.length;
        },
    };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
    return a.start < b.end && b.start < a.end;
}

function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (let m = global.exec(text); m; m = global.exec(text)) {
        yield m;
        if (m[0] === '') global.lastIndex++;
    }
}

// ---------------------------------------------------------------- protected: GUIDs

const GUID = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g;

function guidSpans(text: string): Array<{ start: number; end: number }> {
    return [...matchesOf(GUID, text)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------- e-mail

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function emails(text: string): PiiMatch[] {
    return [...matchesOf(EMAIL, text)].map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------- secrets

/** `password: value`, `senha: value`, `contraseña=value`… in any of the packs' languages (value only is redacted). */
const SECRET_LABEL = `(?:${inAnyLanguage((p) => p.pii.secretLabels).join('|')})`;
const LABELLED_COLON = new RegExp(`(?<![\\p{L}\\p{N}_\\[])${SECRET_LABEL}\\s*:\\s*("[^"\\n]*"|'[^'\\n]*'|\\S+)`, 'giud');
const LABELLED_EQUALS = new RegExp(`(?<![\\p{L}\\p{N}_\\[])${SECRET_LABEL}\\s*=\\s*("[^"\\n]*"|'[^'\\n]*'|[^\\s;&]+)`, 'giud');
/** Azure connection strings and SAS tokens. */
const CONNECTION_KEY = /(?<![\p{L}\p{N}_])(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=([^\s;&"']+)/giud;
const BEARER = /(?<![\p{L}\p{N}_])Bearer\s+([A-Za-z0-9\-._~+/]{20,}=*)/gdu;
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** Runs of base64 / base64url / hex characters; judged by {@link looksLikeKey}. */
const TOKEN_RUN = /(?<![A-Za-z0-9+/_~-])[A-Za-z0-9+/_~-]{32,}={0,2}(?![A-Za-z0-9+/_~=-])/g;

function secrets(text: string): PiiMatch[] {
    const found: PiiMatch[] = [];
    for (const re of [LABELLED_COLON, LABELLED_EQUALS, CONNECTION_KEY, BEARER]) {
        for (const m of matchesOf(re, text)) {
            const span = m.indices?.[1];
            const value = m[1];
            if (!span || !value) continue;
            // "password: qwerty, and…": sentence punctuation after an unquoted value is not part of it.
            const trailing = /^[^"'].*[,;.]$/.test(value) && value.length > 1 ? 1 : 0;
            if (TAG.test(value.slice(0, value.length - trailing))) continue;
            found.push({ kind: 'secret', start: span[0], end: span[1] - trailing });
        }
    }
    for (const m of matchesOf(JWT, text)) found.push({ kind: 'secret', start: m.index, end: m.index + m[0].length });
    for (const m of matchesOf(TOKEN_RUN, text)) {
        // A path such as /resourceGroups/rg01/providers/... is judged segment by segment.
        const segments = m[0].split('/');
        if (segments.some((s) => /^[A-Za-z]{3,}$/.test(s))) {
            let offset = m.index;
            for (const s of segments) {
                if (looksLikeKey(s)) found.push({ kind: 'secret', start: offset, end: offset + s.length });
                offset += s.length + 1;
            }
        } else if (looksLikeKey(m[0])) {
            found.push({ kind: 'secret', start: m.index, end: m.index + m[0].length });
        }
    }
    return found;
}

/**
 * A key is long (≥ 32 characters) and random-looking: several character classes and frequent
 * switches between them, so kebab-case resource names and CamelCase words are not keys.
 */
export function looksLikeKey(token: string): boolean {
    const body = token.replace(/=+$/, '');
    if (body.length < 32) return false;
    const alnum = body.replace(/[^A-Za-z0-9]/g, '');
    if (alnum.length < 24) return false;
    const cls = (c: string): number => (c >= '0' && c <= '9' ? 0 : c >= 'a' && c <= 'z' ? 1 : 2);
    const classes = new Set([...alnum].map(cls));
    if (classes.size < 2) return false;
    // Hex keys (Cognitive Services keys, SHA digests) — but dashed GUIDs are protected upstream.
    if (/^[0-9a-f]+$/.test(body) || /^[0-9A-F]+$/.test(body)) return true;
    let switches = 0;
    for (let i = 1; i < alnum.length; i++) if (cls(alnum[i] as string) !== cls(alnum[i - 1] as string)) switches++;
    return switches / (alnum.length - 1) >= 0.25;
}

// ---------------------------------------------------------------- IBAN

const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4})+/g;

function ibans(text: string): PiiMatch[] {
    const found: PiiMatch[] = [];
    for (const m of matchesOf(IBAN_START, text)) {
        // Try the longest prefix first, cutting only at group boundaries.
        const raw = m[0];
        const ends: number[] = [];
        for (let i = 4; i <= raw.length; i++) if (i === raw.length || raw[i] === ' ') ends.push(i);
        for (const end of ends.reverse()) {
            const next = text[m.index + end];
            if (end < raw.length && next !== ' ') continue;
            const compact = raw.slice(0, end).replace(/ /g, '');
            if (compact.length < 15 || compact.length > 34) continue;
            if (/^[A-Za-z0-9]/.test(text.slice(m.index + end, m.index + end + 1))) continue;
            if (ibanChecksumOk(compact)) {
                found.push({ kind: 'iban', start: m.index, end: m.index + end });
                break;
            }
        }
    }
    return found;
}

/** ISO 13616 mod-97 check: move the first four characters to the end, letters → 10..35. */
export function ibanChecksumOk(iban: string): boolean {
    const s = iban.toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
    const rearranged = s.slice(4) + s.slice(0, 4);
    let remainder = 0;
    for (const ch of rearranged) {
        const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
        for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
    }
    return remainder === 1;
}

// ---------------------------------------------------------------- payment cards

/** Digit runs with single space/dash separators, not glued to letters, '+', '-' or other digits. */
const DIGIT_RUN = /(?<![\p{L}\p{N}_+\-./])\d+(?:[ -]\d+)*(?![\p{L}\p{N}_]|[-./]\d)/gu;

function cards(text: string): PiiMatch[] {
    const found: PiiMatch[] = [];
    for (const m of matchesOf(DIGIT_RUN, text)) {
        const groups: Array<{ start: number; end: number; digits: string }> = [];
        for (const g of matchesOf(/\d+/g, m[0])) groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length, digits: g[0] });
        // Any contiguous run of groups holding 13–19 digits that passes Luhn (longest first).
        for (let i = 0; i < groups.length; i++) {
            let best: PiiMatch | undefined;
            let digits = '';
            for (let j = i; j < groups.length; j++) {
                digits += (groups[j] as { digits: string }).digits;
                if (digits.length > 19) break;
                if (digits.length >= 13 && /^[2-6]/.test(digits) && luhnOk(digits)) {
                    best = { kind: 'card', start: (groups[i] as { start: number }).start, end: (groups[j] as { end: number }).end };
                }
            }
            if (best) {
                found.push(best);
                const end = best.end;
                i = groups.findIndex((g) => g.end === end);
            }
        }
    }
    return found;
}

export function luhnOk(digits: string): boolean {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let d = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
    }
    return sum % 10 === 0;
}

// ---------------------------------------------------------------- IP addresses

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}_.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{N}]|\\.\\d)`, 'gu');
const IPV6_CANDIDATE = /(?<![\p{L}\p{N}_:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![\p{L}\p{N}_:])/gu;
/** "version 10.0.0.1", "v10.0.0.1": a version number, not an address. */
const VERSION_CONTEXT = new RegExp(`(?:${inAnyLanguage((p) => p.pii.versionWords).join('|')}|\\bv)\\s*$`, 'i');

function ips(text: string): PiiMatch[] {
    const found: PiiMatch[] = [];
    for (const m of matchesOf(IPV4, text)) {
        if (VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
        found.push({ kind: 'ip', start: m.index, end: m.index + m[0].length });
    }
    for (const m of matchesOf(IPV6_CANDIDATE, text)) {
        const candidate = [m[0], m[0].replace(/(?<!:)[.:]$/, '')].find((c) => isIPv6(c));
        if (candidate) found.push({ kind: 'ip', start: m.index, end: m.index + candidate.length });
    }
    return found;
}

// ---------------------------------------------------------------- phone numbers

const BEFORE = '(?<![\\p{L}\\p{N}_+\\-./])';
const AFTER = '(?![\\p{L}\\p{N}_]|[\\-./]\\d)';
const SEP = '[ .\\-]';

/** National formats written with separators (bare digit runs only count after a phone keyword). */
const NATIONAL = [
    // US / NANP: (425) 555-0100, 425-555-0100, 425.555.0100, 1-800-642-7676
    `(?:1${SEP})?(?:\\(\\d{3}\\) ?|\\d{3}${SEP})\\d{3}${SEP}\\d{4}`,
    // Spain: 612 345 678, 612 34 56 78, 91 123 45 67
    `[6789]\\d{2}(?:${SEP}\\d{3}){2}`,
    `[6789]\\d{2}(?:${SEP}\\d{2}){3}`,
    `[89]\\d${SEP}\\d{3}(?:${SEP}\\d{2}){2}`,
    // Brazil: (11) 98765-4321, (011) 3456-7890, 11 98765-4321
    `\\(0?\\d{2}\\) ?9?\\d{4}[ .\\-]?\\d{4}`,
    `\\d{2} 9?\\d{4}-\\d{4}`,
    `\\d{2} 9\\d{4} \\d{4}`,
    // Russia: 8 (912) 345-67-89, 8 912 345 67 89, 8-912-345-67-89, (912) 345-67-89
    `(?:8 ?)?\\(\\d{3}\\) ?\\d{3}[ \\-]\\d{2}[ \\-]\\d{2}`,
    `8${SEP}\\d{3}${SEP}\\d{3}${SEP}?\\d{2}${SEP}?\\d{2}`,
].map((p) => new RegExp(`${BEFORE}${p}${AFTER}`, 'gu'));

/** +CC or 00CC followed by digit groups (validated and trimmed in code). */
const INTERNATIONAL = new RegExp(`${BEFORE}(?:\\+|00)[1-9]\\d{0,2}(?:[ .\\-]?(?:\\(\\d{1,4}\\)|\\d{1,5}))+`, 'gu');

const PHONE_KEYWORD = new RegExp(
    `(?<![\\p{L}[])(?:${inAnyLanguage((p) => p.pii.phoneLabels).join('|')})(?![\\p{L}])[^\\d+(\\n]{0,20}(?<![\\p{L}\\p{N}_\\-./])(\\(?\\d[\\d .\\-()]{7,}\\d)`,
    'giud',
);

function phones(text: string): PiiMatch[] {
    const found: PiiMatch[] = [];
    for (const re of NATIONAL) {
        for (const m of matchesOf(re, text)) found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
    }
    for (const m of matchesOf(INTERNATIONAL, text)) {
        const end = trimToPhone(text, m.index, m[0]);
        if (end !== undefined) found.push({ kind: 'phone', start: m.index, end });
    }
    for (const m of matchesOf(PHONE_KEYWORD, text)) {
        const span = m.indices?.[1];
        if (!span) continue;
        const end = trimToPhone(text, span[0], text.slice(span[0], span[1]));
        if (end !== undefined) found.push({ kind: 'phone', start: span[0], end });
    }
    return found;
}

/**
 * The longest prefix of `raw` (cut at a space) that reads as a phone number: 9–15 digits
 * (a leading 00 not counted), no date inside, balanced parentheses, not glued to more text.
 */
function trimToPhone(text: string, start: number, raw: string): number | undefined {
    const cuts: number[] = [raw.length];
    for (let i = raw.length - 1; i > 0; i--) if (raw[i] === ' ') cuts.push(i);
    for (const cut of cuts) {
        const candidate = raw.slice(0, cut).replace(/[ .\-(]+$/, '');
        const after = text.slice(start + candidate.length, start + candidate.length + 2);
        if (/^[\p{L}\p{N}_]/u.test(after) || /^[-./]\d/.test(after)) continue;
        const digits = candidate.replace(/\D/g, '').slice(candidate.startsWith('00') ? 2 : 0);
        if (digits.length < 9 || digits.length > 15) continue;
        if (containsDate(candidate)) continue;
        if ((candidate.match(/\(/g) ?? []).length !== (candidate.match(/\)/g) ?? []).length) continue;
        if (/[ .\-()]{3,}/.test(candidate)) continue;
        return start + candidate.length;
    }
    return undefined;
}

function containsDate(s: string): boolean {
    for (const m of matchesOf(/(?<!\d)(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?!\d)/g, s)) {
        const [month, day] = [Number(m[3]), Number(m[4])];
        if (/^(?:19|20)/.test(m[1] ?? '') && month >= 1 && month <= 12 && day >= 1 && day <= 31) return true;
    }
    for (const m of matchesOf(/(?<!\d)(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/g, s)) {
        const [a, b] = [Number(m[1]), Number(m[3])];
        if ((a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31)) return true;
    }
    return false;
}
