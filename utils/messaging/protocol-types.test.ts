import { describe, expectTypeOf, it } from 'vitest';
import type { PageMessage, PageReplies, PageRequest } from './protocol';

// Checked by `npm run typecheck` (tsc covers test files): the client is typed by the request → reply map.
describe('typed page requests', () => {
  it('every message type has a reply, and an unknown type does not compile', () => {
    expectTypeOf<keyof PageReplies>().toEqualTypeOf<PageMessage['type']>();
    expectTypeOf<PageReplies['frame/tab']>().toEqualTypeOf<{ tabId: number | null }>();
    expectTypeOf<PageRequest<'focus/set'>>().toMatchTypeOf<{ type: 'focus/set'; tabId: number; contactId: string | null }>();
    // @ts-expect-error 'contacts/drop-all' is not a message of the protocol
    expectTypeOf<PageRequest<'contacts/drop-all'>>().toBeNever();
  });
});
