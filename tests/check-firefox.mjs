// Lints the Firefox build with Mozilla's addons-linter (Playwright cannot drive Firefox here).
// Fails on any error, and on any warning but the two known library internals: React DOM and
// Readability assign innerHTML inside their own code (never with page or user data from us).
import { execFileSync } from 'node:child_process';

const ALLOWED = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/[\w-]+\.js$/ },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^readability\.js$/ },
];

let output;
try {
  output = execFileSync('npx', ['addons-linter', '--output', 'json', '.output/firefox-mv2'], { encoding: 'utf8' });
} catch (error) {
  // addons-linter exits non-zero on errors; its JSON is still on stdout.
  output = error.stdout;
}
const report = JSON.parse(output);
const problems = [
  ...report.errors,
  ...report.warnings.filter((w) => !ALLOWED.some((a) => a.code === w.code && a.file.test(w.file ?? ''))),
];
for (const p of problems) console.error(`${p.type ?? 'problem'} ${p.code} ${p.file ?? ''}: ${p.message}`);
console.log(`addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.length - (problems.length - report.errors.length)} known library internals)`);
process.exit(problems.length > 0 ? 1 : 0);
