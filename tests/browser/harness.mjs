// What every browser test file shares: a demo province served by a fresh
// `txng serve` on a random port, Debian's Chromium driven by playwright-core,
// screenshots saved with the test output, and the accessibility check.
//
//   const portal = await startPortal();   // in before(); portal.stop() in after()
//   const page = await portal.newPage({ viewport: { width: 360, height: 740 } });
//   await shot(page, 'product-page');     // $TXNG_SCREENSHOT_DIR/<file>-product-page.png
//   await expectAccessible(page);         // no serious or critical axe violation
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = 'browser-test-pass';
const TXNG = process.env.TXNG_BINARY;

// A loopback port that was free a moment ago.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// `txng serve` on a free port whose labels point back at it (--public-url),
// so that a QR code printed by the portal opens the portal.
async function serve(db) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    const proc = spawn(TXNG, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`,
                              '--public-url', url, '--no-access-log'],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`txng serve exited with ${code}`)));
  });
}

// A demo province (`txng demo`, every demo user's password PASSWORD) served
// on a random port, and a browser. `demo` is the demo's --json answer.
export async function startPortal() {
  assert.ok(TXNG, 'TXNG_BINARY must name the txng binary');
  const dir = mkdtempSync(join(tmpdir(), 'txng-browser-'));
  const db = `sqlite:${join(dir, 'txng.db')}`;
  const made = spawnSync(TXNG, ['--db', db, 'demo', '--password-stdin', '--json'],
                         { input: PASSWORD + '\n', encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const demo = JSON.parse(made.stdout);
  const { proc, url } = await serve(db);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base: url,
    demo,
    dir,
    browser,
    // A page in a fresh context (own cookies), Vietnamese unless told otherwise.
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true,
                                                 ...options });
      return context.newPage();
    },
    // The demo credentials of the first user with `role` (and organisation
    // kind when given).
    user(role) {
      const u = demo.credentials.find((c) => c.role === role);
      assert.ok(u, `the demo has a ${role}`);
      return u;
    },
    async stop() {
      await browser.close();
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The texts of every QR code in a PDF file, read from the rendered pages
// with zxing-cpp (tests/support/qr_decode.cc), as a phone would read them.
export function scanQrCodes(pdfPath) {
  const decoder = process.env.TXNG_QR_DECODE;
  assert.ok(decoder, 'TXNG_QR_DECODE must name the qr_decode tool');
  const run = spawnSync(decoder, [pdfPath], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter((line) => line !== '');
}

// Signs `page` in as `username` through the login form.
export async function signIn(portal, page, username) {
  await page.goto(portal.base + '/login');
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')),
                     page.locator('form.stack button').click()]);
}

const shotDir = process.env.TXNG_SCREENSHOT_DIR;
const caller = basename(process.argv[1] ?? 'browser', '.test.mjs');

// Saves a full-page screenshot beside the test output when
// TXNG_SCREENSHOT_DIR is set (ctest sets it to build/browser-screenshots).
export async function shot(page, name) {
  if (!shotDir) return;
  mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: join(shotDir, `${caller}-${name}.png`), fullPage: true });
}

// Fails on any serious or critical axe-core violation on the current page.
export async function expectAccessible(page) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
      bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(' ')}`),
      [], `accessibility violations on ${page.url()}`);
}
