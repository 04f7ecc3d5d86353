import type { ContextStore } from '../../../utils/messaging/context-store';
import type { PageMessage } from '../../../utils/messaging/protocol';
import type { FocusStore } from './capture';

/**
 * A contact was erased in a page (the database part is done there): the background forgets
 * what it holds of them elsewhere — page contexts that show them (memory and session storage)
 * and the sidebar focus on them.
 */
export async function forgetErased(contexts: ContextStore, focus: FocusStore, message: Extract<PageMessage, { type: 'contact/erased' }>): Promise<void> {
  await focus.forgetContact(message.contactId);
  await contexts.forgetPeople(message);
}
