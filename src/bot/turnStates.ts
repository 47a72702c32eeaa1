import { calculateChangeHash, type Storage, type StoreItem, type StoreItems, type TurnContext } from 'botbuilder';
import { NEW_ITEM_ETAG } from '../store/sqlStorage';

/** What a state scope must offer (ConversationState and UserState do). */
export interface StateScope {
    clear(context: TurnContext): Promise<void>;
    get(context: TurnContext): StoreItem | undefined;
    getStorageKey(context: TurnContext): string | undefined;
}

interface Loaded {
    scope: StateScope;
    key: string;
    /** The eTag read at the start of the attempt; undefined when the document did not exist. */
    eTag: string | undefined;
    hash: string;
}

/**
 * A turn's view of its state scopes (conversation and user). `load` reads them afresh at
 * the start of each attempt; `commit` writes the changed ones in one storage call that
 * succeeds only if no other turn has written them since (eTags), so two turns on one
 * conversation — even on two bot instances — cannot both win. botbuilder's own
 * `saveChanges` writes with eTag "*" (last writer wins), which is why the bot does not use it.
 */
export class TurnStates {
    constructor(
        private readonly storage: Storage,
        private readonly scopes: StateScope[],
    ) {}

    /**
     * Reads every scope from storage (never the turn cache), in one query, and remembers what
     * was read. The documents are put into the scopes' turn caches directly (clear, then fill):
     * the scopes' own load would hash each document once more for a save the bot never uses.
     */
    async load(context: TurnContext): Promise<Loaded[]> {
        const keyed = this.scopes.flatMap((scope) => {
            const key = scope.getStorageKey(context);
            return key ? [{ scope, key }] : [];
        });
        const items = keyed.length ? await this.storage.read(keyed.map(({ key }) => key)) : {};
        return Promise.all(
            keyed.map(async ({ scope, key }) => {
                await scope.clear(context);
                const state = Object.assign(scope.get(context) ?? {}, items[key]);
                return { scope, key, eTag: typeof state.eTag === 'string' ? state.eTag : undefined, hash: calculateChangeHash(state) };
            }),
        );
    }

    /**
     * Writes the scopes changed since `load`, all or none; throws ETagConflictError when
     * another turn got there first (the caller then re-runs the turn on fresh state).
     */
    async commit(context: TurnContext, loaded: Loaded[]): Promise<void> {
        const changes: StoreItems = {};
        const written: Array<{ state: StoreItem; item: StoreItem }> = [];
        for (const entry of loaded) {
            const state = entry.scope.get(context);
            if (!state || calculateChangeHash(state) === entry.hash) continue;
            const item: StoreItem = { ...state, eTag: entry.eTag ?? NEW_ITEM_ETAG };
            changes[entry.key] = item;
            written.push({ state, item });
        }
        if (written.length === 0) return;
        await this.storage.write(changes);
        for (const { state, item } of written) state.eTag = item.eTag;
    }
}
