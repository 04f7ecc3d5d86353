import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReadOnly } from '../../utils/content/start';
import { linkedinAdapter } from '../../utils/sites/linkedin/adapter';

// Read-only: LinkedIn gets no element, no web-accessible resource and no message from us.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startReadOnly(linkedinAdapter, ctx),
});
