// Every unit test gets a fresh, in-memory IndexedDB (the real one lives in the browser).
import 'fake-indexeddb/auto';
// No browser i18n API here: `t` answers from the whole catalog (the built pages ask `_locales`).
import { setFallbackCatalog } from '../../utils/i18n';
import { MESSAGES } from '../../utils/i18n/catalog';
setFallbackCatalog(MESSAGES);
