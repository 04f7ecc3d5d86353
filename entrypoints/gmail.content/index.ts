import { defineContentScript } from 'wxt/utils/define-content-script';
import { startWebmail } from '../../utils/content/start';
import { gmailAdapter } from '../../utils/sites/gmail/adapter';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // document_start: our references to the extension API are taken before the page's DOM exists, so
  // named elements (<form name=chrome>) cannot clobber them; the work itself waits for the DOM.
  runAt: 'document_start',
  main: (ctx) => startWebmail(gmailAdapter, ctx),
});
