// Extension pages run under the default MV3 content security policy: the built manifest sets no
// policy of its own (or none weaker than the default), the HTML has no inline script or inline
// event handler, every script is a packaged file, and no bundle calls eval or new Function. The
// permissions are exactly the ones README lists, each with its feature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR, ROOT } from './harness.mjs';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
  });
}

test('the manifest keeps the default MV3 policy (no unsafe-eval, no inline script, no remote code)', () => {
  const csp = manifest.content_security_policy;
  const policies = csp === undefined ? [] : typeof csp === 'string' ? [csp] : Object.values(csp);
  for (const policy of policies) {
    assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/, policy);
  }
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.externally_connectable, undefined, 'no web page can message the extension');
});

test('extension pages have no inline script, no inline handler, only packaged scripts', () => {
  const pages = files(EXTENSION_DIR, '.html');
  assert.ok(pages.length >= 2, 'sidebar and options pages built');
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const where = relative(EXTENSION_DIR, page);
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(attrs, /\bsrc=/, `${where}: inline <script>`);
      assert.equal(body.trim(), '', `${where}: script with a body`);
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1] ?? '';
      assert.doesNotMatch(src, /^(https?:)?\/\//, `${where}: remote script ${src}`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${where}: inline event handler`);
    assert.doesNotMatch(html, /javascript:/i, `${where}: javascript: URL`);
  }
});

test('no bundle evaluates strings as code', () => {
  for (const file of files(EXTENSION_DIR, '.js')) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\beval\s*\(|new\s+Function\s*\(/, relative(EXTENSION_DIR, file));
  }
});

test('README lists every permission of the manifest with the feature that needs it', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Security and data safety'));
  assert.ok(section, 'README has a "Security and data safety" section');
  for (const permission of [...manifest.permissions, ...manifest.host_permissions]) {
    assert.match(section, new RegExp('`' + permission.replace(/[.*?]/g, (c) => '\\' + c) + '`'), `README names ${permission}`);
  }
});
