/** Splits raw text into sentences (after . ! ? … and at line breaks), each kept as written. */
export function sentencesOf(text: string): string[] {
    return text
        .split(/(?<=[.!?…])\s+|\n+/u)
        .map((s) => s.trim())
        .filter(Boolean);
}
