// The consumer side in a real browser on a phone-sized screen: a lot's
// Digital Link with the ten items of Circular 02/2024 and its journey, the
// search without diacritics, English labels, feedback and its queue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, shot, signIn, startPortal } from './harness.mjs';

let portal, base;
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const items = ['name', 'image', 'producer', 'address', 'stages', 'stage_times', 'trace_code',
               'brand', 'expiry', 'standards'];

before(async () => {
  portal = await startPortal();
  ({ base } = portal);
});

after(async () => {
  await portal?.stop();
});

function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// A published lot whose page shows a journey: [page, product].
async function lotWithJourney(page) {
  const lots = await (await page.request.get(base + '/api/v1/lots?status=approved&limit=40')).json();
  for (const lot of lots.items) {
    const product = await (await page.request.get(base + `/api/v1/products/${lot.productId}`)).json();
    const url = `${base}/01/${product.gtin}/10/${encodeURIComponent(lot.lotCode)}`;
    await page.goto(url);
    if (await page.locator('dd ol.journey li').count() > 0) return { url, product, lot };
  }
  assert.fail('no published lot with a journey in the demo');
}

test('a lot\'s Digital Link shows the ten items and the journey on a phone', async () => {
  const page = await portal.newPage(phone);
  const { product, lot } = await lotWithJourney(page);
  const dts = page.locator('dl.c02 > dt');
  assert.equal(await dts.count(), 10);
  assert.deepEqual(await dts.evaluateAll((els) => els.map((e) => e.dataset.item)), items);
  for (const dt of await dts.all()) assert.ok((await dt.innerText()).trim().length > 0);
  assert.match(await page.locator('h1').innerText(), new RegExp(product.nameVi.slice(0, 5)));
  assert.ok((await page.locator('main').innerText()).includes(lot.lotCode));
  assert.ok(await page.locator('dt[data-item=stage_times] + dd time').count() > 0);
  // Nothing wider than the screen.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await shot(page, 'lot-vi');
  await expectAccessible(page);

  const viLabels = await dts.allInnerTexts();
  await page.locator('a.lang').click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const enLabels = await page.locator('dl.c02 > dt').allInnerTexts();
  assert.equal(enLabels[0], 'Product name');
  enLabels.forEach((label, i) => assert.notEqual(label, viLabels[i], `item ${items[i]} translated`));
  await shot(page, 'lot-en');
  await expectAccessible(page);
  await page.context().close();
});

test('a search without diacritics finds the product', async () => {
  const page = await portal.newPage(phone);
  const products = await (await page.request.get(base + '/api/v1/products?limit=1')).json();
  const product = products.items[0];
  const words = fold(product.nameVi).split(/\s+/).slice(0, 2).join(' ');
  assert.notEqual(words, product.nameVi.split(/\s+/).slice(0, 2).join(' ').toLowerCase(),
                  'the name has diacritics to ignore');
  await page.goto(base + '/');
  await page.fill('#site-q', words);
  await page.locator('form.search button').click();
  await page.waitForURL(/\/search\?q=/);
  const link = page.locator(`ul.cards a.name[href="/01/${product.gtin}"]`);
  assert.equal(await link.count(), 1, `"${words}" finds ${product.nameVi}`);
  await shot(page, 'search');
  await expectAccessible(page);
  await page.fill('#search-q', 'khong co san pham nao nhu the nay');
  await page.locator('main form button').click();
  await page.waitForURL(/khong/);
  assert.equal(await page.locator('ul.cards li').count(), 0);
  await shot(page, 'search-empty');
  await expectAccessible(page);
  await page.goto(base + '/01/08930000000000');
  await shot(page, 'not-found');
  await expectAccessible(page);
  await page.context().close();
});

test('a visitor reports a problem and the reviewer closes it', async () => {
  const page = await portal.newPage(phone);
  const { url } = await lotWithJourney(page);
  await page.goto(url);
  await page.locator('a[href^="/feedback/new"]').click();
  await page.waitForURL(/\/feedback\/new/);
  await shot(page, 'feedback-form');
  await expectAccessible(page);
  await page.fill('#fb-text', 'Bao bì bị rách <b>khi mua</b>');
  await page.fill('#fb-contact', '0912 345 678');
  await page.locator('main form button').click();
  assert.match(await page.locator('[role=status]').innerText(), /Cảm ơn bạn/);
  await shot(page, 'feedback-thanks');
  await expectAccessible(page);
  await page.context().close();

  const staff = await portal.newPage();
  await signIn(portal, staff, portal.user('reviewer').username);
  await staff.goto(base + '/feedback');
  const report = staff.locator('p.fb-text', { hasText: 'Bao bì bị rách <b>khi mua</b>' });
  assert.equal(await report.count(), 1, 'the report is shown, its markup as text');
  await shot(staff, 'feedback-queue');
  await expectAccessible(staff);
  const card = staff.locator('li.card', { has: report });
  await card.locator('input[name=note]').fill('Đã liên hệ cơ sở sản xuất');
  await card.locator('button').click();
  await staff.waitForURL(base + '/feedback');
  assert.match(await staff.locator('main').innerText(), /Đã liên hệ cơ sở sản xuất/);
  await staff.context().close();
});
