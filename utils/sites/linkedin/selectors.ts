import { anyOf, forms } from '../labels';
import * as L from './labels';

/**
 * LinkedIn DOM knowledge (read only: nothing is ever added to LinkedIn pages), stablest first.
 * Two profile layouts live side by side: classic Ember (2024) and the 2025/26 server-driven UI (SDUI).
 */

/** The signed-in viewer's name. */
export const VIEWER_NAME = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (global nav photo alt)
  'img.global-nav__me-photo[alt]',
  '.global-nav__me img[alt]',
] as const;

// ---- profile ------------------------------------------------------------------------------------

/** Main profile column (asides and the messaging overlay are outside it). */
export const PROFILE_MAIN = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html?layout=sdui
  'main[data-sdui-screen*="rofile"]',
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic)
  'main.scaffold-layout__main',
  'main',
] as const;

/** Top card (name, headline, location). */
export const TOP_CARD = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic: first card carries data-member-id)
  'section[data-member-id]',
  // seen 2026-11 in shared/fixtures/linkedin-profile.html?layout=sdui
  'section[componentkey$="Topcard"]',
  'section',
] as const;

/** Links that name the profile's slug on screen (to tell a stale view from the URL's profile). */
export const PROFILE_SLUG_LINK = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic)
  'a[href*="/overlay/about-this-profile/"]',
  'a[href$="/overlay/contact-info/"]',
  // seen 2026-11 in shared/fixtures/linkedin-profile.html?layout=sdui (name heading inside a[href="/in/<slug>/"])
  'a[href^="/in/"]:has(h1, h2)',
  'a[href*="/in/"][href*="/overlay/"]',
] as const;

/** The profile name. */
export const PROFILE_NAME = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic)
  'a[href*="/overlay/about-this-profile/"] h1',
  'h1.text-heading-xlarge',
  // seen 2026-11 in shared/fixtures/linkedin-profile.html?layout=sdui / sdui-h1
  'a[href^="/in/"] h1',
  'a[href^="/in/"] h2',
  'h1',
] as const;

/** Headline under the name. */
export const HEADLINE = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic)
  '[data-generated-suggestion-target].text-body-medium',
  '.text-body-medium.break-words',
] as const;

/** Location line of the top card. */
export const LOCATION = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic)
  'span.text-body-small.inline.t-black--light.break-words',
] as const;

/** Contact-info link; its sibling text is the location in the SDUI layout. */
export const CONTACT_INFO = 'a[href*="/overlay/contact-info/"]';

/** Top-card company button: aria-label "Current company: X. Click to skip to experience card". */
export const CURRENT_COMPANY = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic; localised prefixes: labels.ts)
  forms(L.CURRENT_COMPANY).map((form) => `button[aria-label^="${form}:"], button[aria-label^="${form} :"]`).join(', '),
];
/** Headline "Title at Company" (labels.ts AT). */
export const HEADLINE_AT = new RegExp(`^(.+?)\\s+(?:${anyOf(L.AT)})\\s+(.+?)(?:\\s+[|·,]|$)`);
/** A connection-degree badge in any language ("· 2nd", "· 2.", "2e", "3°", "1er", "2.º", "3rd+"). */
export const DEGREE = /^[·•]|^\d(st|nd|rd|th|er|e|\.|°|º|\.º|:a)?\+?$/;

/** Experience section. */
export const EXPERIENCE = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html?layout=sdui
  'section[componentkey$="ExperienceTopLevelSection"]',
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic: anchor div#experience inside the card)
  'section:has(> #experience)',
  'section:has(#experience)',
] as const;

/** One experience entry. */
export const EXPERIENCE_ENTRY = [
  // seen 2026-11 in shared/fixtures/linkedin-profile.html (classic)
  '[data-view-name=profile-component-entity]',
  // seen 2026-11 in shared/fixtures/linkedin-profile.html?layout=sdui
  '[componentkey^="entity-collection-item"]',
  'li',
] as const;

