import { createHash } from 'node:crypto';
import { z } from 'zod';
import { standardSecretProblem } from './integrations/standardWebhooks';

const booleanFlag = z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });

/** A JSON text that parses and then fits `schema`. */
function jsonOf<T extends z.ZodType>(schema: T) {
    return z
        .string()
        .transform((text, ctx) => {
            try {
                return JSON.parse(text) as unknown;
            } catch {
                ctx.addIssue({ code: 'custom', message: 'expected JSON' });
                return z.NEVER;
            }
        })
        .pipe(schema);
}

/**
 * Partner Center support topic per case, overriding the automatic choice: keys are
 * `<category>` or `<category>.<product>` (e.g. `technical.azure`), values topic ids.
 */
export const SupportTopicOverridesSchema = z.record(
    z.string().regex(/^(commercial|technical)(\.(azure|microsoft365|dynamics365|ems|unknown))?$/, 'keys are <category> or <category>.<product>'),
    z.union([z.string().regex(/^\d{1,16}$/), z.number().int().positive()]).transform(String),
);
export type SupportTopicOverrides = z.infer<typeof SupportTopicOverridesSchema>;

/** A comma-separated list of Microsoft Entra object ids (GUIDs). */
const guidList = z
    .string()
    .transform((v) => v.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.uuid()));
const milliseconds = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** What a visitor may attach: types whose content the server recognises (see src/attachments/fileType.ts). */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** An https URL; plain http only towards this machine (a receiver under test or a local relay). */
const webhookUrl = z.url().refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}, 'expected an https URL (http only for localhost)');
/** An https origin (scheme, host, optional port; a trailing slash is dropped), as a CSP source. */
const httpsOrigin = z.string().transform((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url?.protocol === 'https:' && url.pathname === '/' && !url.search && !url.hash && !url.username && /^https:\/\/[^\s;,'"*]+$/.test(value)) return url.origin;
    ctx.addIssue({ code: 'custom', message: `expected https origins such as https://www.example.com, got ${JSON.stringify(value.slice(0, 80))}` });
    return z.NEVER;
});
const spaceOrCommaList = (v: unknown): unknown => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : (v ?? []));
const commaList = (v: unknown): unknown => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : (v ?? []));

/** What a PSA API key may do: read tickets, add public comments, change their status. */
export const PSA_SCOPES = ['tickets:read', 'tickets:comment', 'tickets:status'] as const;
export type PsaScope = (typeof PSA_SCOPES)[number];

/** A PSA API key as configured: its name (the actor on tickets), its scopes and the SHA-256 (hex) of its secret. */
export interface PsaKeyConfig {
    name: string;
    scopes: PsaScope[];
    sha256: string;
}

/** A bearer token (RFC 6750 b64token) long enough to be a secret. */
const PSA_SECRET = /^[A-Za-z0-9._~+/-]{32,512}=*$/;
const SHA256_HEX = /^sha256=([0-9a-f]{64})$/i;

/**
 * PSA_API_KEYS: entries `<name>:<scope>+<scope>:<secret>` separated by commas or white space;
 * the secret may be given as `sha256=<hex>` so that the configuration never holds it.
 */
