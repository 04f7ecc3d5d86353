import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { NotebookGate } from '../../components/ui/NotebookGate';
import { getDb, requestPersistence } from '../../utils/db/db';
import { locale, setI18nHost } from '../../utils/i18n';
import { i18nHost } from '../../utils/messaging/client';
import { reportNotebookChanges } from '../../utils/messaging/notebook-changes';

/** The sidebar app (React, Dexie, zod): loaded by main.ts when there is something to show. */
export function mountApp(root: HTMLElement): void {
  setI18nHost(i18nHost);
  document.documentElement.lang = locale();
  // Ask once per page load not to evict the notebook under storage pressure (Window-only API).
  void requestPersistence();
  // The toolbar badge counts what is due: tell the background after each write.
  reportNotebookChanges();
  createRoot(root).render(
    <StrictMode>
      <NotebookGate db={getDb()}>
        <SidebarApp search={location.search} />
      </NotebookGate>
    </StrictMode>,
  );
}
