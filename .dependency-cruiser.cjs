/**
 * The project's layer rules (see README "Code map"), checked by `npm run lint`:
 * dialogs/ is the top layer and only the composition imports it; cards/, src/policy and
 * src/understanding are leaves that know nothing of botbuilder; the store knows no feature;
 * tooling under scripts/ never reaches the runtime; and there are no import cycles.
 */
const BOTBUILDER = '^node_modules/(botbuilder|botbuilder-core|botbuilder-dialogs|botframework-[a-z-]+)/';
const COMPOSITION = '^src/(app|bot/createBot)[.]ts$';

module.exports = {
    forbidden: [
        { name: 'no-cycles', severity: 'error', comment: 'Import cycles make the layers meaningless.', from: {}, to: { circular: true } },
        {
            name: 'dialogs-are-the-top-layer',
            severity: 'error',
            comment: 'Only the composition (src/app.ts, src/bot/createBot.ts) imports dialogs/.',
            from: { path: '^(src|cards)/', pathNot: COMPOSITION },
            to: { path: '^dialogs/' },
        },
        { name: 'cards-are-a-leaf', severity: 'error', comment: 'cards/ renders templates from data; it imports nothing of the bot.', from: { path: '^cards/' }, to: { path: '^(src|dialogs)/' } },
        { name: 'policy-is-a-leaf', severity: 'error', comment: 'Programme rules are plain functions over plain data.', from: { path: '^src/policy/' }, to: { path: '^(src/(?!policy/)|dialogs/|cards/)' } },
        { name: 'leaves-know-no-botbuilder', severity: 'error', comment: 'Decisions and rendering are plain functions with no botbuilder import.', from: { path: '^(cards|src/policy|src/understanding)/' }, to: { path: BOTBUILDER } },
        { name: 'store-knows-no-feature', severity: 'error', comment: 'The store is infrastructure: features use it, never the reverse.', from: { path: '^src/store/' }, to: { path: '^(dialogs|cards)/|^src/(?!store/|telemetry/|logger[.]ts|config[.]ts|paths[.]ts|policy/types[.]ts)' } },
        {
            name: 'dialogs-through-the-kit',
            severity: 'error',
            comment: "botbuilder-dialogs' index loads every prompt's recognisers (~24 MB the bot never uses): take dialogs from src/bot/dialogKit.ts.",
            from: { path: '^(src|dialogs|cards)/', pathNot: '^src/bot/dialogKit[.]ts$' },
            to: { path: '^node_modules/botbuilder-dialogs/lib/index[.]js$' },
        },
        { name: 'tooling-is-not-runtime', severity: 'error', comment: 'Packaging, training and benchmarks live under scripts/; the bot never imports them.', from: { path: '^(src|dialogs|cards)/' }, to: { path: '^(scripts|test)/' } },
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(dist|data|node_modules/.*/node_modules)/' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
        reporterOptions: { text: { highlightFocused: true } },
    },
};
