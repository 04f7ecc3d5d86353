/**
 * What the sidebar shows around a known contact once the card has painted: the tabs with the
 * timeline (the tab open by default), the capture button, the responsiveness line and the contact
 * picker. One chunk, loaded right after the first paint: they render together, so as separate
 * chunks they cost a request each and a three-step waterfall (tabs, then timeline, then its channel
 * options). Panels behind other tabs, "add manually" and LinkedIn's unsaved messages stay chunks of
 * their own. tests/check-bundles.mjs keeps all of them out of the first paint.
 */
export { ContactTabs } from './ContactTabs';
export { Timeline } from '../timeline/Timeline';
export { CaptureButton } from '../timeline/CaptureButton';
export { ResponsivenessLine } from '../contact/ResponsivenessLine';
export { ContactPicker } from '../contact/ContactPicker';