const psaKeyList = z.string().transform((value, ctx): PsaKeyConfig[] => {
    const keys: PsaKeyConfig[] = [];
    for (const [index, entry] of value.split(/[\s,]+/).filter(Boolean).entries()) {
        // Scopes hold colons themselves: the name ends at the first colon, the secret starts after the last.
        const name = entry.slice(0, Math.max(0, entry.indexOf(':')));
        const secret = entry.slice(entry.lastIndexOf(':') + 1);
        const scopes = entry.slice(name.length + 1, Math.max(name.length + 1, entry.lastIndexOf(':'))).split('+').filter(Boolean);
        const problem = !/^[A-Za-z0-9._-]{1,64}$/.test(name)
            ? 'the name is 1-64 letters, digits, dots, dashes or underscores'
            : scopes.length === 0 || scopes.some((s) => !(PSA_SCOPES as readonly string[]).includes(s))
              ? `scopes are ${PSA_SCOPES.join(', ')}, joined with +`
              : !SHA256_HEX.test(secret) && !PSA_SECRET.test(secret)
                ? 'the secret is 32+ characters of A-Z a-z 0-9 . _ ~ + / - (or sha256=<64 hex digits>)'
                : keys.some((k) => k.name === name)
                  ? 'the name is used twice'
                  : undefined;
        if (problem) {
            ctx.addIssue({ code: 'custom', message: `entry ${index + 1} (expected <name>:<scope>+<scope>:<secret>): ${problem}` });
            continue;
        }
        const hashed = SHA256_HEX.exec(secret)?.[1]?.toLowerCase();
        keys.push({ name, scopes: [...new Set(scopes)] as PsaScope[], sha256: hashed ?? createHash('sha256').update(secret).digest('hex') });
    }
    if (new Set(keys.map((k) => k.sha256)).size < keys.length) ctx.addIssue({ code: 'custom', message: 'two keys share a secret' });
    return keys;
});

