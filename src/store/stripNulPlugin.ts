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

/** The value without NUL characters when it is a string that has any; anything else as it is. */
export const stripNul = (value: unknown): unknown => (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value);

class NulStripper extends OperationNodeTransformer {
    protected override transformValue(node: ValueNode): ValueNode {
        const value = stripNul(node.value);
        return value === node.value ? node : { ...node, value };
    }

    protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
        return node.values.some((v) => stripNul(v) !== v) ? { ...node, values: node.values.map(stripNul) } : node;
    }
}

/**
 * Takes NUL characters out of every string the bot sends to the database. PostgreSQL text
 * cannot hold them, so a customer message with one would fail every retry of its turn
 * (ticket, transcript, handoff rows alike); no customer means them. SQLite gets the same
 * treatment more cheaply, on the parameters of its prepared statements (preparedStatements).
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
