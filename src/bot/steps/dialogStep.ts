import type { MessageStep } from './messageStep';

/** Everything else is the conversation itself: the pending question's answer, or a new intake. */
export function dialogStep(mainDialogId: string): MessageStep {
    return {
        name: 'dialog',
        async handle(turn) {
            const dc = await turn.dialogs();
            const result = await dc.continueDialog();
            if (result.status === 'empty') await dc.beginDialog(mainDialogId);
            return 'handled';
        },
    };
}
