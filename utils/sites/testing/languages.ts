/**
 * Test-only: turns an English fixture into the same page in another language, the way the site
 * would print it: labels from the small table below, dates and times written by CLDR (`Intl`), the
 * `<html lang>` set. People, ids and structure stay the same, so the fixture's expected file still
 * holds. `sv` is a language no adapter table knows: it shows what structure alone recognises.
 */

export const VARIANTS = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv'] as const;
export type Variant = (typeof VARIANTS)[number];

const HTML_LANG: Record<Variant, string> = { de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pt: 'pt-BR', pl: 'pl-PL', sv: 'sv-SE' };

/**
 * a: an attribute value (aria-label, title, placeholder, alt) equal to the English; p: one starting
 * with it; t: a text node equal to it; r: raw text; n: the `name` attribute (Gmail's owner name).
 * Forms in the order of VARIANTS, separated by `|`.
 */
type Rule = [kind: 'a' | 'p' | 't' | 'r' | 'n', english: string, forms: string];

const OUTLOOK: Rule[] = [
  ['a', 'To', 'An|À|Para|A|Aan|Para|Do|Till'],
  ['t', 'To', 'An|À|Para|A|Aan|Para|Do|Till'],
  ['a', 'Cc', 'Cc|Cc|CC|Cc|CC|Cc|DW|Kopia'],
  ['t', 'Cc', 'Cc|Cc|CC|Cc|CC|Cc|DW|Kopia'],
  ['p', 'To: ', 'An: |À : |Para: |A: |Aan: |Para: |Do: |Till: '],
  ['t', 'To:', 'An:|À :|Para:|A:|Aan:|Para:|Do:|Till:'],
  ['p', 'Cc: ', 'Cc: |Cc : |CC: |Cc: |CC: |Cc: |DW: |Kopia: '],
  ['t', 'Cc:', 'Cc:|Cc :|CC:|Cc:|CC:|Cc:|DW:|Kopia:'],
  ['p', 'From: ', 'Von: |De : |De: |Da: |Van: |De: |Od: |Från: '],
  [
    'a',
    'Message body, press Alt+F10 to exit',
    'Nachrichtentext, drücken Sie ALT+F10 zum Beenden|Corps du message, appuyez sur Alt+F10 pour quitter|Cuerpo del mensaje, presione Alt+F10 para salir|Corpo del messaggio, premi ALT+F10 per uscire|Berichttekst, druk op Alt+F10 om af te sluiten|Corpo da mensagem, pressione Alt+F10 para sair|Treść wiadomości, naciśnij klawisze Alt+F10, aby zakończyć|Meddelandetext, tryck på Alt+F10 för att avsluta',
  ],
  ['a', 'Message body', 'Nachrichtentext|Corps du message|Cuerpo del mensaje|Corpo del messaggio|Berichttekst|Corpo da mensagem|Treść wiadomości|Meddelandetext'],
  ['a', 'Email message', 'E-Mail-Nachricht|Message électronique|Mensaje de correo electrónico|Messaggio di posta elettronica|E-mailbericht|Mensagem de email|Wiadomość e-mail|E-postmeddelande'],
  ['a', 'Add a subject', 'Betreff hinzufügen|Ajouter un objet|Agregar un asunto|Aggiungi un oggetto|Onderwerp toevoegen|Adicionar um assunto|Dodaj temat|Lägg till ett ämne'],
  ['a', 'Send', 'Senden|Envoyer|Enviar|Invia|Verzenden|Enviar|Wyślij|Skicka'],
  ['t', 'Send', 'Senden|Envoyer|Enviar|Invia|Verzenden|Enviar|Wyślij|Skicka'],
  ['a', 'Send (Ctrl+Enter)', 'Senden (STRG+EINGABE)|Envoyer (Ctrl+Entrée)|Enviar (Ctrl+Entrar)|Invia (CTRL+INVIO)|Verzenden (Ctrl+Enter)|Enviar (Ctrl+Enter)|Wyślij (Ctrl+Enter)|Skicka (Ctrl+Retur)'],
  ['a', 'Discard', 'Verwerfen|Ignorer|Descartar|Rimuovi|Negeren|Descartar|Odrzuć|Ignorera'],
  ['p', 'Account manager for ', 'Konto-Manager für |Gestionnaire de comptes pour |Administrador de cuentas de |Gestione account per |Accountbeheer voor |Gerenciador de contas de |Menedżer kont dla |Kontohanteraren för '],
  ['r', '<title>Mail - ', '<title>E-Mail - |<title>Courrier - |<title>Correo - |<title>Posta - |<title>E-mail - |<title>Email - |<title>Poczta - |<title>E-post - '],
  ['a', 'Reply', 'Antworten|Répondre|Responder|Rispondi|Beantwoorden|Responder|Odpowiedz|Svara'],
  ['a', 'Reply all', 'Allen antworten|Répondre à tous|Responder a todos|Rispondi a tutti|Allen beantwoorden|Responder a todos|Odpowiedz wszystkim|Svara alla'],
];

