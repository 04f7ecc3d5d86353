import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/workspace/OptionsApp';
import { NotebookGate } from '../../components/ui/NotebookGate';
import { getDb, requestPersistence } from '../../utils/db/db';
import { locale, setI18nHost } from '../../utils/i18n';
import { i18nHost } from '../../utils/messaging/client';
import { reportNotebookChanges } from '../../utils/messaging/notebook-changes';
import '../../components/ui/base.css';
import '../../components/ui/panels.css';

setI18nHost(i18nHost);
document.documentElement.lang = locale();
// Ask once per page load not to evict the notebook under storage pressure (Window-only API).
void requestPersistence();
// The toolbar badge counts what is due: tell the background after each write.
reportNotebookChanges();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <NotebookGate db={getDb()}>
      <OptionsApp />
    </NotebookGate>
  </StrictMode>,
);
