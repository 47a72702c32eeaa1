import { Client } from 'pg';
import { serverParentPid } from './procCpu';

/** The PostgreSQL server the scale-out bench uses, as bench:reports does (BENCH_DATABASE_URL). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Tickets a run should have left: lost (a finished intake without one) and duplicated (one too many). */
export interface TicketCheck {
    stored: number;
    finished: number;
    lost: number;
    duplicated: number;
}

/** A database created for one bench run, dropped afterwards. */
export interface BenchDatabase {
    name: string;
    url: string;
    /** Compares the stored tickets, per conversation, with the conversations whose intake finished. */
    checkTickets(finished: readonly string[]): Promise<TicketCheck>;
    drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
        return await work(client);
    } finally {
        await client.end();
    }
}

/** Creates an empty database `name` (letters, digits, underscores) on the ADMIN_URL server. */
export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`createBenchDatabase(): not a plain database name: ${name}`);
    await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return {
        name,
        url: url.toString(),
        checkTickets: (finished) =>
            withClient(url.toString(), async (c) => {
                const { rows } = await c.query<{ conversation_id: string; n: number }>('select conversation_id, count(*)::int as n from tickets group by conversation_id');
                const perConversation = new Map(rows.map((r) => [r.conversation_id, r.n]));
                return {
                    stored: rows.reduce((total, r) => total + r.n, 0),
                    finished: finished.length,
                    lost: finished.filter((id) => !perConversation.has(id)).length,
                    duplicated: rows.reduce((total, r) => total + Math.max(0, r.n - 1), 0),
                };
            }),
        // FORCE ends connections a crashed or killed bot left behind.
        drop: () => withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
}

/** The server's version, and its postmaster's process id (the parent of this connection's backend) when it runs on this machine. */
export async function describeServer(): Promise<{ version: string; postmasterPid?: number }> {
    return withClient(ADMIN_URL, async (c) => {
        const { rows } = await c.query<{ version: string; pid: number }>("select current_setting('server_version') as version, pg_backend_pid() as pid");
        const row = rows[0] as { version: string; pid: number };
        return { version: row.version, postmasterPid: serverParentPid(row.pid, 'postgres') };
    });
}
