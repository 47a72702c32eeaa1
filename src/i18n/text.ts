import type { Translate } from './i18n';

/**
 * A piece of text kept in dialog state: a catalogue key (rendered in the customer's language
 * when shown, so a language switch re-renders it) or raw text the customer typed.
 */
export type Text = { key: string; params?: Record<string, unknown> } | { raw: string };

export const key = (k: string, params?: Record<string, unknown>): Text => (params ? { key: k, params } : { key: k });
export const raw = (s: string): Text => ({ raw: s });

export function render(text: Text, t: Translate): string {
    return 'raw' in text ? text.raw : t(text.key, text.params);
}