/** Grouped roles under one company: entities nested in an entity (descriptions are plain sub-components). */
// seen 2026-11 in shared/fixtures/linkedin-profile.html (Haven Freight Group, two roles)
export const SUB_ENTRY = '[data-view-name=profile-component-entity]';

// ---- messaging ----------------------------------------------------------------------------------

/** The conversation pane (not the floating overlay bubbles). */
export const THREAD_PANE = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  'main .msg-thread',
  'main .msg-convo-wrapper',
  '.msg-thread:not(#msg-overlay *)',
] as const;

/** Active conversation in the list; its href names the thread shown in the pane. */
export const ACTIVE_CONVERSATION = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  'a.msg-conversations-container__convo-item-link--active[href*="/messaging/thread/"]',
  '.msg-conversation-card--active a[href*="/messaging/thread/"]',
  'a[aria-current][href*="/messaging/thread/"]',
] as const;

/** Thread header: 1:1 has a profile link and the partner's headline; groups list names only. */
export const THREAD_TITLE = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  '.msg-entity-lockup__entity-title',
  '#thread-detail-jump-target',
] as const;
export const THREAD_PROFILE_LINK = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  'a.msg-thread__link-to-profile[href*="/in/"]',
  '.msg-entity-lockup a[href*="/in/"]',
] as const;
export const THREAD_INFO = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  '.msg-entity-lockup__entity-info',
] as const;

/** One message event and its parts (sender meta only on the first message of a group). */
export const EVENT = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  '.msg-s-event-listitem',
  'li.msg-s-message-list__event',
] as const;
export const EVENT_OTHER_CLASS = 'msg-s-event-listitem--other';
export const EVENT_SENDER_NAME = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  '.msg-s-message-group__name',
  'img.msg-s-event-listitem__profile-picture[alt]',
] as const;
export const EVENT_SENDER_LINK = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  'a.msg-s-message-group__profile-link[href*="/in/"]',
  'a.msg-s-event-listitem__link[href*="/in/"]',
] as const;
/** Day heading ("Today", "Gestern", "Monday") and a group's clock time: dates when an event has no URN. */
// seen 2026-11 in shared/fixtures/linkedin-messaging.html
export const DAY_HEADING = 'time.msg-s-message-list__time-heading';
export const GROUP_TIME = 'time.msg-s-message-group__timestamp';
export const EVENT_BODY = [
  // seen 2026-11 in shared/fixtures/linkedin-messaging.html
  '.msg-s-event-listitem__body',
  '.msg-s-event__content',
] as const;

// ---- search -------------------------------------------------------------------------------------

/** One people-search result card. */
export const RESULT = [
  // seen 2026-11 in shared/fixtures/linkedin-search-results.html
  '[data-view-name="search-entity-result-universal-template"]',
  'li.reusable-search__result-container',
  '.search-results-container ul > li',
] as const;
export const RESULT_LINK = [
  // seen 2026-11 in shared/fixtures/linkedin-search-results.html
  '.entity-result__title-text a[href*="/in/"]',
  'a[href*="/in/"]:not([aria-hidden=true])',
  'a[href*="/in/"]',
] as const;
export const RESULT_NAME = [
  // seen 2026-11 in shared/fixtures/linkedin-search-results.html (visible copy; the a11y copy says "View …’s profile")
  '.entity-result__title-text a span[aria-hidden=true]',
  'a[href*="/in/"] span[aria-hidden=true]',
] as const;
export const RESULT_HEADLINE = [
  // seen 2026-11 in shared/fixtures/linkedin-search-results.html
  '.entity-result__primary-subtitle',
] as const;
export const RESULT_LOCATION = [
  // seen 2026-11 in shared/fixtures/linkedin-search-results.html
  '.entity-result__secondary-subtitle',
] as const;
/** Current page of the results; compared with the URL's `page` to spot stale cards. */
export const CURRENT_PAGE = [
  // seen 2026-11 in shared/fixtures/linkedin-search-results.html
  '[data-test-pagination-page-btn] [aria-current=true]',
  '.artdeco-pagination__indicator--number.active',
] as const;