const GMAIL: Rule[] = [
  ['n', 'me', 'ich|moi|yo|io|mij|eu|ja|jag'],
  ['t', 'me', 'ich|moi|yo|io|mij|eu|ja|jag'],
  ['t', 'from:', 'von:|de :|de:|da:|van:|de:|od:|från:'],
  ['t', 'to:', 'an:|à :|para:|a:|aan:|para:|do:|till:'],
  ['t', 'cc:', 'Cc:|cc :|cc:|cc:|cc:|cc:|dw:|kopia:'],
  ['t', 'date:', 'Datum:|date :|fecha:|data:|datum:|data:|data:|datum:'],
  ['r', 'class="hb">to ', 'class="hb">an |class="hb">à |class="hb">para |class="hb">a |class="hb">aan |class="hb">para |class="hb">do |class="hb">till '],
  ['p', 'Google Account: ', 'Google-Konto: |Compte Google : |Cuenta de Google: |Account Google: |Google-account: |Conta do Google: |Konto Google: |Google-konto: '],
  ['a', 'Show details', 'Details anzeigen|Afficher les détails|Mostrar detalles|Mostra dettagli|Details weergeven|Mostrar detalhes|Pokaż szczegóły|Visa detaljer'],
  ['a', 'Message Body', 'Nachrichtentext|Corps du message|Cuerpo del mensaje|Corpo del messaggio|Berichttekst|Corpo da mensagem|Treść wiadomości|Meddelandetext'],
  ['a', 'Subject', 'Betreff|Objet|Asunto|Oggetto|Onderwerp|Assunto|Temat|Ämne'],
  ['a', 'Reply', 'Antworten|Répondre|Responder|Rispondi|Beantwoorden|Responder|Odpowiedz|Svara'],
];

const LINKEDIN: Rule[] = [
  ['p', 'Current company: ', 'Aktuelles Unternehmen: |Entreprise actuelle : |Empresa actual: |Azienda attuale: |Huidig bedrijf: |Empresa atual: |Obecna firma: |Nuvarande företag: '],
  ['p', 'Education: ', 'Ausbildung: |Formation : |Educación: |Formazione: |Opleiding: |Formação acadêmica: |Wykształcenie: |Utbildning: '],
  ['r', '. Click to skip to experience card', '. Zur Karte „Berufserfahrung“ springen|. Accéder à la carte Expérience|. Ir a la tarjeta Experiencia|. Vai alla scheda Esperienza|. Naar de kaart Ervaring|. Ir para o cartão Experiência|. Przejdź do karty Doświadczenie|. Hoppa till kortet Erfarenhet'],
  ['r', '. Click to skip to education card', '. Zur Karte „Ausbildung“ springen|. Accéder à la carte Formation|. Ir a la tarjeta Educación|. Vai alla scheda Formazione|. Naar de kaart Opleiding|. Ir para o cartão Formação|. Przejdź do karty Wykształcenie|. Hoppa till kortet Utbildning'],
  ['t', 'Message', 'Nachricht|Message|Mensaje|Messaggio|Bericht|Mensagem|Wiadomość|Meddelande'],
  ['p', 'Message ', 'Nachricht an |Envoyer un message à |Enviar mensaje a |Invia messaggio a |Bericht aan |Enviar mensagem para |Wyślij wiadomość do |Meddelande till '],
  ['t', 'Connect', 'Vernetzen|Se connecter|Conectar|Collegati|Connectie maken|Conectar|Nawiąż kontakt|Skapa kontakt'],
  ['t', 'Contact info', 'Kontaktinfo|Coordonnées|Información de contacto|Informazioni di contatto|Contactgegevens|Informações de contato|Informacje kontaktowe|Kontaktuppgifter'],
  ['r', '</span> connections', '</span> Kontakte|</span> relations|</span> contactos|</span> collegamenti|</span> connecties|</span> conexões|</span> kontaktów|</span> kontakter'],
  ['t', 'Experience', 'Berufserfahrung|Expérience|Experiencia|Esperienza|Ervaring|Experiência|Doświadczenie|Erfarenhet'],
  ['t', 'About', 'Info|Infos|Acerca de|Informazioni|Info|Sobre|Informacje|Om'],
  ['t', 'More', 'Mehr|Plus|Más|Altro|Meer|Mais|Więcej|Mer'],
  ['a', 'More', 'Mehr|Plus|Más|Altro|Meer|Mais|Więcej|Mer'],
  ['r', 'Full-time', 'Vollzeit|Temps plein|Jornada completa|A tempo pieno|Fulltime|Tempo integral|Pełny etat|Heltid'],
  ['t', 'LinkedIn Member', 'LinkedIn Mitglied|Membre de LinkedIn|Miembro de LinkedIn|Utente LinkedIn|LinkedIn-lid|Usuário do LinkedIn|Użytkownik LinkedIn|LinkedIn-medlem'],
];

