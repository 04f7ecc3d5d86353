import { defineContentScript } from 'wxt/utils/define-content-script';
import { startWebmail } from '../../utils/content/start';
import { outlookAdapter } from '../../utils/sites/outlook/adapter';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startWebmail(outlookAdapter, ctx),
});
