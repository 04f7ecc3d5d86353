import { createTables } from './0001-create-tables';
import { addTimelineLinks } from './0002-add-timeline-links';
import { packSearchIndex } from './0003-pack-search-index';
import { packContacts } from './0004-pack-contacts';
import { unpackContacts } from './0005-unpack-contacts';
import { indexCoverage } from './0006-index-coverage';
import { deriveWorkspaceFigures } from './0007-derive-workspace-figures';
import { indexReactivation } from './0008-index-reactivation';
import type { Migration } from './types';

/** Every schema step in order. A new step is a new numbered file appended here, never an edit. */
export const MIGRATIONS: readonly Migration[] = [createTables, addTimelineLinks, packSearchIndex, packContacts, unpackContacts, indexCoverage, deriveWorkspaceFigures, indexReactivation];