/** Connection degree: 1st / 2nd / 3rd(+) as each language prints it ({n} is the digit). */
const DEGREE = '{n}.|{n}e|{n}.º|{n}°|{n}e|{n}º|{n}.|{n}:a';
/** "View X’s profile" (the accessible copy of a result's name). */
const VIEW_PROFILE =
  'Profil von {x} anzeigen|Voir le profil de {x}|Ver el perfil de {x}|Visualizza il profilo di {x}|Profiel van {x} bekijken|Ver perfil de {x}|Wyświetl profil {x}|Visa profilen för {x}';

const esc = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pick = (forms: string, v: Variant) => forms.split('|')[VARIANTS.indexOf(v)]!;

function applyRule(html: string, [kind, english, forms]: Rule, v: Variant): string {
  const to = pick(forms, v);
  const e = esc(english);
  switch (kind) {
    case 'a':
      return html.replace(new RegExp(`((?:aria-label|title|placeholder|alt)=\\\\?")${e}(\\\\?")`, 'g'), (_m, a, b) => `${a}${to}${b}`);
    case 'p':
      return html.replace(new RegExp(`((?:aria-label|title)=\\\\?")${e}`, 'g'), (_m, a) => `${a}${to}`);
    case 't':
      return html.replace(new RegExp(`>(\\s*)${e}(\\s*)<`, 'g'), (_m, a, b) => `>${a}${to}${b}<`);
    case 'n':
      return html.replace(new RegExp(`(\\sname=\\\\?")${e}(\\\\?")`, 'g'), (_m, a, b) => `${a}${to}${b}`);
    case 'r':
      return html.split(english).join(to);
  }
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hour24 = (h: string, ampm: string) => (+h % 12) + (ampm === 'PM' ? 12 : 0);

/** English dates and times as the fixtures print them, rewritten by `Intl` in the variant's language. */
function localiseDates(html: string, v: Variant): string {
  const lang = HTML_LANG[v];
  const f = (options: Intl.DateTimeFormatOptions, date: Date) => new Intl.DateTimeFormat(lang, options).format(date).replace(/\u202f/g, ' ');
  const time = { hour: 'numeric', minute: '2-digit' } as const;
  const months = MONTH.join('|');
  const days = WEEKDAY.join('|');
  return (
    html
      // Gmail: "Wed, Mar 5, 2025, 8:47 AM"
      .replace(new RegExp(`(?:${days}), (${months}) (\\d{1,2}), (\\d{4}), (\\d{1,2}):(\\d{2})\\s(AM|PM)`, 'g'), (_m, mo, d, y, h, min, ap) =>
        f({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...time }, new Date(+y, MONTH.indexOf(mo), +d, hour24(h, ap), +min)),
      )
      // Gmail's visible line: "Mar 3, 2025, 9:14 AM (3 days ago)"
      .replace(new RegExp(`(${months}) (\\d{1,2}), (\\d{4}), (\\d{1,2}):(\\d{2})\\s(AM|PM)(?: \\((\\d+) days? ago\\))?`, 'g'), (_m, mo, d, y, h, min, ap, ago) => {
        const date = f({ day: 'numeric', month: 'short', year: 'numeric', ...time }, new Date(+y, MONTH.indexOf(mo), +d, hour24(h, ap), +min));
        return ago ? `${date} (${new Intl.RelativeTimeFormat(lang).format(-ago, 'day')})` : date;
      })
      // Outlook: "Wed 3/5/2025 8:47 AM"
      .replace(new RegExp(`(?:${days}) (\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2})\\s(AM|PM)`, 'g'), (_m, mo, d, y, h, min, ap) =>
        f({ weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }, new Date(+y, +mo - 1, +d, hour24(h, ap), +min)),
      )
      // Outlook list: "Wed 8:47 AM" (a day of this week)
      .replace(new RegExp(`(${days}) (\\d{1,2}):(\\d{2})\\s(AM|PM)`, 'g'), (_m, wd, h, min, ap) =>
        f({ weekday: 'short', ...time }, new Date(2025, 2, 2 + WEEKDAY.indexOf(wd), hour24(h, ap), +min)),
      )
      // list dates "Feb 28"
      .replace(new RegExp(`>(${months}) (\\d{1,2})<`, 'g'), (_m, mo, d) => `>${f({ day: 'numeric', month: 'short' }, new Date(2025, MONTH.indexOf(mo), +d))}<`)
      // clock times "9:41 AM"
      .replace(/(?<![\d:])(\d{1,2}):(\d{2})\s(AM|PM)\b/g, (_m, h, min, ap) => f(time, new Date(2025, 0, 1, hour24(h, ap), +min)))
      // LinkedIn day headings
      .replace(/>(\s*)(Today|Yesterday)(\s*)</g, (_m, a, word, b) => {
        const text = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(word === 'Today' ? 0 : -1, 'day');
        return `>${a}${text.charAt(0).toUpperCase()}${text.slice(1)}${b}<`;
      })
      .replace(/>(\s*)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(\s*)</g, (_m, a, word, b) => {
        const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(word);
        return `>${a}${f({ weekday: 'long' }, new Date(2025, 2, 2 + day))}${b}<`;
      })
  );
}

function localiseLinkedIn(html: string, v: Variant): string {
  const degree = (n: string) => pick(DEGREE, v).replace('{n}', n);
  return html
    .replace(/([>·•]\s?)(1st|2nd|3rd)(\+?)(?=\s*<|\s*")/g, (_m, a, d, plus) => `${a}${degree(d[0]!)}${plus}`)
    .replace(/ (1st|2nd|3rd)(\+?)"/g, (_m, d, plus) => ` ${degree(d[0]!)}${plus}"`)
    .replace(/(1st|2nd|3rd)(\+?) degree connection/g, (_m, d, plus) => `${degree(d[0]!)}${plus}`)
    .replace(/View ([^<>"]+?)’s profile/g, (_m, x) => pick(VIEW_PROFILE, v).replace('{x}', x));
}

/** The fixture page in language `v`, for a page served at `url`. */
export function localise(html: string, url: string, v: Variant): string {
  const host = new URL(url).hostname;
  const rules = host.startsWith('outlook') ? OUTLOOK : host === 'mail.google.com' ? GMAIL : LINKEDIN;
  let out = html.replace(/(<html[^>]*\slang=")[^"]*"/, `$1${HTML_LANG[v]}"`);
  for (const kind of ['a', 'n', 'r', 'p', 't'] as const) {
    for (const rule of rules) if (rule[0] === kind) out = applyRule(out, rule, v);
  }
  if (host === 'www.linkedin.com') out = localiseLinkedIn(out, v);
  return localiseDates(out, v);
}

/** Whether a fixture is English (variants are made from English pages only). */
export const isEnglish = (html: string): boolean => /<html[^>]*\slang="en(-[A-Za-z]+)?"/.test(html);
