// Every unit test gets a fresh, in-memory IndexedDB (the real one lives in the browser).
import 'fake-indexeddb/auto';
