import { browser } from 'wxt/browser';
import { getDb } from '../../../utils/db/db';
import { setFollowUpDone, snoozeFollowUp } from '../../../utils/db/repos/followups';
import { addInteraction } from '../../../utils/db/repos/interactions';
import { getLoggingSettings } from '../../../utils/db/repos/logging-settings';
import { badgeFigures, contactNames, runReminders } from '../../../utils/db/repos/reminders';
import { snoozeDay } from '../../../utils/db/repos/workspace';
import type { ContactId, FollowUpId } from '../../../utils/domain/common';
import {
  REMINDER_KINDS,
  badgeCounts,
  badgeFigureText,
  badgeText,
  dismissReminders,
  keysAnnouncedAt,
  parseReminderKey,
  remindersOff,
  snoozeReminders,
  tomorrowAt,
  type Notice,
  type ReminderKind,
  type ReminderSettings,
} from '../../../utils/domain/reminders';
import { t } from '../../../utils/i18n';
import type { ContextStore } from '../../../utils/messaging/context-store';
import type { Broadcast } from '../../../utils/messaging/protocol';
import {
  loadReminderSettings,
  loadReminderState,
  loadSummaryKeys,
  onReminderSettingsChanged,
  saveReminderState,
  saveSummaryKeys,
} from '../../../utils/messaging/reminder-store';
import { toolbarAction } from './side-panel';

/*
 * Thin wiring of reminders (issue 11): an alarm runs `runReminders` (its reads and the pure
 * `planRun`, in utils/) and shows what it returns; the badge is recounted on every run, on every notebook
 * change a page reports, on a settings change and at midnight. Notification ids carry what a
 * click or a button needs: `rapport|<kind>|<contact id>|<ref>`, the ref being the follow-up's id,
 * the keep-in-touch or awaiting-reply reminder's key, or (a summary) the run that announced it.
 *
 * Buttons act without opening anything. Follow-up: "Done" marks it done, "Tomorrow" moves it to
 * tomorrow. Keep-in-touch: "Done" means the contact was reached, which the notebook knows as a real
 * touchpoint: one entry "in touch" (outbound, channel "other", editable on the timeline) is logged
 * now, so the cadence, the last contact and the guard count it like any other contact; "Tomorrow"
 * announces it again tomorrow. Awaiting reply: "Done" ends that message's reminder (and takes it
 * off the badge; a newer message from them is a new reminder), "Tomorrow" announces it again
 * tomorrow. A summary offers "Tomorrow" only (all it announced, tomorrow): marking several unseen
 * items done at once is not what a click on a count means; its click opens the Today list.
 */

const ALARM = 'reminders';
/** A safety net: runs even when no change was reported (a follow-up added meanwhile is announced within the hour). */
const HOURLY = 'reminders-hourly';
const PREFIX = 'rapport|';

const WEBMAIL_TABS = ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'];

function countText(kind: ReminderKind, n: number): string {
  const key = kind === 'keep-in-touch' ? 'keepInTouch' : kind;
  return n === 1 ? t(`rem_count_${key}_one`) : t(`rem_count_${key}_other`, n);
}

interface Shown {
  id: string;
  title: string;
  message: string;
  /** Button titles, in the order `onButtonClicked` numbers them. */
  buttons: string[];
}

function describe(notice: Notice, names: Map<string, string>, runAt: number): Shown {
  if (notice.type === 'summary') {
    const parts = REMINDER_KINDS.filter((kind) => notice.counts[kind] > 0).map((kind) => countText(kind, notice.counts[kind]));
    return {
      id: `${PREFIX}summary|${notice.contactId ?? ''}|${runAt}`,
      title: t('rem_summaryTitle'),
      message: t(notice.catchUp ? 'rem_summaryCatchUp' : 'rem_summaryNow', parts.join(', ')),
      buttons: [t('rem_buttonTomorrow')],
    };
  }
  const { item } = notice;
  const name = item.contactName ?? names.get(item.contactId) ?? t('rem_someone');
  const buttons = [t('rem_buttonDone'), t('rem_buttonTomorrow')];
  if (item.kind === 'followup') return { id: `${PREFIX}followup|${item.contactId}|${item.followUpId ?? ''}`, title: t('rem_followUpTitle', name), message: item.what ?? '', buttons };
  const id = `${PREFIX}${item.kind}|${item.contactId}|${item.key}`;
  if (item.kind === 'keep-in-touch') return { id, title: t('rem_keepInTouchTitle', name), message: t('rem_keepInTouchText'), buttons };
  return { id, title: t('rem_awaitingTitle', name), message: item.what ? t('rem_awaitingText', item.what) : t('rem_awaitingTextNoSubject'), buttons };
}

