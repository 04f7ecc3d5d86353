// Demo notebook for `npm start`: a Rapport backup (format version 2) whose people match the demo
// pages, with dates relative to today so the warnings and follow-ups always show.
const DAY = 86_400_000;

export function demoBackup(now = new Date()) {
  const at = (daysAgo, hour = 10) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const day = (offset) => {
    const d = new Date(now.getTime() + offset * DAY);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const stamp = at(400);
  const anke = 'ct_demo-anke';
  const jonas = 'ct_demo-jonas';
  const noa = 'ct_demo-noa';
  const contact = (fields) => ({ phones: [], tags: [], value: {}, preferences: { channels: [], topics: [] }, createdAt: stamp, updatedAt: stamp, ...fields });
  const interaction = (id, contactIds, kind, channel, direction, daysAgo, subject, text, extra = {}) => ({
    id: `ix_demo-${id}`,
    contactIds,
    kind,
    channel,
    direction,
    department: 'sales',
    occurredAt: at(daysAgo),
    ...(subject ? { subject } : {}),
    text,
    source: { site: 'manual' },
    createdAt: at(daysAgo),
    updatedAt: at(daysAgo),
    ...extra,
  });
  return {
    format: 'rapport-backup',
    version: 2,
    exportedAt: now.toISOString(),
    appVersion: 'demo',
    data: {
      contacts: [
        contact({
          id: anke,
          displayName: 'Anke Sommerfeld',
          givenName: 'Anke',
          familyName: 'Sommerfeld',
          emails: ['a.sommerfeld@holzbau-sommerfeld.example'],
          phones: ['+49 5121 99870'],
          company: 'Holzbau Sommerfeld GmbH',
          title: 'Einkaufsleiterin',
          industry: 'Holzbau',
          tags: ['Bestandskunde', 'Messe Hannover'],
          owner: 'Kai Brenner',
          value: { tier: 'A', yearlyRevenue: { amount: 184000, currency: 'EUR' }, loyalty: 'repeat-customer' },
          pipeline: { pipelineId: 'sales', stage: 'proposal' },
          keepInTouchDays: 30,
          preferences: {
            wants: 'relevant-only',
            channels: ['email', 'phone'],
            maxFrequency: { count: 2, days: 14 },
            bestTime: 'vormittags, nicht freitags',
            language: 'de',
            address: 'formal',
            salutation: 'Sehr geehrte Frau Sommerfeld',
            topics: ['Brettschichtholz', 'Lieferfenster'],
          },
          about: 'Entscheidet über Los 4; Rahmenvertrag läuft Ende März aus.',
          lastInteractionAt: at(2),
          lastInteractionChannel: 'phone',
          createdAt: stamp,
        }),
        contact({
          id: jonas,
          displayName: 'Jonas Weber',
          emails: ['jonas.weber@holzbau-sommerfeld.example'],
          company: 'Holzbau Sommerfeld GmbH',
          title: 'Projektleiter',
          preferences: { channels: ['phone'], topics: [], address: 'informal', language: 'de', doNotContact: { reason: 'Bittet bis Projektende um Ruhe; Kontakt nur über Frau Sommerfeld' } },
        }),
        contact({
          id: noa,
          displayName: 'Noa Ben-Ami',
          linkedinUrl: 'https://www.linkedin.com/in/noa-ben-ami-7f3c21/',
          title: 'Conference interpreter',
          location: 'Haifa, Israel',
          tags: ['freelancer', 'events'],
          value: { tier: 'B', loyalty: 'customer' },
          pipeline: { pipelineId: 'recruiting', stage: 'replied' },
          preferences: { channels: ['linkedin'], topics: ['HE · EN · FR'], address: 'informal', language: 'en' },
          lastInteractionAt: at(45),
          lastInteractionChannel: 'linkedin',
        }),
      ],
      interactions: [
        interaction('1', [anke], 'meeting', 'in-person', 'outbound', 420, 'Hannover Messe', 'Erstkontakt am Stand; Interesse an BSH für Hallenbau.'),
        interaction('2', [anke], 'email', 'email', 'outbound', 9, 'Angebot Los 4', 'Angebot für Los 4 gesendet, gültig 30 Tage.'),
        interaction('3', [anke], 'call', 'phone', 'outbound', 2, undefined, 'Rückfrage zu KW 14: Lieferfenster klären, Preis steht.', { important: true }),
        interaction('4', [noa], 'message', 'linkedin', 'inbound', 45, undefined, 'Available for the March summit, needs the agenda two weeks ahead.'),
      ],
      followUps: [
        { id: 'fu_demo-1', contactId: anke, due: day(-1), what: 'Lieferfenster KW 14 bestätigen', createdAt: at(3), updatedAt: at(3) },
        { id: 'fu_demo-2', contactId: noa, due: day(7), what: 'Send the summit agenda', createdAt: at(40), updatedAt: at(40) },
      ],
      checks: [
        {
          id: 'rc_demo-1',
          contactId: anke,
          at: at(30),
          pillars: {
            factualInward: { score: 4, comment: 'Auftragsabwicklung läuft über Innendienst Nord' },
            factualOutward: { score: 3, comment: 'Preisgleitklausel offen' },
            emotionalInward: { score: 2, comment: 'Technik blockt Sonderlängen' },
            emotionalOutward: { score: 5, comment: 'Vertrauen seit 2023' },
          },
          createdAt: at(30),
          updatedAt: at(30),
        },
      ],
      companies: [],
      pipelines: [],
    },
  };
}
