// npm start [-- --firefox]: installs the browser when it can, builds for it, opens the demo.
// Every failure ends in one line that says what to do, never a stack trace.
import { spawnSync } from 'node:child_process';
import { checkFixturePort, ensureBrowsers } from '../browsers.mjs';

const firefox = process.argv.includes('--firefox');
const fail = (line) => {
  console.error(line);
  process.exit(1);
};

const missing = ensureBrowsers([firefox ? 'firefox' : 'chromium']) ?? (firefox ? await checkFixturePort() : undefined);
if (missing) fail(missing);
const build = spawnSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], { stdio: 'inherit' });
if (build.status !== 0) fail(`the ${firefox ? 'Firefox' : 'Chrome'} build failed (see above): npm run build:${firefox ? 'firefox' : 'chrome'}`);
try {
  await import(firefox ? './demo-firefox.mjs' : './demo.mjs');
} catch (error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  fail(`the demo stopped: ${message}`);
}
