import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../utils/db/db';
import { t } from '../../utils/i18n';
import { appVersion, backupNow } from '../../utils/messaging/client';
import { BackupPanel, BackupWarning } from '../backup/BackupPanel';
import { ExportPanel } from '../transfer/ExportPanel';
import { ImportPanel } from '../transfer/ImportPanel';
import { SettingsView } from '../settings/SettingsView';
import { LoggingSettingsPanel } from '../settings/LoggingSettingsPanel';
import { BoardView } from './BoardView';
import { ContactDetail } from './ContactDetail';
import { ContactsView } from './ContactsView';
import { DuplicatesView } from './DuplicatesView';
import { EmptyState } from './EmptyState';
import { ReactivateView, ResponsivenessView, TodayView } from './ListViews';
import { NAV_COUNT_CAP } from '../../utils/db/repos/workspace';
import { useNavCounts } from './use-lists';
import { useRoute, VIEWS, routeHash, type View } from './route';
import './workspace.css';

/** The workspace: contacts by priority and segment, one contact in full, the lists, the board, import and export. */
export function OptionsApp() {
  const db = getDb();
  const [route, navigate] = useRoute();
  const total = useLiveQuery(() => db.contacts.count(), [db]);
  const counts = useNavCounts(db);
  const empty = total === 0;

  const count = (view: View): number | undefined => (view === 'today' || view === 'reactivate' || view === 'responsiveness' ? counts?.[view] : undefined);

  return (
    <main className="workspace">
      <h1 className="sidebar__title">{t('optionsTitle')}</h1>
      <nav className="workspace__nav" aria-label={t('ws_nav')}>
        <ul className="chips">
          {VIEWS.map((view) => (
            <li key={view}>
              <a
                className={`chip${route.view === view ? ' chip--active' : ''}`}
                href={routeHash({ view })}
                data-testid={`nav-${view}`}
                data-count={count(view) ?? ''}
                aria-current={route.view === view ? 'page' : undefined}
              >
                {t(`ws_view_${view}`)}
                {count(view) !== undefined ? ` (${count(view)! >= NAV_COUNT_CAP ? `${NAV_COUNT_CAP}+` : count(view)})` : ''}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <BackupWarning db={db} />
      {empty && route.view !== 'transfer' && route.view !== 'settings' && <EmptyState />}
      {route.view === 'contact' && <ContactDetail db={db} id={route.arg} />}
      {route.view === 'contacts' && !empty && <ContactsView db={db} />}
      {route.view === 'today' && <TodayView db={db} />}
      {route.view === 'reactivate' && <ReactivateView db={db} months={Number(route.arg) || 12} onMonths={(m) => navigate({ view: 'reactivate', arg: String(m) })} />}
      {route.view === 'responsiveness' && <ResponsivenessView db={db} />}
      {route.view === 'duplicates' && <DuplicatesView db={db} />}
      {route.view === 'board' && <BoardView db={db} pipelineId={route.arg} onPipeline={(id) => navigate({ view: 'board', arg: id })} />}
      {route.view === 'settings' && <SettingsView />}
      {route.view === 'settings' && <LoggingSettingsPanel db={db} />}
      {/* Import and export stay mounted across the first import (the report must outlive the empty state). */}
      {(route.view === 'transfer' || route.view === 'contacts' || empty) && (
        <section className="workspace__transfer" id="transfer">
          <ImportPanel db={db} />
          <ExportPanel db={db} appVersion={appVersion()} />
          <BackupPanel db={db} backupNow={backupNow} />
        </section>
      )}
    </main>
  );
}
