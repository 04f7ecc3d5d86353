import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * Injected only when the user asks to save a page (scripting.executeScript, isolated world): reads
 * the page's main text with Readability from a clone, so the page itself is not touched. The result
 * is page-shaped and is parsed by the background before it is stored.
 */
export default defineUnlistedScript(() => {
  const selection = window.getSelection()?.toString().trim() ?? '';
  const parsed = (() => {
    try {
      return new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
    } catch {
      return null;
    }
  })();
  const text = parsed?.textContent ?? document.body?.innerText ?? '';
  return {
    title: (parsed?.title || document.title || '').slice(0, 2000),
    byline: parsed?.byline?.slice(0, 1000) ?? null,
    excerpt: parsed?.excerpt?.slice(0, 5000) ?? null,
    text: text.replace(/\n{3,}/g, '\n\n').trim().slice(0, 200_000),
    selectionText: selection.slice(0, 200_000),
    url: location.href,
  };
});
