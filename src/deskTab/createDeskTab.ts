import type { Server } from 'restify';
import { deskClientId, type AppConfig } from '../config';
import type { Logger } from '../logger';
import { EntraIdTokenVerifier } from '../integrations/entraIdTokenVerifier';
import { OutboxRepository } from '../outbox/outboxRepository';
import type { OpenDatabase } from '../store/database';
import { BrowserSignIn, PendingSignInSchema } from './browserSignIn';
import { buildReport, type Report } from './deskReports';
import { DeskGate, SessionSchema } from './deskGate';
import { registerDeskTab } from './deskRoutes';
import { NowRepository } from './nowRepository';
import { buildNowView, type NowView, type RosterAgent } from './nowView';
import { reportFilters, type ReportQuery } from './reportFilters';
import { ReportRepository } from './reportRepository';
import { SignedCookie } from './signedCookie';
import { WeeklySummary } from './weeklySummary';

export interface DeskTabWiring {
    database: OpenDatabase;
    partnerName: string;
    partnerTenantId?: string;
    timeZone: string;
    roster(): Promise<RosterAgent[]>;
    agentRole(objectId: string): Promise<'agent' | 'admin' | undefined>;
    /** Signs the session cookies; kept in the database so every instance accepts them. */
    cookieSecret: string;
    now: () => Date;
    /** Extra trusted certificate authority for AUTHORITY_HOST (tests). */
    authorityCa?: string;
    /** Wakes the outbox worker (the weekly summary was written). */
    committed?: () => void;
}

/** The desk tab as the rest of the bot sees it: its routes, and the figures the weekly card reuses. */
export interface DeskTab {
    register(server: Server): void;
    nowView(): Promise<NowView>;
    report(query: ReportQuery): Promise<Report>;
    developmentMode: boolean;
    /** Last week's summary for the agents, once per week (undefined when WEEKLY_SUMMARY_HOUR is off). */
    weekly?: WeeklySummary;
}

/** Builds the desk tab from configuration: Entra sign-in when an app id is set, else loopback-only development. */
export function createDeskTab(config: AppConfig, logger: Logger, wiring: DeskTabWiring): DeskTab {
    const clientId = deskClientId(config);
    const sessions = new SignedCookie(`${wiring.cookieSecret}:session`, SessionSchema);
    const now = (): number => wiring.now().getTime();
    let sso: ConstructorParameters<typeof DeskGate>[0]['sso'];
    let signIn: BrowserSignIn | undefined;
    if (clientId) {
        const verifier = new EntraIdTokenVerifier({ authorityHost: config.AUTHORITY_HOST, tenantId: wiring.partnerTenantId ?? 'organizations', ca: wiring.authorityCa });
        const resource = config.DESK_BASE_URL ? [`api://${new URL(config.DESK_BASE_URL).host}/${clientId}`] : [];
        sso = { verifier, audiences: [clientId, ...resource], partnerTenantId: wiring.partnerTenantId };
        signIn = new BrowserSignIn({ verifier, clientId, clientSecret: config.DESK_CLIENT_SECRET ?? config.MicrosoftAppPassword, ca: wiring.authorityCa, pending: new SignedCookie(`${wiring.cookieSecret}:signin`, PendingSignInSchema), now });
        if (!wiring.partnerTenantId) logger.warn("desk tab: PARTNER_TENANT_ID is not set, so nobody can sign in to the desk");
    } else {
        logger.info('desk tab: no DESK_CLIENT_ID or MicrosoftAppId, so /desk answers only on loopback, without sign-in (development)');
    }
    const gate = new DeskGate({ sso, sessions, agentRole: wiring.agentRole, now });
    const reports = new ReportRepository(wiring.database.db, wiring.database.dialect);
    const nowRepository = new NowRepository(wiring.database.db, wiring.database.dialect);
    const outbox = new OutboxRepository(wiring.database.db);
    const nowView = (): Promise<NowView> => buildNowView({ now: nowRepository, roster: wiring.roster, dead: (limit) => outbox.dead(limit), alertShare: config.DUE_ALERT_PERCENT / 100 }, wiring.now());
    const report = (query: ReportQuery): Promise<Report> => buildReport(reports, reportFilters(query, wiring.timeZone, wiring.now()), wiring.timeZone, wiring.now());
    const hour = config.WEEKLY_SUMMARY_HOUR;
    const weekly = hour === 'off' ? undefined : new WeeklySummary(wiring.database.db, { timeZone: wiring.timeZone, hour, deskUrl: config.DESK_BASE_URL ?? '', report, now: wiring.now, committed: wiring.committed }, logger);
    return {
        developmentMode: gate.developmentMode,
        weekly,
        nowView,
        report,
        register: (server) => registerDeskTab(server, { gate, signIn, sessions, partnerName: wiring.partnerName, baseUrl: config.DESK_BASE_URL, nowView, report, logger, now }),
    };
}
