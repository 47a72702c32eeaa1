import { PNG } from 'pngjs';

/** An 8-bit RGBA image: `rgba` holds width × height × 4 bytes, row by row. */
export interface RgbaImage {
    width: number;
    height: number;
    rgba: Uint8Array;
}

/** How a PNG file stores its pixels, as its IHDR chunk says. */
export interface PngHeader {
    width: number;
    height: number;
    bitDepth: number;
    /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
    colorType: number;
    /** 0 none, 1 Adam7. */
    interlace: number;
}

/** Thrown when a buffer is not a PNG that pngjs can read. */
export class PngError extends Error {
    override name = 'PngError';
}

/** Parses a PNG with pngjs, turning its errors into a {@link PngError} that says what the file is not. */
function read(png: Buffer): ReturnType<typeof PNG.sync.read> {
    try {
        return PNG.sync.read(png);
    } catch (err) {
        throw new PngError(`not a PNG file, or a damaged one (${(err as Error).message})`, { cause: err });
    }
}

/**
 * Encodes an RGBA image as a PNG (colour type 6, 8 bits, no interlace). Every scanline uses
 * `filter` (0 none, 1 sub, 2 up, 3 average, 4 Paeth); the default 0 is fine for icons.
 */
export function encodePng(image: RgbaImage, filter: 0 | 1 | 2 | 3 | 4 = 0): Buffer {
    const { width, height, rgba } = image;
    if (rgba.length !== width * height * 4) throw new PngError(`encodePng(): expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
    const png = new PNG({ width, height });
    png.data = Buffer.from(rgba);
    // zlib's default strategy: pngjs's own default (run-length) makes the flat icons ~30× larger.
    return PNG.sync.write(png, { colorType: 6, inputColorType: 6, bitDepth: 8, filterType: filter, deflateLevel: 9, deflateStrategy: 0 });
}

/** Decodes a PNG of any colour type, bit depth or interlacing into 8-bit RGBA. */
export function decodePng(png: Buffer): RgbaImage {
    const { width, height, data } = read(png);
    return { width, height, rgba: new Uint8Array(data) };
}

/** Reads a PNG's size and pixel format (pngjs checks the whole file on the way). */
export function readPngHeader(png: Buffer): PngHeader {
    const { width, height, depth, colorType, interlace } = read(png);
    return { width, height, bitDepth: depth, colorType, interlace: interlace ? 1 : 0 };
}
