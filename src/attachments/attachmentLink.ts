/** Where kept files are served: the random 128-bit id is the capability (agents open it from Teams). */
export const ATTACHMENT_ROUTE = '/api/attachments/:id';

/**
 * The link to a kept file: absolute under PUBLIC_URL (Teams opens only public https links),
 * otherwise relative to this server, which Web Chat's page resolves but an agent's card cannot.
 */
export function attachmentLink(publicUrl: string | undefined): (id: string) => string {
    return (id) => `${publicUrl ?? ''}/api/attachments/${id}`;
}
