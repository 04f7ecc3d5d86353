import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReadOnly } from '../../utils/content/start';
import { linkedinAdapter } from '../../utils/sites/linkedin/adapter';

// Read-only: LinkedIn gets no element, no web-accessible resource and no message from us.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // document_start: our references to the extension API are taken before the page's DOM exists, so
  // named elements (<form name=chrome>) cannot clobber them; the work itself waits for the DOM.
  runAt: 'document_start',
  main: (ctx) => startReadOnly(linkedinAdapter, ctx),
});