/** The environment, parsed once at start-up. Every variable is listed in `.env.example`. */
export const EnvSchema = z.object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    HOST: optionalString,
    ALLOW_PUBLIC_WITHOUT_AUTH: booleanFlag.default(false),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(emptyAsUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
    MicrosoftAppTenantId: optionalString,
    DATABASE_FILE: z.string().min(1).default('./data/bot.sqlite'),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^postgres(ql)?:\/\//, 'expected postgres://user@host:port/database').optional()),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    ALLOW_NEW_DATABASE: booleanFlag.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PARTNER_PROFILE_FILE: optionalString,
    PARTNER_PROFILE_JSON: optionalString,
    PARTNER_TENANT_ID: z.preprocess(emptyAsUndefined, z.uuid().optional()),
    CUSTOMERS_FILE: optionalString,
    MAX_BODY_BYTES: z.coerce.number().int().min(4096).max(10_485_760).default(262_144),
    MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(4000),
    AZURE_LANGUAGE_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    AZURE_LANGUAGE_KEY: optionalString,
    CLASSIFIER_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.55),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(emptyAsUndefined, z.string().regex(/(^|;)\s*InstrumentationKey=[0-9a-fA-F-]{36}\s*(;|$)/, 'expected an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)').optional()),
    WEBHOOK_URLS: z.preprocess(commaList, z.array(webhookUrl).max(10)),
    ALLOW_NO_TICKET_RECEIVER: booleanFlag.default(false),
    WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, 'use at least 16 characters').superRefine((secret, ctx) => {
        const problem = standardSecretProblem(secret);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }).optional()),
    WEBHOOK_TIMEOUT_MS: milliseconds(100, 60_000, 10_000),
    OUTBOX_POLL_INTERVAL_MS: milliseconds(10, 600_000, 2000),
    OUTBOX_LEASE_MS: milliseconds(200, 3_600_000, 60_000),
    OUTBOX_BACKOFF_BASE_MS: milliseconds(1, 3_600_000, 2000),
    OUTBOX_BACKOFF_CAP_MS: milliseconds(1, 86_400_000, 900_000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(100),
    OUTBOX_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(30 * 86_400).default(86_400),
    DIRECT_LINE_SECRET: optionalString,
    DIRECT_LINE_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().default('https://directline.botframework.com')),
    WEBCHAT_ACCENT_COLOR: z.preprocess(emptyAsUndefined, z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'expected #RRGGBB').default('#0F6CBD')),
    WEBCHAT_LOGO_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    WEBCHAT_FAVICON_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    WEBCHAT_EMBED_ORIGINS: z.preprocess(spaceOrCommaList, z.array(httpsOrigin).max(20)),
    DIRECT_LINE_MAX_CONVERSATIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    DIRECT_LINE_MAX_BYTES: z.coerce.number().int().min(1_048_576).max(4_294_967_296).default(67_108_864),
    /** Files a Web Chat visitor may attach (built-in Direct Line): size per file, files per message, types checked by content. */
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(52_428_800).default(4_194_304),
    UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(10).default(3),
    UPLOAD_TYPES: z.preprocess((v) => commaList(emptyAsUndefined(v) ?? UPLOAD_TYPES.join(',')), z.array(z.enum(UPLOAD_TYPES)).min(1)),
    /** All attachments kept, in bytes, and for how long: the oldest go first when either is reached. */
    UPLOAD_TOTAL_MAX_BYTES: z.coerce.number().int().min(1_048_576).max(1_099_511_627_776).default(1_073_741_824),
    UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** The bot's public https address (e.g. https://support.example.com): links to attachments that agents open from Teams. */
    PUBLIC_URL: z.preprocess(emptyAsUndefined, httpsOrigin.optional()),
    TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    AGENT_AAD_OBJECT_IDS: z.preprocess(emptyAsUndefined, guidList.default([])),
    AGENT_ADMIN_AAD_OBJECT_IDS: z.preprocess(emptyAsUndefined, guidList.default([])),
    ALLOW_AGENTS_WITHOUT_AUTH: booleanFlag.default(false),
    AGENTS_CHANNEL_ID: z.preprocess(emptyAsUndefined, z.string().regex(/^19:[^\s]{1,300}$/, 'expected a Teams channel id such as 19:…@thread.tacv2').optional()),
    AGENTS_SERVICE_URL: z.preprocess(emptyAsUndefined, z.url().default('https://smba.trafficmanager.net/teams/')),
    HANDOFF_WAIT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
    HANDOFF_SWEEP_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
    TICKET_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(7),
    DUE_ALERT_PERCENT: z.coerce.number().int().min(1).max(100).default(75),
    /** Live chats one agent may hold at once (they switch which one their messages go to). */
    AGENT_MAX_CHATS: z.coerce.number().int().min(1).max(10).default(3),
    /** The partner's canned responses for agents (JSON, per language). */
    CANNED_RESPONSES_FILE: z.string().trim().min(1).default('config/canned-responses.json'),
    HANDOFF_HUB_CHANNELS: z.preprocess(
        emptyAsUndefined,
        z
            .string()
            .default('')
            .transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean))
            .pipe(z.array(z.string().regex(/^[a-z0-9-]{1,32}$/).refine((c) => c !== 'msteams', 'msteams cannot use an agent hub (Teams rejects the handoff event)'))),
    ),
    AUTHORITY_HOST: z.preprocess(emptyAsUndefined, httpsUrl.default('https://login.microsoftonline.com')),
    GRAPH_TENANT_ID: optionalString,
    GRAPH_CLIENT_ID: optionalString,
    GRAPH_CLIENT_SECRET: optionalString,
    GRAPH_BASE_URL: z.preprocess(emptyAsUndefined, z.url().default('https://graph.microsoft.com')),
    PARTNER_CENTER_BASE_URL: z.preprocess(emptyAsUndefined, z.url().default('https://api.partnercenter.microsoft.com')),
    PARTNER_CENTER_TENANT_ID: optionalString,
    PARTNER_CENTER_CLIENT_ID: optionalString,
    PARTNER_CENTER_CLIENT_SECRET: optionalString,
    PARTNER_CENTER_REFRESH_TOKEN: optionalString,
    PARTNER_CENTER_LOCALE: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'expected a locale like en-US').default('en-US')),
    AUTO_ESCALATE_SEVERITY_A: booleanFlag.default(false),
    SUPPORT_TOPIC_OVERRIDES: z.preprocess(emptyAsUndefined, jsonOf(SupportTopicOverridesSchema).optional()),
    CONVERSATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    CLIENT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    MAX_CONCURRENT_TURNS: z.coerce.number().int().min(1).max(10_000).default(64),
    MAX_QUEUED_TURNS: z.coerce.number().int().min(0).max(100_000).default(1000),
    HEALTH_DETAILS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(24, 'use at least 24 random characters').regex(/^\S+$/, 'no spaces').optional()),
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1024),
    REQUEST_TIMEOUT_MS: milliseconds(1000, 600_000, 30_000),
    KEEP_ALIVE_TIMEOUT_MS: milliseconds(1000, 600_000, 65_000),
    BotOpenIdMetadata: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** The Entra app for the desk tab's sign-in (Teams SSO and the browser); default MicrosoftAppId. */
    DESK_CLIENT_ID: z.preprocess(emptyAsUndefined, z.uuid().optional()),
    /** Its client secret, to redeem the browser sign-in's code; default MicrosoftAppPassword. */
    DESK_CLIENT_SECRET: optionalString,
    /** The bot's public https origin (tab URLs, the sign-in's redirect URI, the weekly card's link). */
    DESK_BASE_URL: z.preprocess(emptyAsUndefined, httpsOrigin.optional()),
    /** Hour (partner time) on Monday from which last week's summary card goes to the agents; 'off' for none. */
    WEEKLY_SUMMARY_HOUR: z.preprocess(emptyAsUndefined, z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).default(8)),
    PSA_API_KEYS: z.preprocess((v) => v ?? '', psaKeyList),
    PSA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    PSA_IDEMPOTENCY_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
}).superRefine(crossChecks);

