// Issue 6's acceptance, end to end through the pages only: a producer
// records a product, two lots and their diary, prints the label sheet and
// submits; the reviewer rejects the product with a reason, the producer
// corrects and resubmits, the reviewer approves everything; a consumer scans
// the QR code of the printed label (decoded from the PDF, never typed) on a
// 360×740 phone and finds the ten items of Circular 02/2024 and the journey;
// a search without diacritics finds the product; English translates the
// page's labels. Screenshots of every step land in build/browser-screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectAccessible, scanQrCodes, shot, signIn, startPortal } from './harness.mjs';

let portal, base;

before(async () => {
  portal = await startPortal();
  ({ base } = portal);
});

after(async () => {
  await portal?.stop();
});

function withCheckDigit(digits) {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => { sum += Number(d) * (i % 2 === 0 ? 3 : 1); });
  return digits + ((10 - (sum % 10)) % 10);
}

// The value of the option of `select` whose text contains `text`.
async function optionWithText(page, select, text) {
  const values = await page.locator(`${select} option`).evaluateAll(
      (options, t) => options.filter((o) => o.textContent.includes(t)).map((o) => o.value), text);
  assert.ok(values.length > 0, `${select} offers ${text}`);
  return values[0];
}

async function firstOption(page, select) {
  const values = await page.locator(`${select} option`).evaluateAll(
      (options) => options.map((o) => o.value).filter((v) => v !== ''));
  assert.ok(values.length > 0, `${select} offers something`);
  return values[0];
}

async function step(page, name) {
  await shot(page, name);
  await expectAccessible(page);
}

// Posts the page's form whose action is `action` and waits for the answer.
async function post(page, action, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern),
                     page.locator(`form[action="${action}"] button[type=submit]`).first().click()]);
}

async function decide(page, decision) {
  await page.locator(`input[name=decision][value=${decision}]`).check();
  await Promise.all([page.waitForNavigation(),
                     page.locator('form:has(input[name=decision]) button[type=submit]').click()]);
}

const vietnameseLetters = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

