import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The one logger: JSON lines on stdout, with an ISO time and a severity name that Azure Monitor
 * (Container Apps / App Service console logs in Log Analytics, Application Insights traces)
 * reads as they are. Personal data (names, e-mails, message text) is never logged at info
 * level; the redact list is a safety net for fields that slip through.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
    return pino(
        {
            level,
            base: { service: 'csp-support-bot' },
            timestamp: pino.stdTimeFunctions.isoTime,
            formatters: { level: (label, number) => ({ level: number, severity: label.toUpperCase() }) },
            redact: {
                paths: ['text', '*.text', 'email', '*.email', 'customerEmail', '*.customerEmail', 'name', '*.name', 'authorization', '*.authorization', 'password', '*.password'],
                censor: '[redacted]',
            },
        },
        destination,
    );
}
