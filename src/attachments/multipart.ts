/** One part of a multipart/form-data body. */
export interface FormPart {
    /** The form field's name (`file`, `activity`). */
    field: string;
    filename?: string;
    contentType?: string;
    body: Buffer;
}

export class MultipartError extends Error {
    override name = 'MultipartError';
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a multipart/form-data Content-Type; undefined for any other type. */
export function formBoundary(contentType: string | undefined): string | undefined {
    if (!/^multipart\/form-data\s*;/i.test(contentType ?? '')) return undefined;
    const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType ?? '');
    return match?.[1] ?? match?.[2];
}

/** A header parameter (`name`, `filename`) of Content-Disposition, quoted or not. */
function parameter(header: string, key: string): string | undefined {
    const match = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, 'i').exec(header);
    const value = match?.[1] ?? match?.[2];
    return value?.replace(/\\(.)/g, '$1');
}

/**
 * Splits a whole multipart/form-data body (RFC 7578) held in memory. Strict: the body must
 * start with the boundary and end with the closing one, each part needs a form-data
 * Content-Disposition with a name, headers are bounded, and at most `maxParts` parts are
 * accepted; anything else throws MultipartError (the caller answers 400).
 */
export function parseMultipart(body: Buffer, boundary: string, maxParts: number): FormPart[] {
    const delimiter = Buffer.from(`--${boundary}`);
    if (!body.subarray(0, delimiter.length).equals(delimiter)) throw new MultipartError('the body does not start with the boundary');
    const separator = Buffer.concat([CRLF, delimiter]);
    const parts: FormPart[] = [];
    let at = delimiter.length;
    for (;;) {
        if (body.subarray(at, at + 2).toString('latin1') === '--') return parts;
        if (!body.subarray(at, at + 2).equals(CRLF)) throw new MultipartError('malformed boundary line');
        if (parts.length >= maxParts) throw new MultipartError(`too many parts (at most ${maxParts})`);
        const headersEnd = body.indexOf(HEADER_END, at);
        if (headersEnd < 0 || headersEnd - at > 2048) throw new MultipartError('part headers missing or too long');
        const headers = new Map<string, string>();
        for (const line of body.subarray(at + 2, headersEnd).toString('utf8').split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon <= 0) throw new MultipartError('malformed part header');
            headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        const end = body.indexOf(separator, headersEnd + 4);
        if (end < 0) throw new MultipartError('the body ends inside a part');
        const disposition = headers.get('content-disposition') ?? '';
        const field = parameter(disposition, 'name');
        if (!/^form-data\s*;/i.test(disposition) || !field) throw new MultipartError('part without a form-data name');
        parts.push({ field, filename: parameter(disposition, 'filename'), contentType: headers.get('content-type'), body: body.subarray(headersEnd + 4, end) });
        at = end + separator.length;
    }
}
