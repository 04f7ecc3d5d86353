import { defineContentScript } from 'wxt/utils/define-content-script';
import { startWebmail } from '../../utils/content/start';
import { gmailAdapter } from '../../utils/sites/gmail/adapter';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startWebmail(gmailAdapter, ctx),
});
