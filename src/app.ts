import path from 'node:path';
import { authEnabled, type AppConfig } from './config';
import { createAdapter } from './bot/createAdapter';
import { createBot, type BotDependencies } from './bot/createBot';
import { CustomerDirectory } from './customers/customerDirectory';
import { GuidanceLibrary } from './guidance/guidanceLibrary';
import type { Logger } from './logger';
import { loadPartnerProfile, type PartnerProfile } from './partner/partnerProfile';
import { projectRoot } from './paths';
import type { Server } from 'restify';
import { registerDirectLineToken } from './channels/directLineToken';
import { LocalDirectLine } from './channels/localDirectLine';
import { RateLimiter } from './channels/rateLimiter';
import { registerWebChatPage } from './channels/webChatPage';
import { createServer, type BotServer, type ServerLimits } from './server';
import { openSqliteDatabase, type OpenDatabase } from './store/database';
import { SqlStorage } from './store/sqlStorage';
import { TicketRepository } from './store/ticketRepository';
import { AzureAwareClassifier, createLanguageService } from './understanding/azureLanguage';
import { TrainedClassifier } from './understanding/model/trainedClassifier';

export interface App extends BotServer {
    database: OpenDatabase;
    tickets: TicketRepository;
    partner: PartnerProfile;
}

/** Optional replacements, for tests (a fixed clock, predictable ids). */
export type AppOverrides = Partial<Pick<BotDependencies, 'now' | 'newId' | 'classifier'>>;

let loadedClassifier: TrainedClassifier | undefined;

/** The trained model, loaded once per process (it is read-only). */
function sharedClassifier(): TrainedClassifier {
    loadedClassifier ??= TrainedClassifier.load();
    return loadedClassifier;
}

/** The request limits from configuration. */
export function serverLimits(config: AppConfig): ServerLimits {
    return {
        conversationTurnsPerMinute: config.CONVERSATION_RATE_LIMIT_PER_MINUTE,
        clientRequestsPerMinute: config.CLIENT_RATE_LIMIT_PER_MINUTE,
        trustedProxyHops: config.TRUSTED_PROXY_HOPS,
        maxConcurrentTurns: config.MAX_CONCURRENT_TURNS,
        maxQueuedTurns: config.MAX_QUEUED_TURNS,
    };
}

/** Composes the whole bot from configuration: database, content, dialogs, adapter, server. */
export async function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
    const { profile, source } = loadPartnerProfile(config);
    logger.info({ source, auth: authEnabled(config) }, 'partner profile loaded');
    const customers = config.CUSTOMERS_FILE ? CustomerDirectory.fromFile(config.CUSTOMERS_FILE) : new CustomerDirectory([]);
    const guidance = GuidanceLibrary.fromDirectory(path.join(projectRoot(), 'content', 'guidance'));
    const database = await openSqliteDatabase(config.DATABASE_FILE);
    const tickets = new TicketRepository(database.db);
    const languageService = createLanguageService(config, logger);
    const bot = createBot({
        storage: new SqlStorage(database.db),
        classifier: overrides.classifier ?? new AzureAwareClassifier(sharedClassifier(), languageService),
        languageService,
        guidance,
        tickets,
        partner: profile,
        customers,
        minConfidence: config.CLASSIFIER_MIN_CONFIDENCE,
        maxMessageChars: config.MAX_MESSAGE_CHARS,
        now: overrides.now,
        newId: overrides.newId,
    });
    const limiter = new RateLimiter(config.TOKEN_RATE_LIMIT_PER_MINUTE, 60_000);
    const localDirectLine = new LocalDirectLine(logger, new RateLimiter(60, 60_000));
    const routes = [
        (s: Server) => localDirectLine.register(s),
        (s: Server) => registerDirectLineToken(s, { secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT, local: localDirectLine, limiter, logger, trustedProxyHops: config.TRUSTED_PROXY_HOPS }),
        (s: Server) =>
            registerWebChatPage(s, {
                partnerName: profile.name,
                accentColor: config.WEBCHAT_ACCENT_COLOR,
                logoUrl: config.WEBCHAT_LOGO_URL,
                embedAncestors: config.WEBCHAT_EMBED_ORIGINS,
                connectOrigins: config.DIRECT_LINE_SECRET ? [new URL(config.DIRECT_LINE_ENDPOINT).origin] : [],
            }),
    ];
    const server = createServer({
        adapter: createAdapter(config, logger),
        bot,
        logger,
        maxBodyBytes: config.MAX_BODY_BYTES,
        limits: serverLimits(config),
        // The built-in Direct Line's connector path: the bot's own replies, not a client's requests.
        internalPathPrefixes: ['/directline-connector/'],
        databaseUp: database.ping,
        routes,
    });
    return { ...server, database, tickets, partner: profile };
}
