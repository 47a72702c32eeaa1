import {
    OperationNodeTransformer,
    type KyselyPlugin,
    type PluginTransformQueryArgs,
    type PluginTransformResultArgs,
    type PrimitiveValueListNode,
    type QueryResult,
    type RootOperationNode,
    type UnknownRow,
    type ValueNode,
} from 'kysely';

const strip = (value: unknown): unknown => (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value);

class NulStripper extends OperationNodeTransformer {
    protected override transformValue(node: ValueNode): ValueNode {
        const value = strip(node.value);
        return value === node.value ? node : { ...node, value };
    }

    protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
        return node.values.some((v) => strip(v) !== v) ? { ...node, values: node.values.map(strip) } : node;
    }
}

/**
 * Takes NUL characters out of every string the bot sends to the database. PostgreSQL text
 * cannot hold them, so a customer message with one would fail every retry of its turn
 * (ticket, transcript, handoff rows alike); no customer means them. Applied on SQLite too,
 * so both databases store the same thing.
 */
export class StripNulPlugin implements KyselyPlugin {
    private readonly transformer = new NulStripper();

    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        return this.transformer.transformNode(args.node, args.queryId);
    }

    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return args.result;
    }
}
