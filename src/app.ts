import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { authEnabled, type AppConfig } from './config';
import { createAdapter } from './bot/createAdapter';
import { createBot, type BotDependencies } from './bot/createBot';
import { CustomerDirectory } from './customers/customerDirectory';
import { createServiceHealth, type ExternalServiceOptions } from './integrations/createIntegrations';
import { createEscalation } from './escalation/createEscalation';
import { GuidanceLibrary } from './guidance/guidanceLibrary';
import type { Logger } from './logger';
import { loadPartnerProfile, type PartnerProfile } from './partner/partnerProfile';
import { projectRoot } from './paths';
import type { Server } from 'restify';
import { registerDirectLineToken } from './channels/directLineToken';
import { DirectLineStore } from './channels/directLineStore';
import { DirectLineUploads, UPLOAD_ROUTE } from './channels/directLineUploads';
import { attachmentLink } from './attachments/attachmentLink';
import { fileAttachmentsOnCreate, fileWithOpenTicket } from './attachments/attachmentFiling';
import { LocalDirectLine } from './channels/localDirectLine';
import { AttachmentRepository } from './attachments/attachmentRepository';
import { RateLimiter } from './channels/rateLimiter';
import { registerWebChatPage } from './channels/webChatPage';
import { OutboxRepository } from './outbox/outboxRepository';
import type { OutboxWorker } from './outbox/outboxWorker';
import { createServer, type BotServer, type ServerLimits } from './server';
import { openDatabase, type OpenDatabase } from './store/database';
import { SettingsRepository } from './store/settingsRepository';
import { SqlStorage } from './store/sqlStorage';
import { TicketRepository } from './store/ticketRepository';
import { AzureAwareClassifier, createLanguageService } from './understanding/azureLanguage';
import { TrainedClassifier } from './understanding/model/trainedClassifier';
import { IntentRecognizer } from './understanding/intentRecognizer';
import { DateTime } from 'luxon';
import { createHandoff } from './handoff/createHandoff';
import { Messenger } from './channels/messenger';
import { CustomerNoticeRepository } from './tickets/customerNoticeRepository';
import { createCustomerNoticeHandler } from './tickets/customerNoticeHandler';
import { TicketActions } from './tickets/ticketActions';
import { TicketClock } from './tickets/ticketClock';
import { TranscriptRepository } from './transcript/transcriptRepository';
import type { Handoffs } from './handoff/handoffs';
import { createDeskTab, type DeskTab } from './deskTab/createDeskTab';
import { AGENTS_CHANNEL_SETTING } from './handoff/agentsChannel';
import { checkTicketReceivers, startupWarnings, ticketReceivers } from './ticketReceivers';
import { TokenBucket } from './http/tokenBucket';
import { IdempotencyRepository } from './store/idempotencyRepository';
import { IdempotentRequests } from './psa/idempotentRequests';
import { PsaKeyring } from './psa/psaKeyring';
import { registerPsaApi } from './psa/psaRoutes';

export interface App extends BotServer {
    database: OpenDatabase;
    tickets: TicketRepository;
    partner: PartnerProfile;
    handoff: Handoffs;
    /** Delivers webhooks, agent notices and Microsoft service requests from the outbox table. */
    outbox: OutboxWorker;
    /** The built-in Direct Line (Web Chat without an Azure Direct Line secret). */
    directLine: LocalDirectLine;
    /** What agents, the PSA and customers do to tickets. */
    work: TicketActions;
    /** The first-response clock (alerts) and the closing of resolved tickets; swept with the queue. */
    clock: TicketClock;
    /** The partner's desk tab (/desk): live queue, open tickets, reports. */
    desk: DeskTab;
    /** What the start-up banner warns about (no ticket receiver, a promise nobody keeps). */
    warnings: string[];
}

/** Optional replacements, for tests (a fixed clock, predictable ids, a trusted test CA). */
export type AppOverrides = Partial<Pick<BotDependencies, 'now' | 'newId' | 'classifier'>> & ExternalServiceOptions;

let loadedClassifier: TrainedClassifier | undefined;
let loadedIntents: IntentRecognizer | undefined;

/** The trained model, loaded once per process (it is read-only). */
function sharedClassifier(): TrainedClassifier {
    loadedClassifier ??= TrainedClassifier.load();
    return loadedClassifier;
}

/** The trained intent recogniser, loaded once per process (it is read-only). */
function sharedIntents(): IntentRecognizer {
    loadedIntents ??= IntentRecognizer.load();
    return loadedIntents;
}