export type AppConfig = z.infer<typeof EnvSchema>;

/** Rules that involve two variables. */
function crossChecks(
    env: { WEBHOOK_URLS: string[]; WEBHOOK_SECRET?: string; WEBHOOK_TIMEOUT_MS: number; OUTBOX_LEASE_MS: number; MicrosoftAppId?: string; AGENT_AAD_OBJECT_IDS: string[]; AGENT_ADMIN_AAD_OBJECT_IDS: string[]; ALLOW_AGENTS_WITHOUT_AUTH: boolean },
    ctx: z.RefinementCtx,
): void {
    if (env.WEBHOOK_URLS.length > 0 && !env.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required when WEBHOOK_URLS is set (receivers verify the signature with it)' });
    const agents = env.AGENT_AAD_OBJECT_IDS.length + env.AGENT_ADMIN_AAD_OBJECT_IDS.length > 0;
    if (agents && !env.MicrosoftAppId && !env.ALLOW_AGENTS_WITHOUT_AUTH) {
        ctx.addIssue({
            code: 'custom',
            path: [env.AGENT_ADMIN_AAD_OBJECT_IDS.length > 0 ? 'AGENT_ADMIN_AAD_OBJECT_IDS' : 'AGENT_AAD_OBJECT_IDS'],
            message: 'agents need Bot Framework authentication (set MicrosoftAppId): without it anyone who reaches /api/messages can claim to be a Teams agent. For local testing only, set ALLOW_AGENTS_WITHOUT_AUTH=true',
        });
    }
    if (env.OUTBOX_LEASE_MS <= env.WEBHOOK_TIMEOUT_MS) ctx.addIssue({ code: 'custom', path: ['OUTBOX_LEASE_MS'], message: 'must be longer than WEBHOOK_TIMEOUT_MS (a lease must outlive a delivery)' });
}

/** Thrown when the environment does not parse; the message names every bad variable. */
export class ConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ConfigError';
    }
}

/** Parses the environment; throws a ConfigError that lists each invalid variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const result = EnvSchema.safeParse(env);
    if (result.success) return result.data;
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`loadConfig(): invalid configuration\n${lines.join('\n')}`);
}

/** The Entra app id the desk tab signs people in with, or undefined (development on loopback only). */
export function deskClientId(config: AppConfig): string | undefined {
    return config.DESK_CLIENT_ID ?? config.MicrosoftAppId;
}

/** True when inbound Bot Framework authentication is on (an app id is configured). */
export function authEnabled(config: AppConfig): boolean {
    return config.MicrosoftAppId !== undefined;
}

/**
 * True when Teams activities may be believed enough to make someone an agent: Bot Framework
 * authentication is on, or local testing explicitly allows it (ALLOW_AGENTS_WITHOUT_AUTH).
 */
export function agentsTrusted(config: AppConfig): boolean {
    return authEnabled(config) || config.ALLOW_AGENTS_WITHOUT_AUTH;
}
