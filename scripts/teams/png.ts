import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** An 8-bit RGBA image: `rgba` holds width × height × 4 bytes, row by row. */
export interface RgbaImage {
    width: number;
    height: number;
    rgba: Uint8Array;
}

/** Thrown when a buffer is not a PNG this module can read. */
export class PngError extends Error {
    override name = 'PngError';
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per pixel for each PNG colour type: grey, RGB, palette, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function chunk(type: string, data: Buffer): Buffer {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
    return Buffer.concat([head, data, crc]);
}

function paeth(a: number, b: number, c: number): number {
    const p = a + b - c;
    const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The predictor of PNG filter `type` for byte i of a row (bpp bytes per pixel). */
function predict(type: number, row: Uint8Array, prev: Uint8Array, i: number, bpp: number): number {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = prev[i]!;
    const c = i >= bpp ? prev[i - bpp]! : 0;
    switch (type) {
        case 0: return 0;
        case 1: return a;
        case 2: return b;
        case 3: return (a + b) >> 1;
        case 4: return paeth(a, b, c);
        default: throw new PngError(`unknown scanline filter type ${type}`);
    }
}

/**
 * Encodes an RGBA image as a PNG (colour type 6, 8 bits, no interlace). Every scanline uses
 * `filter` (0 none, 1 sub, 2 up, 3 average, 4 Paeth); the default 0 is fine for icons.
 */
export function encodePng(image: RgbaImage, filter: 0 | 1 | 2 | 3 | 4 = 0): Buffer {
    const { width, height, rgba } = image;
    if (rgba.length !== width * height * 4) throw new PngError(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
    const stride = width * 4;
    const raw = Buffer.alloc((stride + 1) * height);
    let prev: Uint8Array = new Uint8Array(stride);
    for (let y = 0; y < height; y++) {
        const row = rgba.subarray(y * stride, (y + 1) * stride);
        raw[y * (stride + 1)] = filter;
        for (let i = 0; i < stride; i++) raw[y * (stride + 1) + 1 + i] = (row[i]! - predict(filter, row, prev, i, 4)) & 0xff;
        prev = row;
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Header fields of a PNG, read from its IHDR chunk. */
export interface PngHeader {
    width: number;
    height: number;
    bitDepth: number;
    colorType: number;
    interlace: number;
}

/** Reads width, height and format from the IHDR chunk without decoding pixels. */
export function readPngHeader(png: Buffer): PngHeader {
    if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file (bad signature)');
    if (png.toString('latin1', 12, 16) !== 'IHDR') throw new PngError('not a PNG file (IHDR is not the first chunk)');
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24]!, colorType: png[25]!, interlace: png[28]! };
}

/**
 * Decodes an 8-bit, non-interlaced PNG of any colour type (grey, RGB, palette, grey+alpha,
 * RGBA; with tRNS transparency) into RGBA, undoing scanline filters 0–4. Checks chunk CRCs.
 */
export function decodePng(png: Buffer): RgbaImage {
    const header = readPngHeader(png);
    const { width, height, bitDepth, colorType, interlace } = header;
    const channels = CHANNELS[colorType];
    if (channels === undefined || bitDepth !== 8) throw new PngError(`unsupported PNG format (colour type ${colorType}, bit depth ${bitDepth}); save it as 8-bit RGBA`);
    if (interlace !== 0) throw new PngError('interlaced PNGs are not supported; save it without interlacing');
    const idat: Buffer[] = [];
    let palette: Buffer | undefined, trns: Buffer | undefined;
    for (let at = 8; at < png.length;) {
        if (at + 12 > png.length) throw new PngError('truncated PNG chunk');
        const length = png.readUInt32BE(at);
        const type = png.toString('latin1', at + 4, at + 8);
        const data = png.subarray(at + 8, at + 8 + length);
        if (at + 12 + length > png.length) throw new PngError(`truncated ${type} chunk`);
        if (crc32(data, crc32(png.subarray(at + 4, at + 8))) !== png.readUInt32BE(at + 8 + length)) throw new PngError(`bad CRC in ${type} chunk`);
        if (type === 'IDAT') idat.push(data);
        else if (type === 'PLTE') palette = data;
        else if (type === 'tRNS') trns = data;
        else if (type === 'IEND') break;
        at += 12 + length;
    }
    if (colorType === 3 && !palette) throw new PngError('palette PNG without a PLTE chunk');
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    if (raw.length < (stride + 1) * height) throw new PngError('image data is shorter than the IHDR size says');
    const rgba = new Uint8Array(width * height * 4);
    let prev: Uint8Array = new Uint8Array(stride);
    for (let y = 0; y < height; y++) {
        const type = raw[y * (stride + 1)]!;
        const row = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
        for (let i = 0; i < stride; i++) row[i] = (row[i]! + predict(type, row, prev, i, channels)) & 0xff;
        for (let x = 0; x < width; x++) rgba.set(toRgba(row, x * channels, colorType, palette, trns), (y * width + x) * 4);
        prev = row;
    }
    return { width, height, rgba };
}

function toRgba(row: Uint8Array, i: number, colorType: number, palette: Buffer | undefined, trns: Buffer | undefined): number[] {
    const v = row[i]!;
    switch (colorType) {
        case 0: return [v, v, v, trns && trns.length >= 2 && trns.readUInt16BE(0) === v ? 0 : 255];
        case 2: {
            const [r, g, b] = [v, row[i + 1]!, row[i + 2]!];
            const key = trns && trns.length >= 6 && trns.readUInt16BE(0) === r && trns.readUInt16BE(2) === g && trns.readUInt16BE(4) === b;
            return [r, g, b, key ? 0 : 255];
        }
        case 3: {
            if (!palette || v * 3 + 2 >= palette.length) throw new PngError(`palette index ${v} out of range`);
            return [palette[v * 3]!, palette[v * 3 + 1]!, palette[v * 3 + 2]!, trns && v < trns.length ? trns[v]! : 255];
        }
        case 4: return [v, v, v, row[i + 1]!];
        default: return [v, row[i + 1]!, row[i + 2]!, row[i + 3]!];
    }
}