async function show(shown: Shown): Promise<void> {
  const base = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png'), title: shown.title, message: shown.message };
  if (shown.buttons.length > 0) {
    try {
      await browser.notifications.create(shown.id, { ...base, buttons: shown.buttons.map((title) => ({ title })) } as never);
      return;
    } catch {
      // Firefox has no notification buttons: the same notification without them (a click opens the contact).
    }
  }
  await browser.notifications.create(shown.id, base);
}

/** "2 follow-ups due or overdue, 1 contact waiting for your reply": what the badge's number is made of. */
function badgeParts(counts: { followUpsDue: number; awaiting: number }): string[] {
  const part = (key: string, n: number) => (n === 1 ? t(`${key}_one`) : t(`${key}_other`, badgeFigureText(n)));
  return [
    ...(counts.followUpsDue > 0 ? [part('rem_badge_followups', counts.followUpsDue)] : []),
    ...(counts.awaiting > 0 ? [part('rem_badge_awaiting', counts.awaiting)] : []),
  ];
}

async function setBadge(settings: ReminderSettings, counts: { followUpsDue: number; awaiting: number }): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const shown = badgeCounts(settings, counts);
  const text = remindersOff(settings) ? '' : badgeText(shown);
  const title = remindersOff(settings)
    ? t('rem_badgeTitleOff')
    : text
      ? t('rem_badgeTitle', text, badgeParts(shown).join(', '))
      : t('rem_badgeTitleNone');
  await Promise.all([action.setBadgeText({ text }), action.setTitle({ title }), text ? action.setBadgeBackgroundColor({ color: '#b3261e' }) : undefined]);
}

/**
 * Opens a contact: the webmail tab whose open mail shows them, its docked sidebar told to show
 * them (they may not be the person it shows first), else the workspace at the contact.
 */
async function openContact(contacts: ContextStore, broadcast: (message: Broadcast) => void, contactId: string | undefined): Promise<void> {
  if (contactId) {
    const contact = await getDb().contacts.get(contactId as never);
    const emails = new Set(contact?.emails ?? []);
    if (emails.size > 0) {
      for (const tab of await browser.tabs.query({ url: WEBMAIL_TABS })) {
        if (tab.id === undefined) continue;
        const context = await contacts.get(tab.id);
        if (context?.view === 'email-thread' && context.people.some((p) => p.email && emails.has(p.email))) {
          await browser.tabs.update(tab.id, { active: true });
          if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
          broadcast({ type: 'focus/changed', tabId: tab.id, contactId });
          return;
        }
      }
    }
  }
  const hash = contactId ? `#contact/${encodeURIComponent(contactId)}` : '#today';
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
}

function parseId(id: string): { kind: string; contactId?: string; ref?: string } | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const [kind = '', contactId = '', ...rest] = id.slice(PREFIX.length).split('|');
  const ref = rest.join('|');
  return { kind, ...(contactId ? { contactId } : {}), ...(ref ? { ref } : {}) };
}

/** Moves a follow-up to tomorrow; one erased meanwhile is left alone. */
async function followUpTomorrow(followUpId: string, now: Date): Promise<void> {
  await snoozeFollowUp(getDb(), followUpId as FollowUpId, snoozeDay('tomorrow', now), now).catch(() => undefined);
}

/**
 * What a notification button does (see the comment at the top), at `now`. Follow-ups change in the
 * notebook; keep-in-touch and awaiting-reply reminders in the alarm's memory, except a keep-in-touch
 * "Done", which logs the touchpoint (once per reminder: its key is the entry's source key).
 */