/** The request limits from configuration. */
export function serverLimits(config: AppConfig): ServerLimits {
    return {
        conversationTurnsPerMinute: config.CONVERSATION_RATE_LIMIT_PER_MINUTE,
        clientRequestsPerMinute: config.CLIENT_RATE_LIMIT_PER_MINUTE,
        trustedProxyHops: config.TRUSTED_PROXY_HOPS,
        maxConcurrentTurns: config.MAX_CONCURRENT_TURNS,
        maxQueuedTurns: config.MAX_QUEUED_TURNS,
        maxConnections: config.MAX_CONNECTIONS,
        requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
    };
}

/** Composes the whole bot from configuration: database, content, dialogs, adapter, server. */
export async function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
    const { profile, source } = loadPartnerProfile(config);
    logger.info({ source, auth: authEnabled(config) }, 'partner profile loaded');
    const customers = config.CUSTOMERS_FILE ? CustomerDirectory.fromFile(config.CUSTOMERS_FILE) : new CustomerDirectory([]);
    const guidance = GuidanceLibrary.fromDirectory(path.join(projectRoot(), 'content', 'guidance'));
    const database = await openDatabase(config, logger);
    const receivers = ticketReceivers(config, (await new SettingsRepository(database.db).get(AGENTS_CHANNEL_SETTING)) !== undefined);
    try {
        checkTicketReceivers(config, receivers);
    } catch (error) {
        await database.close();
        throw error;
    }
    const warnings = startupWarnings(config, profile, receivers);
    const escalation = createEscalation(config, logger, database.db, profile, overrides);
    const { outbox } = escalation;
    const link = attachmentLink(config.PUBLIC_URL);
    const tickets = new TicketRepository(database.db, fileAttachmentsOnCreate(escalation.ticketHooks, link));
    const languageService = createLanguageService(config, logger);
    const now = overrides.now ?? (() => DateTime.utc());
    const adapter = createAdapter(config, logger);
    const businessNow = (): Date => now().toJSDate();
    const work = new TicketActions(tickets, { reopenDays: config.TICKET_REOPEN_DAYS, now: businessNow });
    const notices = new CustomerNoticeRepository(database.db);
    const noticeContext = { partnerName: profile.name, reopenDays: config.TICKET_REOPEN_DAYS };
    const handoff = createHandoff(config, logger, { adapter, database, tickets, work, partner: profile, now, escalate: escalation.escalate,
        failed: {
            list: () => new OutboxRepository(database.db).dead(),
            retry: async (id) => {
                const retried = await new OutboxRepository(database.db).retryDead(id);
                if (retried) outbox.kick();
                return retried;
            },
        },
    });
    adapter.use(handoff.transcriptMiddleware(logger));
    const bot = createBot({
        storage: new SqlStorage(database.db, database.dialect === 'sqlite'),
        classifier: overrides.classifier ?? new AzureAwareClassifier(sharedClassifier(), languageService),
        intents: sharedIntents(),
        languageService,
        serviceHealth: createServiceHealth(config, logger, overrides),
        guidance,
        tickets,
        partner: profile,
        customers,
        minConfidence: config.CLASSIFIER_MIN_CONFIDENCE,
        maxMessageChars: config.MAX_MESSAGE_CHARS,
        now: overrides.now,
        newId: overrides.newId,
        handoff,
        customerTickets: { actions: work, notices, context: noticeContext },
    });
    const limiter = new RateLimiter(config.TOKEN_RATE_LIMIT_PER_MINUTE, 60_000);
    // Kept in the database so a returning Web Chat visitor stays the same user across restarts and instances.
    const visitorSecret = await new SettingsRepository(database.db).getOrCreate('webChatVisitorSecret', randomBytes(32).toString('base64url'), new Date());
    const desk = createDeskTab(config, logger, {
        database,
        partnerName: profile.name,
        partnerTenantId: profile.tenantId,
        timeZone: profile.hours.timeZone,
        roster: () => handoff.roster(),
        agentRole: (objectId) => handoff.agentRole(objectId),
        cookieSecret: await new SettingsRepository(database.db).getOrCreate('deskCookieSecret', randomBytes(32).toString('base64url'), new Date()),
        now: businessNow,
        authorityCa: overrides.authorityCa,
        committed: () => outbox.kick(),
    });
    const directLineStore = new DirectLineStore({ maxConversations: config.DIRECT_LINE_MAX_CONVERSATIONS, maxTotalBytes: config.DIRECT_LINE_MAX_BYTES });
    const localDirectLine = new LocalDirectLine(logger, new RateLimiter(60, 60_000), directLineStore, config.MicrosoftAppId);
    const attachments = new AttachmentRepository(database.db);
    const uploads = new DirectLineUploads({
        local: localDirectLine,
        attachments,
        limits: { maxBytes: config.UPLOAD_MAX_BYTES, maxFiles: config.UPLOAD_MAX_FILES, types: config.UPLOAD_TYPES },
        limiter: new RateLimiter(60, 60_000),
        logger,
        link,
        kept: async (owner, files) => void (await fileWithOpenTicket({ db: database.db, tickets, link }, owner, files, businessNow())),
        now: businessNow,
    });
    const idempotency = new IdempotentRequests(new IdempotencyRepository(database.db), businessNow);
    const routes = [
        (s: Server) => desk.register(s),
        (s: Server) => localDirectLine.register(s),
        (s: Server) => uploads.register(s),
        (s: Server) => registerPsaApi(s, { keys: new PsaKeyring(config.PSA_API_KEYS), tickets, work, idempotency, limiter: new TokenBucket(config.PSA_RATE_LIMIT_PER_MINUTE), logger }),
        (s: Server) => registerDirectLineToken(s, { secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT, local: localDirectLine, limiter, logger, trustedProxyHops: config.TRUSTED_PROXY_HOPS, visitorSecret }),
        (s: Server) =>
            registerWebChatPage(s, {
                partnerName: profile.name,
                accentColor: config.WEBCHAT_ACCENT_COLOR,
                logoUrl: config.WEBCHAT_LOGO_URL,
                faviconUrl: config.WEBCHAT_FAVICON_URL,
                maxMessageChars: config.MAX_MESSAGE_CHARS,
                embedAncestors: config.WEBCHAT_EMBED_ORIGINS,
                connectOrigins: config.DIRECT_LINE_SECRET ? [new URL(config.DIRECT_LINE_ENDPOINT).origin] : [],
                uploadTypes: config.UPLOAD_TYPES,
            }),
    ];
    const server = createServer({
        adapter,
        bot,
        logger,
        maxBodyBytes: config.MAX_BODY_BYTES,
        limits: serverLimits(config),
        // The built-in Direct Line's connector path: the bot's own replies, not a client's requests.
        internalPathPrefixes: ['/directline-connector/'],
        ownBodyRoutes: [UPLOAD_ROUTE],
        localChannel: localDirectLine.authentication,
        databaseUp: database.ping,
        databaseFault: database.fault,
        outboxCounts: () => new OutboxRepository(database.db).counts(),
        healthDetailsToken: config.HEALTH_DETAILS_TOKEN,
        routes,
    });
    outbox.handle('agent-notice', handoff.noticeHandler());
    outbox.handle('agent-alert', handoff.alertHandler());
    outbox.handle('weekly-summary', handoff.weeklySummaryHandler());
    outbox.handle(
        'customer-notice',
        createCustomerNoticeHandler({
            tickets,
            notices,
            transcript: new TranscriptRepository(database.db),
            messenger: new Messenger(adapter, config.MicrosoftAppId ?? '', logger),
            // The built-in Direct Line knows whether the visitor's page is open; Azure's Direct Line does not say.
            presence: (channelId, conversationId) => (channelId === 'directline' && !config.DIRECT_LINE_SECRET ? localDirectLine.isLive(conversationId) : undefined),
            context: noticeContext,
            logger,
            now: businessNow,
        }),
    );
    outbox.start();
    const stopRefreshes = escalation.startRefreshes();
    const clock = new TicketClock(database.db, tickets, work, { alertShare: config.DUE_ALERT_PERCENT / 100, reopenDays: config.TICKET_REOPEN_DAYS, now: businessNow, committed: () => outbox.kick() }, logger);
    const sweep = async (): Promise<void> => {
        await handoff.sweep();
        await clock.sweep();
        await desk.weekly?.sweep();
        await idempotency.forgetOlderThan(config.PSA_IDEMPOTENCY_HOURS);
        await attachments.sweep(new Date(businessNow().getTime() - config.UPLOAD_RETENTION_DAYS * 86_400_000).toISOString(), config.UPLOAD_TOTAL_MAX_BYTES);
    };
    const sweeper = setInterval(() => void sweep().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'handoff and ticket sweep failed')), config.HANDOFF_SWEEP_SECONDS * 1000);
    sweeper.unref();
    const drain = async (timeoutMs: number): Promise<void> => {
        clearInterval(sweeper);
        stopRefreshes();
        await server.drain(timeoutMs);
        await outbox.stop(timeoutMs);
    };
    return { ...server, drain, database, tickets, partner: profile, handoff, outbox, directLine: localDirectLine, work, clock, desk, warnings };
}
