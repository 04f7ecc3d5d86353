import { ReminderSettingsPanel } from './ReminderSettingsPanel';

/** The workspace's settings: one section per area (each its own component). */
export function SettingsView() {
  return (
    <section className="workspace__settings" data-testid="settings">
      <ReminderSettingsPanel />
    </section>
  );
}
