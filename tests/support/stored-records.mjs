// Reads stores of the extension's notebook with bare IndexedDB (below Dexie and its reading
// hooks), from an extension page driven by Playwright or puppeteer: both `evaluate(fn, arg)`.

/** Every record of each named store, as stored: `{ [store]: rows }`. */
export function storedRecords(extensionPage, stores) {
  return extensionPage.evaluate(
    (names) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(names, 'readonly');
          const requests = names.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            db.close();
            resolve(Object.fromEntries(names.map((name, i) => [name, requests[i].result])));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}