test('producer → reviewer → consumer: diary, labels, review, QR scan, search, English', async () => {
  // (1) The producer: a product, a raw lot and a kernel lot, the diary.
  const producer = await portal.newPage();
  await signIn(portal, producer, portal.user('producer').username);
  const gtin = withCheckDigit('893' + String(Date.now()).slice(-9));
  const tag = gtin.slice(-5);
  const name = `Hạt điều rang muối Đồng Xoài ${tag}`;
  await producer.goto(base + '/workspace/products/new');
  await producer.fill('#f-gtin', gtin);
  await producer.fill('#f-nameVi', name);
  await producer.fill('#f-nameEn', `Roasted salted cashews ${tag}`);
  await producer.selectOption('#f-category', 'cashew');
  await producer.fill('#f-brand', 'Điều Bình Phước');
  await producer.fill('#f-standards', 'TCVN 12381:2018');
  await producer.fill('#f-shelfLifeDays', '365');
  await post(producer, '/workspace/products', /\/workspace\/products\/\d+\?done=created$/);
  const productPath = new URL(producer.url()).pathname;
  const productId = productPath.split('/').pop();
  await step(producer, 'product-created');

  const lots = {};
  for (const [key, code, quantity] of [['raw', `R${tag}`, '500'], ['kernel', `K${tag}`, '120']]) {
    await producer.goto(base + '/workspace/lots/new');
    await producer.selectOption('#f-productId', productId);
    await producer.fill('#f-lotCode', code);
    await producer.fill('#f-productionDate', '2026-11-20');
    await producer.fill('#f-expiryDate', '2027-11-20');
    await producer.fill('#f-quantity', quantity);
    await producer.selectOption('#f-unit', 'KGM');
    await post(producer, '/workspace/lots', /\/workspace\/lots\/\d+\?done=created$/);
    lots[key] = { code, path: new URL(producer.url()).pathname };
  }

  // Harvesting → processing → packing → shipping, through the diary forms.
  const record = async (stage, fill) => {
    await producer.goto(`${base}/workspace/diary/new?stage=${stage}`);
    await fill();
    await Promise.all([producer.waitForURL(/\/workspace\/diary\?recorded=1$/),
                       producer.locator('form.stack button[type=submit]').click()]);
  };
  await producer.goto(`${base}/workspace/diary/new?stage=harvesting`);
  const raw = await optionWithText(producer, '#f-lot', lots.raw.code);
  const kernel = await optionWithText(producer, '#f-lot', lots.kernel.code);
  const place = await firstOption(producer, '#f-place');
  await record('harvesting', async () => {
    await producer.fill('#f-time', '2026-11-20T07:30');
    await producer.selectOption('#f-lot', raw);
    await producer.fill('#f-quantity', '500');
    await producer.selectOption('#f-unit', 'KGM');
    await producer.selectOption('#f-place', place);
  });
  await record('processing', async () => {
    await producer.fill('#f-time', '2026-11-21T08:00');
    await producer.selectOption('#f-lot', raw);
    await producer.fill('#f-quantity', '500');
    await producer.selectOption('#f-unit', 'KGM');
    await producer.selectOption('#f-output_lot', kernel);
    await producer.fill('#f-output_quantity', '120');
    await producer.selectOption('#f-output_unit', 'KGM');
    await producer.selectOption('#f-place', place);
  });
  await record('packing', async () => {
    await producer.fill('#f-time', '2026-11-22T09:00');
    await producer.selectOption('#f-lot', kernel);
    await producer.fill('#f-quantity', '24');
    await producer.selectOption('#f-unit', 'XBX');
    await producer.selectOption('#f-place', place);
  });
  await record('shipping', async () => {
    await producer.fill('#f-time', '2026-11-23T10:00');
    await producer.selectOption('#f-lot', kernel);
    await producer.selectOption('#f-place', place);
    await producer.selectOption('#f-partner', await firstOption(producer, '#f-partner'));
  });
  await step(producer, 'diary');

  // The label sheet of the kernel lot, downloaded as a PDF.
  await producer.goto(`${base}${lots.kernel.path}/labels`);
  await producer.fill('#f-copies', '3');
  const [download] = await Promise.all([producer.waitForEvent('download'),
                                        producer.locator('main form[method="get"] button').click()]);
  const pdfPath = await download.path();
  assert.equal(readFileSync(pdfPath).subarray(0, 5).toString('latin1'), '%PDF-');

  // Submit the product and both lots.
  for (const path of [productPath, lots.raw.path, lots.kernel.path]) {
    await producer.goto(base + path);
    await post(producer, `${path}/submit`, /\?done=submitted$/);
  }

  // (2) The reviewer rejects the product with a reason ...
  const reviewer = await portal.newPage();
  await signIn(portal, reviewer, portal.user('reviewer').username);
  await reviewer.goto(`${base}/review/product/${productId}`);
  assert.ok((await reviewer.locator('main').innerText()).includes(name), 'the preview names it');
  await reviewer.fill('#reason', 'Thiếu mô tả sản phẩm');
  await decide(reviewer, 'reject');
  await step(reviewer, 'rejected');

  // ... the producer sees the reason, corrects and resubmits ...
  await producer.goto(base + productPath);
  assert.ok((await producer.locator('main').innerText()).includes('Thiếu mô tả sản phẩm'));
  await producer.fill('#f-description', 'Điều W320 rang củi, muối biển.');
  await post(producer, productPath, /\/workspace\/products\/\d+/);
  await producer.goto(base + productPath);
  await post(producer, `${productPath}/submit`, /\?done=submitted$/);

  // ... and the reviewer approves it, then the lots and the diary in bulk.
  await reviewer.goto(`${base}/review/product/${productId}`);
  assert.ok((await reviewer.locator('#history-h + ol').innerText()).includes('Bị từ chối'));
  await decide(reviewer, 'approve');
  const me = await (await producer.request.get(`${base}/api/v1/me`)).json();
  for (const kind of ['lot', 'event']) {
    await reviewer.goto(`${base}/review?kind=${kind}&org=${me.organisationId}`);
    const boxes = reviewer.locator('input[name=item]');
    assert.ok(await boxes.count() > 0, `${kind}s are waiting`);
    for (const box of await boxes.all()) await box.check();
    await decide(reviewer, 'approve');
    assert.match(await reviewer.locator('[role=status]').innerText(), /Đã duyệt/);
  }
  for (const path of [lots.raw.path, lots.kernel.path]) {
    const lot = await (await producer.request.get(`${base}/api/v1/lots/${path.split('/').pop()}`)).json();
    assert.equal(lot.reviewStatus, 'approved', `${lot.lotCode} is published`);
  }
  await step(reviewer, 'approved');

  // (3) A consumer scans the printed label on a phone.
  const urls = scanQrCodes(pdfPath);
  assert.equal(urls.length, 3, 'one QR code per label');
  assert.ok(urls[0].startsWith(`${base}/01/`), `${urls[0]} opens this portal`);
  const phone = await portal.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(urls[0]);
  assert.equal(await phone.locator('h1').innerText(), name);
  const items = await phone.locator('dl.c02 > dt').evaluateAll(
      (dts) => dts.map((dt) => dt.dataset.item));
  assert.deepEqual(items, ['name', 'image', 'producer', 'address', 'stages', 'stage_times',
                           'trace_code', 'brand', 'expiry', 'standards']);
  const journey = await phone.locator('ol.journey li').allInnerTexts();
  assert.ok(journey.length >= 3, `the journey has its stages: ${journey.join(' | ')}`);
  for (const stage of [/thu hoạch/i, /chế biến/i, /đóng gói/i, /xuất hàng/i]) {
    assert.ok(journey.some((s) => stage.test(s)), `${stage} is on the journey: ${journey.join(' | ')}`);
  }
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width}px wide`);
  await step(phone, 'scanned-lot-page');

  // (4) A search without diacritics finds it.
  await phone.goto(`${base}/search?q=${encodeURIComponent(`hat dieu rang muoi dong xoai ${tag}`)}`);
  await phone.locator(`main a[href="/01/${gtin.padStart(14, '0')}"]`).first().waitFor();
  await step(phone, 'search');

  // (5) English translates every label of the page.
  await phone.goto(urls[0]);
  await Promise.all([phone.waitForURL(/lang=en/), phone.locator('a.lang').click()]);
  assert.equal(await phone.locator('html').getAttribute('lang'), 'en');
  const labels = await phone.locator('main dt, main h2, main th, main label, main button, nav a')
      .allInnerTexts();
  const untranslated = labels.filter((l) => vietnameseLetters.test(l) && !l.includes(name));
  assert.deepEqual(untranslated, [], 'no Vietnamese label is left on the English page');
  await step(phone, 'scanned-lot-page-en');
});
