/**
 * A bot process to kill: opens a ticket through the chat on the given database file, prints
 * `{"committed":"SR-…"}` and waits for SIGKILL. Mode "stopped" halts the delivery worker
 * first (killed between commit and delivery); "running" lets it start delivering.
 * Usage: node --import tsx test/helpers/outboxCrashChild.ts <databaseFile> <stopped|running> '<env JSON>'
 */
import { BotHarness } from './botHarness';
import { openTicketByChat } from './openTicket';

async function main(): Promise<void> {
    const [databaseFile, mode, envJson] = process.argv.slice(2);
    if (!databaseFile || (mode !== 'stopped' && mode !== 'running')) throw new Error('usage: outboxCrashChild <databaseFile> <stopped|running> <env JSON>');
    const bot = await BotHarness.start({ databaseFile, env: JSON.parse(envJson ?? '{}') as Record<string, string> });
    if (mode === 'stopped') await bot.app.outbox.stop();
    await openTicketByChat(bot, { conversationId: 'crash-1', email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
    const [ticket] = await bot.tickets();
    process.stdout.write(`${JSON.stringify({ committed: ticket?.number })}\n`);
    setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
});
