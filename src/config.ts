import { z } from 'zod';

const booleanFlag = z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

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
    DIRECT_LINE_SECRET: optionalString,
    DIRECT_LINE_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().default('https://directline.botframework.com')),
    WEBCHAT_ACCENT_COLOR: z.preprocess(emptyAsUndefined, z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'expected #RRGGBB').default('#0F6CBD')),
    WEBCHAT_LOGO_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    WEBCHAT_EMBED_ORIGINS: z.preprocess(emptyAsUndefined, z.string().max(2000).default('*')),
    TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    CONVERSATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    CLIENT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    MAX_CONCURRENT_TURNS: z.coerce.number().int().min(1).max(10_000).default(64),
    MAX_QUEUED_TURNS: z.coerce.number().int().min(0).max(100_000).default(1000),
    BotOpenIdMetadata: z.preprocess(emptyAsUndefined, z.url().optional()),
});

export type AppConfig = z.infer<typeof EnvSchema>;

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

/** True when inbound Bot Framework authentication is on (an app id is configured). */
export function authEnabled(config: AppConfig): boolean {
    return config.MicrosoftAppId !== undefined;
}
