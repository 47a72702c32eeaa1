/** Channels that cannot show Adaptive Cards get the plain-text fallback. */
const TEXT_ONLY_CHANNELS = new Set(['sms', 'email', 'slack', 'telegram', 'facebook', 'kik', 'line', 'groupme', 'twilio-sms', 'telephony']);

/** True when the channel shows Adaptive Cards. */
export function cardsSupported(channelId: string): boolean {
    return !TEXT_ONLY_CHANNELS.has(channelId);
}
