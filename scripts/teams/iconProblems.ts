import { decodePng, PngError, readPngHeader } from './png';

/** Checks a PNG's size, returning a problem or null. */
function sizeProblem(label: string, png: Buffer, size: number): string | null {
    try {
        const { width, height } = readPngHeader(png);
        return width === size && height === size ? null : `${label}: must be ${size}×${size} pixels (it is ${width}×${height})`;
    } catch (err) {
        return `${label}: ${(err as Error).message}`;
    }
}

/**
 * Checks that every pixel of the outline icon is white (#FFFFFF) or fully transparent, and
 * that the background is transparent: some pixel on the image's edge is fully transparent.
 */
function outlineProblems(png: Buffer): string[] {
    let image;
    try {
        image = decodePng(png);
    } catch (err) {
        return [`icons.outline: ${err instanceof PngError ? err.message : `cannot be decoded (${(err as Error).message})`}`];
    }
    const { width, height, rgba } = image;
    let coloured = 0, first = '', transparentEdge = false;
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            const alpha = rgba[i + 3]!;
            if (alpha === 0) {
                if (x === 0 || y === 0 || x === width - 1 || y === height - 1) transparentEdge = true;
            } else if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) {
                if (coloured++ === 0) first = `#${[rgba[i], rgba[i + 1], rgba[i + 2]].map((c) => c!.toString(16).padStart(2, '0')).join('').toUpperCase()} at (${x}, ${y})`;
            }
        }
    }
    const problems: string[] = [];
    if (coloured > 0) problems.push(`icons.outline: must hold only white (#FFFFFF) or fully transparent pixels; ${coloured} pixel(s) are coloured, the first ${first}`);
    if (!transparentEdge) problems.push('icons.outline: must have a transparent background (no pixel on its edge is fully transparent)');
    return problems;
}

/** What Teams asks of the two icons: colour 192×192; outline 32×32, white on transparent. */
export function iconProblems(icons: { color: Buffer; outline: Buffer }): string[] {
    const problems: string[] = [];
    const color = sizeProblem('icons.color', icons.color, 192);
    if (color) problems.push(color);
    const outline = sizeProblem('icons.outline', icons.outline, 32);
    problems.push(...(outline ? [outline] : outlineProblems(icons.outline)));
    return problems;
}
