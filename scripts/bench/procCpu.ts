import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms. */
const MS_PER_TICK = 10;

interface ProcStat {
    name: string;
    ppid: number;
    /** utime + stime, and cutime + cstime (children it has waited for), in ms. */
    ownMs: number;
    childrenMs: number;
}

/** /proc/<pid>/stat, or undefined when the process is gone or /proc is not there. */
function procStat(pid: number | string): ProcStat | undefined {
    let text: string;
    try {
        text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
        return undefined;
    }
    // The command name is in parentheses and may hold spaces: fields are counted after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const tick = (i: number): number => Number(fields[i]) * MS_PER_TICK;
    return { name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ppid: Number(fields[1]), ownMs: tick(11) + tick(12), childrenMs: tick(13) + tick(14) };
}

/**
 * The parent of process `pid` when both are called `name` on this machine (a server's worker
 * and the server), else undefined (no /proc, or the pid belongs to another machine or container).
 */
export function serverParentPid(pid: number, name: string): number | undefined {
    const stat = procStat(pid);
    return stat?.name === name && procStat(stat.ppid)?.name === name ? stat.ppid : undefined;
}

/**
 * CPU time (ms) used so far by a server process and everything it forked: the root, its live
 * children, and the children that have exited (counted in the root's cutime once it reaped
 * them, as PostgreSQL's postmaster does). Undefined without /proc (not Linux).
 */
export function processTreeCpuMs(rootPid: number): number | undefined {
    const root = procStat(rootPid);
    if (!root) return undefined;
    let total = root.ownMs + root.childrenMs;
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry) || Number(entry) === rootPid) continue;
        const stat = procStat(entry);
        if (stat?.ppid === rootPid) total += stat.ownMs + stat.childrenMs;
    }
    return total;
}

/** CPU time (ms, summed over all cores) the whole machine has spent busy so far, from /proc/stat. */
export function machineBusyMs(): number | undefined {
    try {
        const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
        // user nice system idle iowait irq softirq steal …: busy is what ran here (not idle, iowait or steal).
        const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = cpu;
        return (user + nice + system + irq + softirq) * MS_PER_TICK;
    } catch {
        return undefined;
    }
}
