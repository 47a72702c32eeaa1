import { encodePng, type RgbaImage } from './png';

/** The app's accent colour: the manifest's `accentColor` and the colour icon's background. */
export const ACCENT_COLOR = '#0F6CBD';

type Shape = (x: number, y: number) => boolean;

const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
};
const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape => (x, y) => {
    const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
    const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** Fraction (0..1) of pixel (px, py) covered by `shape`, from 4×4 supersampling (anti-aliasing). */
function coverage(shape: Shape, px: number, py: number): number {
    let hits = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (shape(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
    return hits / 16;
}

function render(size: number, paint: (px: number, py: number) => [number, number, number, number]): RgbaImage {
    const rgba = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rgba.set(paint(x, y), (y * size + x) * 4);
    return { width: size, height: size, rgba };
}

/** A speech bubble with a tail, scaled from a 32-unit design box to `unit` pixels per unit, offset by `at`. */
function bubble(unit: number, at: number): Shape {
    const s = (v: number): number => at + v * unit;
    return union(roundRect(s(1), s(2), s(31), s(24), 6 * unit), triangle(s(7), s(22), s(15), s(22), s(6), s(30)));
}

/** Three "typing" dots inside the bubble. */
function dots(unit: number, at: number, r: number): Shape {
    const s = (v: number): number => at + v * unit;
    return union(circle(s(9.5), s(13), r * unit), circle(s(16), s(13), r * unit), circle(s(22.5), s(13), r * unit));
}

/**
 * The 192×192 colour icon: a full-bleed square in the accent colour (Teams rounds the corners
 * itself) with a white speech bubble, holding three accent dots, inside the central 96×96 area.
 */
export function colorIcon(accent = ACCENT_COLOR): Buffer {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16)) as [number, number, number];
    const symbol = minus(bubble(3, 48), dots(3, 48, 2.6));
    return encodePng(render(192, (x, y) => {
        const c = coverage(symbol, x, y);
        return [Math.round(r + (255 - r) * c), Math.round(g + (255 - g) * c), Math.round(b + (255 - b) * c), 255];
    }));
}

/**
 * The 32×32 outline icon: the same bubble drawn as a white outline with white dots on a
 * transparent background; every pixel is #FFFFFF, only its alpha varies.
 */
export function outlineIcon(): Buffer {
    const inner = union(roundRect(3.5, 4.5, 28.5, 21.5, 3.5), triangle(9, 21, 12.5, 21, 8.5, 25.5));
    const symbol = union(minus(bubble(1, 0), inner), dots(1, 0, 2));
    return encodePng(render(32, (x, y) => [255, 255, 255, Math.round(255 * coverage(symbol, x, y))]));
}