export async function reminderButton(notificationId: string, button: number, now: Date): Promise<void> {
  const parsed = parseId(notificationId);
  if (!parsed?.ref) return;
  const { kind, contactId, ref } = parsed;
  const done = button === 0 && kind !== 'summary';
  if (kind === 'followup') {
    if (done) await setFollowUpDone(getDb(), ref as FollowUpId, true, now).catch(() => undefined);
    else await followUpTomorrow(ref, now);
    return;
  }
  if (kind === 'keep-in-touch' && done) {
    if (!contactId) return;
    const logging = await getLoggingSettings(getDb());
    await addInteraction(
      getDb(),
      {
        contactIds: [contactId as ContactId],
        kind: 'message',
        channel: 'other',
        direction: 'outbound',
        department: logging.department,
        occurredAt: now.toISOString(),
        subject: t('rem_reachedSubject'),
        text: '',
        source: { site: 'manual', messageId: ref },
      },
      now,
    ).catch(() => undefined);
    return;
  }
  const [settings, state] = await Promise.all([loadReminderSettings(), loadReminderState()]);
  if (kind === 'summary') {
    const keys = (await loadSummaryKeys(Number(ref))) ?? keysAnnouncedAt(state, Number(ref));
    const others: string[] = [];
    for (const key of keys) {
      const named = parseReminderKey(key);
      if (named?.kind === 'followup') await followUpTomorrow(named.id, now);
      else others.push(key);
    }
    await saveReminderState(snoozeReminders(state, others, tomorrowAt(now, settings)));
    return;
  }
  if (kind !== 'keep-in-touch' && kind !== 'awaiting') return;
  await saveReminderState(done ? dismissReminders(state, [ref], now) : snoozeReminders(state, [ref], tomorrowAt(now, settings)));
}

/** Wires alarms, notifications and the badge; returns `refresh`, which recounts the badge. */
export function registerReminders(contexts: ContextStore, broadcast: (message: Broadcast) => void = () => undefined): { refresh(): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  const serial = (job: () => Promise<void>) => {
    queue = queue.then(job).catch(() => undefined);
    return queue;
  };

  const refresh = () =>
    serial(async () => {
      const settings = await loadReminderSettings();
      if (remindersOff(settings)) return setBadge(settings, { followUpsDue: 0, awaiting: 0 });
      const now = new Date();
      await setBadge(settings, await badgeFigures(getDb(), now, settings, await loadReminderState()));
    });

  /** One run of the alarm: the same code whatever woke it (the alarm, the browser's start). */
  const run = (startup: boolean) =>
    serial(async () => {
      const now = new Date();
      const [settings, state] = await Promise.all([loadReminderSettings(), loadReminderState()]);
      const { badge, plan } = await runReminders(getDb(), now, settings, state, startup);
      await setBadge(settings, badge);
      // Remembered before shown: a worker stopped half-way never shows a reminder twice.
      await saveReminderState(plan.state);
      if (plan.notices.some((n) => n.type === 'summary')) await saveSummaryKeys(now.getTime(), plan.announced);
      if (plan.notices.length > 0) {
        const names = await contactNames(
          getDb(),
          plan.notices.flatMap((n) => (n.type === 'single' ? [n.item.contactId] : [])),
        );
        for (const notice of plan.notices) await show(describe(notice, names, now.getTime())).catch(() => undefined);
      }
      await browser.alarms.create(ALARM, { when: plan.nextRunAt });
    });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === HOURLY) void run(false);
  });
  browser.runtime.onStartup.addListener(() => void run(true));
  browser.runtime.onInstalled.addListener(() => void run(false));
  onReminderSettingsChanged(() => void run(false));

  browser.notifications.onClicked.addListener((id) => {
    const parsed = parseId(id);
    if (!parsed) return;
    void browser.notifications.clear(id);
    void openContact(contexts, broadcast, parsed.contactId).catch(() => undefined);
  });
  browser.notifications.onButtonClicked?.addListener((id, button) => {
    if (!parseId(id)) return;
    void browser.notifications.clear(id);
    // In turn with the alarm's runs: both change the alarm's memory.
    void serial(() => reminderButton(id, button, new Date())).then(refresh);
  });

  void browser.alarms.get(HOURLY).then((alarm) => {
    if (!alarm) void browser.alarms.create(HOURLY, { periodInMinutes: 60 });
  });
  // A restarted worker (or a reloaded extension) shows the current count at once.
  void refresh();
  return { refresh };
}
