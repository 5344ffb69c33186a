// The production diary in a real browser: a producer records harvesting →
// processing → packing → shipping through the forms, finds them in the
// diary list, downloads the CSV template and imports a small file with one
// bad row (the preview names it; only the valid row is imported).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectAccessible, shot, signIn, startPortal } from './harness.mjs';

let portal, base;

before(async () => {
  portal = await startPortal();
  ({ base } = portal);
});

after(async () => {
  await portal?.stop();
});

// The values of a picker's real options (the first is "— Chọn —").
async function optionValues(page, selector) {
  return page.locator(`${selector} option`).evaluateAll(
      (options) => options.map((o) => o.value).filter((v) => v !== ''));
}

async function record(page, stage, fill) {
  await page.goto(`${base}/workspace/diary/new?stage=${stage}`);
  await shot(page, `form-${stage}`);
  await expectAccessible(page);
  await fill();
  await Promise.all([page.waitForURL(/\/workspace\/diary\?recorded=1$/),
                     page.locator('form.stack button[type=submit]').click()]);
}

test('a producer records harvesting → processing → packing → shipping and imports a sheet',
     async () => {
  const producer = portal.user('producer');
  const page = await portal.newPage();
  await signIn(portal, page, producer.username);

  await page.goto(`${base}/workspace/diary/new?stage=harvesting`);
  const lots = await optionValues(page, '#f-lot');
  const places = await optionValues(page, '#f-place');
  assert.ok(lots.length >= 2, 'the demo producer has two lots');
  assert.ok(places.length >= 1, 'the demo producer has a place');

  await record(page, 'harvesting', async () => {
    await page.fill('#f-time', '2026-11-20T07:30');
    await page.selectOption('#f-lot', lots[0]);
    await page.fill('#f-quantity', '500');
    await page.selectOption('#f-unit', 'KGM');
    await page.selectOption('#f-place', places[0]);
  });
  await record(page, 'processing', async () => {
    await page.fill('#f-time', '2026-11-21T08:00');
    await page.selectOption('#f-lot', lots[0]);
    await page.fill('#f-quantity', '500');
    await page.selectOption('#f-unit', 'KGM');
    await page.selectOption('#f-output_lot', lots[1]);
    await page.fill('#f-output_quantity', '120');
    await page.selectOption('#f-output_unit', 'KGM');
    await page.selectOption('#f-place', places[0]);
  });
  await record(page, 'packing', async () => {
    await page.fill('#f-time', '2026-11-22T09:00');
    await page.selectOption('#f-lot', lots[1]);
    await page.fill('#f-quantity', '24');
    await page.selectOption('#f-unit', 'XBX');
    await page.selectOption('#f-place', places[0]);
  });
  await record(page, 'shipping', async () => {
    await page.fill('#f-time', '2026-11-23T10:00');
    await page.selectOption('#f-lot', lots[1]);
    await page.selectOption('#f-place', places[0]);
    const partners = await optionValues(page, '#f-partner');
    assert.ok(partners.length >= 1, 'approved partners are offered');
    await page.selectOption('#f-partner', partners[0]);
    await page.fill('#f-note', '<script>alert(1)</script>');
  });

  // The list: newest first, in plain words, pending review, note escaped.
  const stages = await page.locator('ul.lots li strong').allInnerTexts();
  assert.deepEqual(stages.slice(0, 4), ['Xuất hàng', 'Đóng gói', 'Sơ chế, chế biến', 'Thu hoạch']);
  const first = await page.locator('ul.lots li').first().innerText();
  assert.match(first, /Chờ duyệt/);
  assert.ok(first.includes('<script>alert(1)</script>'), 'the note is shown as text');
  await shot(page, 'list');
  await expectAccessible(page);

  await page.selectOption('#f-stage', 'packing');
  await Promise.all([page.waitForURL(/stage=packing/), page.locator('form.trace-form button').click()]);
  assert.deepEqual(await page.locator('ul.lots li strong').allInnerTexts(), ['Đóng gói']);

  // The CSV template, then a file with one good and one bad row.
  await page.goto(`${base}/workspace/import`);
  await shot(page, 'import');
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.locator('a[href$="template.csv"]').click()]);
  const template = readFileSync(await download.path(), 'utf8');
  assert.match(template, /^\uFEFFstage,time,lot,quantity,unit,place,partner,output_lot/);
  const header = template.replace(/^\uFEFF/, '').trim();
  const csv = `${header}\r\n` +
      `storage,2026-11-24 07:00,${lots[1]},,,${places[0]},,,,,,\r\n` +
      `storage,2026-11-24 08:00,00000000000000/NOPE,,,${places[0]},,,,,,\r\n`;
  await page.setInputFiles('#f-file', { name: 'nhat-ky.csv', mimeType: 'text/csv',
                                        buffer: Buffer.from(csv) });
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForSelector('h1:has-text("Xem trước")');
  const preview = await page.locator('main').innerText();
  assert.match(preview, /Dòng 3, Lô sản phẩm: /);
  assert.equal(await page.locator('text=Nhập tất cả').count(), 0);
  await shot(page, 'preview');
  await expectAccessible(page);
  await Promise.all([page.waitForURL(/\/workspace\/diary\?recorded=1$/),
                     page.locator('button:has-text("Chỉ nhập các dòng hợp lệ")').click()]);
  assert.deepEqual((await page.locator('ul.lots li strong').allInnerTexts()).slice(0, 1),
                   ['Lưu kho']);

  // An oversized or foreign file is refused with a message, nothing staged.
  await page.goto(`${base}/workspace/import`);
  await page.setInputFiles('#f-file', { name: 'big.csv', mimeType: 'text/csv',
                                        buffer: Buffer.alloc(1100 * 1024, 'a') });
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForSelector('[role=alert]');
  assert.match(await page.locator('[role=alert]').innerText(), /lớn hơn 1 MB/);
  await page.setInputFiles('#f-file', { name: 'anh.png', mimeType: 'image/png',
                                        buffer: Buffer.from('\x89PNG\r\n') });
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForSelector('[role=alert]');
  assert.match(await page.locator('[role=alert]').innerText(), /Chỉ nhận tệp .xlsx hoặc .csv/);
  await page.context().close();
});

test('the diary pages work on a 360-pixel phone, and in English', async () => {
  const producer = portal.user('producer');
  const page = await portal.newPage({ viewport: { width: 360, height: 740 } });
  await signIn(portal, page, producer.username);
  await page.goto(`${base}/workspace/diary/new?stage=planting_care`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling (page is ${width} px wide)`);
  await shot(page, 'phone-form-planting-care');
  await expectAccessible(page);
  await page.goto(`${base}/workspace/diary?lang=en`);
  assert.equal(await page.locator('h1').innerText(), 'Production diary');
  await shot(page, 'phone-list-en');
  await expectAccessible(page);
  await page.context().close();
});
