import type { MessageStep } from './messageStep';

/** A file the built-in Direct Line kept (see DirectLineUploads): its link ends in the random id. */
const KEPT_FILE_URL = /\/api\/attachments\/[0-9a-f]{32}$/;

/**
 * Files with no text (a screenshot sent during the intake): they are already kept with the
 * customer's request (or the ticket the conversation opens), so say so, and ask the pending
 * question again. Files from other channels are not kept here and go on to the next step.
 */
export function attachmentOnlyStep(): MessageStep {
    return {
        name: 'attachment only',
        async handle(turn) {
            if (turn.submission || turn.text) return 'next';
            const kept = (turn.context.activity.attachments ?? []).filter((a) => typeof a.contentUrl === 'string' && KEPT_FILE_URL.test(a.contentUrl));
            if (kept.length === 0) return 'next';
            await turn.context.sendActivity((await turn.t())('upload.kept', { count: kept.length }));
            const dialogs = await turn.dialogs();
            if (dialogs.activeDialog) await dialogs.repromptDialog();
            return 'handled';
        },
    };
}
