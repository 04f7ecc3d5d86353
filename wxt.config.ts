import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { localeFile } from './utils/i18n/catalog';
import { LANGUAGES } from './utils/i18n/types';

/** Escapes every non-ASCII UTF-16 unit as \uXXXX: valid in strings, regex literals, identifiers. */
function asciiOnly() {
  return {
    name: 'rapport:ascii-only',
    renderChunk(code: string) {
      if (!/[\u0080-\uffff]/.test(code)) return null;
      return { code: code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), map: null };
    },
  };
}

/**
 * Marks the scripts that run whole on every load for eager compilation with V8's per-file compile
 * hint (Chromium 136+; other engines read a comment): each content script, and the sidebar's
 * first paint (its entry, the app the shell loads at once, and what they import statically).
 * Nearly every function in them runs at once, and compiling them in one pass costs less than
 * compiling each lazily on its first call: ≈ 1.5–2 ms less script time on the host page (the
 * 30-message Gmail thread), and less of the extension renderer's CPU per webmail load (README,
 * issues 11 and 14). Written into the files once built: minification would drop the comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
type OutputChunk = { type: string; imports?: string[]; moduleIds?: string[]; facadeModuleId?: string | null; isEntry?: boolean };
function compileHints() {
  return {
    name: 'rapport:compile-hints',
    enforce: 'post' as const,
    // On the files as written: Vite puts its preload map in front of some chunks after every
    // generateBundle hook, and the hint counts only on the first line.
    writeBundle(options: { dir?: string }, bundle: Record<string, OutputChunk>) {
      if (!options.dir) return;
      const chunks = new Map(Object.entries(bundle).filter(([, chunk]) => chunk.type === 'chunk'));
      const hinted = new Set([...chunks.keys()].filter((fileName) => fileName.startsWith('content-scripts/')));
      const from = (test: (id: string) => boolean) => [...chunks].filter(([, c]) => c.moduleIds?.some(test) && (c.isEntry || c.facadeModuleId)).map(([f]) => f);
      const sidebar = from((id) => /entrypoints[\\/]sidebar[\\/](main\.ts|app\.tsx)$/.test(id));
      const queue = [...sidebar];
      while (queue.length > 0) {
        const fileName = queue.shift()!;
        if (hinted.has(fileName) || !chunks.has(fileName)) continue;
        hinted.add(fileName);
        queue.push(...(chunks.get(fileName)!.imports ?? []));
      }
      for (const fileName of hinted) {
        const path = join(options.dir, fileName);
        const code = readFileSync(path, 'utf8');
        if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, `${COMPILE_HINT}\n${code}`);
      }
    },
  };
}

/**
 * Writes which source modules each output chunk holds, beside the build (`.output/<target>.modules/
 * <chunk>.json`, not shipped): tests/check-bundles.mjs names the modules in the sidebar's first
 * paint with it. Keyed by the hashed file name, so files of an older build never mislead.
 */
function chunkModules() {
  return {
    name: 'rapport:chunk-modules',
    writeBundle(options: { dir?: string }, bundle: Record<string, { type: string; moduleIds?: string[] }>) {
      if (!options.dir) return;
      const out = join(dirname(options.dir), `${basename(options.dir)}.modules`);
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds) continue;
        const target = join(out, `${fileName}.json`);
        mkdirSync(dirname(target), { recursive: true });
        const ids = chunk.moduleIds.map((id) => relative(import.meta.dirname, id.replace(/^\0/, '').replace(/\?.*$/, '')));
        writeFileSync(target, JSON.stringify(ids));
      }
    },
  };
}

/** Hosts where the docked sidebar frame lives (webmail). */
const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

// A fixed public key keeps the extension id stable wherever the unpacked build is loaded
// (tests, the demo, a colleague's machine): ehfeogeimmminehlpclnicbiffkmgeci. The private half is
// not needed for unpacked loads and is not kept.
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmidilWdK67LeQi0HybzdLGevOIzV4nXwn6NuC/VwDYYfQG37QoVNt62pnE7Jss1k/ml4AcwwacOpRpHlV6z6LDZoKZVqtWrg0KRPyS6+8l8FYXNHYyaCf+gNU1CogZ/snagxIsVEmVUO3FeBejb/e9ojQztICcpej8tiLXknIW0r3xgWkaQ/SvkfzXj9NUpd0Ug5neovMg6n2lPzyxmz3HTwqe6a9XDh4kAJ87wa5er5OUpSUCKk+0kL8ZW8lKPaCJyjhbkCP5xwwLarlYOLueeXIUY4oDp9kAOBx/aX7bABhtb35pjEVxgMWhObMu2brEr2rtQAueJJ6XEooeElDwIDAQAB';

/**
 * `RAPPORT_BREAKDOWN=1`: a build with source maps into .output/breakdown/, for
 * tests/bench/first-paint-breakdown.mjs (what each module adds to the sidebar's first paint).
 */
const BREAKDOWN = process.env.RAPPORT_BREAKDOWN === '1';

export default defineConfig({
  srcDir: '.',
  ...(BREAKDOWN ? { outDir: '.output/breakdown' } : {}),
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Fewest permissions: storage (session-scoped page context), unlimitedStorage (the notebook),
    // sidePanel (LinkedIn UI), contextMenus (save page/selection), activeTab + scripting (read the
    // page the user asked to save, only on that gesture), alarms + notifications (reminders of
    // follow-ups, cadences and unanswered mail at the user's time of day; the hourly check
    // whether an automatic backup is due), downloads (automatic backups into Downloads/Rapport/),
    // offscreen (Chrome: the backup file's Blob URL, see entrypoints/background/handlers/backup.ts).
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      'alarms',
      'notifications',
      'downloads',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidebar.html', default_title: 'Rapport' },
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.example',
              strict_min_version: '140.0',
              // Rapport collects nothing: everything stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { side_panel: { default_path: 'sidebar.html' }, key: MANIFEST_KEY }),
    // The same hosts the content scripts run on (no new install warning): lets "save page as note"
    // read a webmail or LinkedIn page from the sidebar without a fresh gesture.
    host_permissions: [...WEBMAIL_MATCHES, 'https://www.linkedin.com/*'],
    action: { default_title: 'Rapport' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggle__',
      },
    },
    web_accessible_resources: [
      // Only the webmail hosts may frame the sidebar. LinkedIn gets nothing it could probe.
      { resources: ['sidebar.html', 'chunks/*', 'assets/*'], matches: WEBMAIL_MATCHES },
    ],
  }),
  hooks: {
    // _locales are generated from the typed catalog (utils/i18n/catalog), one file per language.
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LANGUAGES) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(localeFile(lang)) });
      }
    },
  },
  vite: () => ({
    // Chrome refuses a content script it does not read as UTF-8, silently when loaded unpacked:
    // keep every bundle plain ASCII. esbuild escapes strings; the plugin also escapes what it leaves
    // (regular-expression literals, comments). tests/check-bundles.mjs verifies the output.
    esbuild: { charset: 'ascii' },
    ...(BREAKDOWN ? { build: { sourcemap: 'hidden' as const } } : {}),
    plugins: [asciiOnly(), chunkModules(), compileHints()],
    resolve: {
      // Our silent content-script context instead of WXT's, which posts our id to the page.
      alias: { 'wxt/utils/content-script-context': resolve(import.meta.dirname, 'utils/content/context.ts') },
    },
  }),
});
