// The portal in a real browser: Playwright (playwright-core) driving
// Debian's Chromium against `txng serve` on a demo province. Run by ctest
// (browser_portal) with TXNG_BINARY set to the built txng.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, shot, startPortal, PASSWORD } from './harness.mjs';

let portal, base, demo;

before(async () => {
  portal = await startPortal();
  ({ base, demo } = portal);
});

after(async () => {
  await portal?.stop();
});

function newPage(options = {}) {
  return portal.newPage(options);
}

test('a consumer finds a product from the home page, in Vietnamese and English', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.match(await page.locator('h1').innerText(), /Kiểm tra nguồn gốc sản phẩm/);
  await shot(page, 'home');
  await expectAccessible(page);
  const first = page.locator('ul.cards a.name').first();
  const name = await first.innerText();
  await first.click();
  await page.waitForURL(/\/01\/\d{14}$/);
  assert.equal(await page.locator('h1').innerText(), name);
  const gtin = page.url().split('/').pop();
  assert.ok((await page.content()).includes(gtin), 'the trace code is on the page');

  await page.locator('a.lang').click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // The choice sticks for the next page.
  await page.goto(base + '/');
  assert.match(await page.locator('h1').innerText(), /Check where a product comes from/);
  await page.context().close();
});

test('typing a code opens its product; a bad code says why', async () => {
  const page = await newPage();
  const products = await (await page.request.get(base + '/api/v1/products?limit=1')).json();
  const gtin13 = products.items[0].gtin.slice(1);  // as printed under an EAN-13 barcode
  await page.goto(base + '/');
  await page.fill('#code', gtin13);
  await page.locator('form.code-box button').click();
  await page.waitForURL(base + '/01/' + products.items[0].gtin);
  assert.equal(await page.locator('h1').innerText(), products.items[0].nameVi);

  await page.goto(base + '/');
  await page.fill('#code', '8930000000010');  // wrong check digit
  await page.locator('form.code-box button').click();
  assert.match(await page.locator('#search-error').innerText(), /check digit/i);
  await page.context().close();
});

test('a producer signs in, sees their organisation, and signs out', async () => {
  const producer = demo.credentials.find((c) => c.role === 'producer');
  const page = await newPage();
  await page.goto(base + '/dashboard');
  await page.waitForURL(/\/login\?next=/);

  await page.fill('#username', producer.username);
  await page.fill('#password', 'not-the-password');
  await page.locator('form.stack button').click();
  assert.match(await page.locator('[role=alert]').innerText(), /mật khẩu không đúng/);

  await page.fill('#password', PASSWORD);
  await page.locator('form.stack button').click();
  await page.waitForURL(base + '/dashboard');
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(producer.organisation), `dashboard names ${producer.organisation}`);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(base + '/');
  assert.equal(await page.getByRole('link', { name: 'Đăng nhập' }).count(), 1);
  await page.context().close();
});

test('the product page fits a 360-pixel phone', async () => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  const products = await (await page.request.get(base + '/api/v1/products?limit=1')).json();
  await page.goto(base + '/products/' + products.items[0].gtin);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await shot(page, 'product-phone');
  await expectAccessible(page);
  await page.context().close();
});
