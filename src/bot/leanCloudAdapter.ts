import { ActivityTypes, CloudAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { ConnectorRest, type RequestSigner } from '../channels/connectorRest';

/** The parts of the SDK's ConnectorClient the lean sender needs: where the channel is, and how to sign. */
interface ClientParts {
    baseUri?: string;
    credentials?: RequestSigner;
}

/**
 * The SDK's CloudAdapter — authentication, turn context, invoke responses, proactive turns all
 * as they are — except that what a turn says (messages, card updates) goes to the channel
 * through {@link ConnectorRest}, one JSON request per activity, instead of the SDK's general
 * REST pipeline. Delays, invoke responses and traces are left to the SDK.
 */
export class LeanCloudAdapter extends CloudAdapter {
    /** One sender per connector client (the connector factory reuses clients: see ReusedConnectors). */
    private readonly senders = new WeakMap<object, ConnectorRest>();

    override async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
        const responses: ResourceResponse[] = [];
        for (const activity of activities) {
            const sender = this.senderFor(context);
            if (!sender || activity.type === 'delay' || activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
                responses.push(...(await super.sendActivities(context, [activity])));
                continue;
            }
            delete activity.id;
            responses.push(await sender.send(activity));
        }
        return responses;
    }

    override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
        const sender = this.senderFor(context);
        if (!sender) return super.updateActivity(context, activity);
        const response = await sender.update(activity);
        return response.id ? response : undefined;
    }

    private senderFor(context: TurnContext): ConnectorRest | undefined {
        const client = context.turnState.get(this.ConnectorClientKey) as (ConnectorClient & ClientParts) | undefined;
        if (!client?.baseUri || typeof client.credentials?.signRequest !== 'function') return undefined;
        let sender = this.senders.get(client);
        if (!sender) {
            sender = new ConnectorRest(client.baseUri, client.credentials);
            this.senders.set(client, sender);
        }
        return sender;
    }
}
