// Steps in the docked sidebar that several Chromium tests take the same way.

/** Sets "at most `max` contacts in `days` days" on the preferences tab (labels in the page's language), back on the timeline after. */
export async function setFrequency(frame, { maxLabel, daysLabel }, max, days) {
  await frame.click('[data-testid="tab-preferences"]');
  await frame.getByLabel(maxLabel).fill(String(max));
  const period = frame.getByLabel(daysLabel);
  await period.fill(String(days));
  await period.press('Enter');
  await period.blur();
  await frame.click('[data-testid="tab-timeline"]');
}

/** Logs a call with `text` from the note form and waits until the timeline shows it. */
export async function logCall(frame, text) {
  await frame.fill('[data-testid="note-input"]', text);
  await frame.locator('[data-testid="note-kind"]').selectOption('call');
  await frame.click('[data-testid="note-save"]');
  await frame.locator('[data-testid="timeline-item"]', { hasText: text }).waitFor();
}
