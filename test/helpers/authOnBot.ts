import sinon from 'sinon';
import { FakeOpenIdProvider } from '../fakes/fakeOpenIdProvider';
import { BotHarness } from './botHarness';

/** The app id the auth-on tests register the bot with. */
export const TEST_APP_ID = '6f1c2a4e-8d3b-4c55-9e21-0a7b3c9d1e42';

/**
 * The real bot with Bot Framework authentication on: MicrosoftAppId set and channel tokens'
 * signing keys served by a fake OpenID metadata endpoint (see FakeOpenIdProvider). The SDK
 * prints refused tokens with console.error; that output is stubbed while the bot runs.
 */
export class AuthOnBot {
    private constructor(
        readonly bot: BotHarness,
        readonly idp: FakeOpenIdProvider,
        private readonly sdkConsole: sinon.SinonStub,
    ) {}

    /** `env` adds to (or overrides) the auth settings. */
    static async start(env: Record<string, string> = {}): Promise<AuthOnBot> {
        const idp = new FakeOpenIdProvider();
        await idp.start();
        const bot = await BotHarness.start({ env: { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'app-password-for-tests', BotOpenIdMetadata: idp.metadataUrl, ALLOW_NO_TICKET_RECEIVER: 'true', ...env } });
        return new AuthOnBot(bot, idp, sinon.stub(console, 'error'));
    }

    /** A valid channel token for activities replying to the fake channel. */
    token(): string {
        return this.idp.sign({ aud: TEST_APP_ID, serviceurl: this.bot.channel.url });
    }

    async stop(): Promise<void> {
        this.sdkConsole.restore();
        await this.bot.stop();
        await this.idp.stop();
    }
}
