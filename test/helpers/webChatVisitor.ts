import assert from 'node:assert/strict';

/** A Web Chat visitor of the built-in Direct Line: its token, conversation and activities URL. */
export interface WebChatVisitor {
    token: string;
    conversationId: string;
    userId: string;
    /** Headers for its Direct Line calls. */
    auth: Record<string, string>;
    /** GET (poll) and POST (send) its activities here. */
    url: string;
}

/** POST /api/directline/token, as the chat page does (with the key its browser keeps, when given). */
export function requestToken(baseUrl: string, visitor?: string): Promise<Response> {
    return fetch(`${baseUrl}/api/directline/token`, { method: 'POST', ...(visitor ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitor }) } : {}) });
}

/** Starts the conversation an issued token opens (POST /v3/directline/conversations: 201). */
export async function startConversation(baseUrl: string, issued: Response): Promise<WebChatVisitor> {
    const { token, conversationId, userId } = (await issued.json()) as { token: string; conversationId: string; userId: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    assert.equal((await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth })).status, 201);
    return { token, conversationId, userId, auth, url: `${baseUrl}/v3/directline/conversations/${conversationId}/activities` };
}

/** A visitor with a token and a started conversation. */
export async function openWebChat(baseUrl: string, visitor?: string): Promise<WebChatVisitor> {
    const issued = await requestToken(baseUrl, visitor);
    assert.equal(issued.status, 200, 'a token was issued');
    return startConversation(baseUrl, issued);
}
