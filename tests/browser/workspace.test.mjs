// The producer workspace in a real browser: a producer of the demo province
// creates a product (with a PNG photo made here), a location and a lot,
// downloads the lot's label sheet, submits everything for review, and makes
// an API key; every workspace page is screenshotted and checked with axe;
// one form is checked on a 360-pixel phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { expectAccessible, shot, signIn, startPortal } from './harness.mjs';

let portal, base;

before(async () => {
  portal = await startPortal();
  ({ base } = portal);
});

after(async () => {
  await portal?.stop();
});

// ---- Test data ----

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// An RGBA PNG of width × height: a green gradient with a transparent corner.
function makePng(width, height) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;  // filter: none
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 4;
      raw[at] = 20;
      raw[at + 1] = 90 + Math.floor((x / width) * 150);
      raw[at + 2] = 60;
      raw[at + 3] = x < 20 && y < 20 ? 0 : 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;  // bit depth
  ihdr[9] = 6;  // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
                        chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)),
                        chunk('IEND', Buffer.alloc(0))]);
}

// `digits` followed by its GS1 mod-10 check digit.
function withCheckDigit(digits) {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => { sum += Number(d) * (i % 2 === 0 ? 3 : 1); });
  return digits + ((10 - (sum % 10)) % 10);
}

function randomDigits(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

async function checkPage(page, name) {
  await shot(page, name);
  await expectAccessible(page);
}

// ---- Tests ----

test('a producer records a product with its photo, a location and a lot, prints labels and submits',
     async () => {
  const producer = portal.user('producer');
  const page = await portal.newPage();
  await signIn(portal, page, producer.username);

  // The dashboard leads into the workspace.
  await page.goto(base + '/dashboard');
  await Promise.all([page.waitForURL(base + '/workspace'),
                     page.locator('main a[href="/workspace"]').click()]);
  assert.ok((await page.locator('.ws-nav').innerText()).includes('Nhật ký sản xuất'));
  await checkPage(page, 'home');

  await page.goto(base + '/workspace/profile');
  await checkPage(page, 'profile');

  // A product.
  const gtin = withCheckDigit('893' + randomDigits(9));
  const name = 'Hạt điều rang muối thử nghiệm ' + gtin.slice(-4);
  await page.goto(base + '/workspace/products/new');
  await checkPage(page, 'product-new');
  await page.fill('#f-gtin', gtin);
  await page.fill('#f-nameVi', name);
  await page.fill('#f-nameEn', 'Test roasted cashews');
  await page.selectOption('#f-category', 'cashew');
  await page.fill('#f-brand', 'Điều Bình Phước');
  await page.fill('#f-description', 'Điều W320 rang củi, muối biển.');
  await page.fill('#f-standards', 'TCVN 12381:2018');
  await page.fill('#f-shelfLifeDays', '365');
  await page.selectOption('#f-ocopStars', '4');
  await page.selectOption('#f-priority', 'key');
  await Promise.all([page.waitForURL(/\/workspace\/products\/\d+\?done=created$/),
                     page.locator('form[action="/workspace/products"] button').click()]);
  const productUrl = page.url().split('?')[0];
  const productId = productUrl.split('/').pop();

  // Its photo: a PNG with transparency, made above.
  await page.setInputFiles('#f-image', { name: 'dieu.png', mimeType: 'image/png',
                                         buffer: makePng(900, 600) });
  await Promise.all([page.waitForURL(/\?done=image$/),
                     page.locator('form[enctype="multipart/form-data"] button').click()]);
  const photo = page.locator('img.photo');
  assert.equal(await photo.getAttribute('width'), '640');
  assert.equal(await photo.getAttribute('height'), '427');
  assert.ok(await photo.evaluate((img) => img.complete && img.naturalWidth === 640));
  await checkPage(page, 'product-edit');

  // A file that only claims to be a picture is refused with a message.
  await page.setInputFiles('#f-image', { name: 'virus.png', mimeType: 'image/png',
                                         buffer: Buffer.from('<script>alert(1)</script>') });
  await page.locator('form[enctype="multipart/form-data"] button').click();
  await page.waitForSelector('#upload-error');
  assert.match(await page.locator('#upload-error').innerText(), /Không nhận ảnh này/);

  await page.goto(base + '/workspace/products');
  await checkPage(page, 'products');

  // A location.
  const gln = withCheckDigit('893' + randomDigits(9));
  await page.goto(base + '/workspace/locations/new');
  await page.fill('#f-name', 'Vùng trồng điều thử nghiệm');
  await page.selectOption('#f-kind', 'growing_area');
  await page.fill('#f-gln', gln);
  await page.fill('#f-areaCode', 'VN-BPTR-0099');
  await page.fill('#f-district', 'Phú Riềng');
  await page.fill('#f-latitude', '11.71');
  await page.fill('#f-longitude', '106.93');
  await checkPage(page, 'location-new');
  await Promise.all([page.waitForURL(/\/workspace\/locations\/\d+\?done=created$/),
                     page.locator('form[action="/workspace/locations"] button').click()]);
  const locationUrl = page.url().split('?')[0];
  const locationId = locationUrl.split('/').pop();
  await checkPage(page, 'location-edit');
  await page.goto(base + '/workspace/locations');
  await checkPage(page, 'locations');

  // A lot of the product, made at the location.
  await page.goto(base + '/workspace/lots/new');
  await page.selectOption('#f-productId', productId);
  await page.fill('#f-lotCode', 'T' + gtin.slice(-5));
  await page.fill('#f-productionDate', '2025-03-01');
  await page.fill('#f-expiryDate', '2026-03-01');
  await page.fill('#f-quantity', '400');
  await page.selectOption('#f-unit', 'KGM');
  await page.selectOption('#f-locationId', locationId);
  await checkPage(page, 'lot-new');
  await Promise.all([page.waitForURL(/\/workspace\/lots\/\d+\?done=created$/),
                     page.locator('form[action="/workspace/lots"] button').click()]);
  const lotUrl = page.url().split('?')[0];
  await checkPage(page, 'lot-edit');
  await page.goto(base + '/workspace/lots');
  await checkPage(page, 'lots');

  // The label sheet.
  await page.goto(base + '/workspace/labels');
  await checkPage(page, 'labels-index');
  await page.goto(lotUrl);
  await page.locator('main a[href^="/workspace/lots/"][href$="/labels"]').click();
  await page.waitForURL(/\/labels$/);
  await page.fill('#f-copies', '6');
  await checkPage(page, 'labels');
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.locator('main form[method="get"] button').click()]);
  const pdf = readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(download.suggestedFilename(), /^labels-\d+\.pdf$/);

  // Submit all three for review.
  for (const url of [productUrl, locationUrl, lotUrl]) {
    await page.goto(url);
    await Promise.all([page.waitForURL(/\?done=submitted$/),
                       page.locator('form[action$="/submit"] button').click()]);
    assert.ok(await page.locator('fieldset[disabled]').count() > 0, `${url} is locked`);
  }
  await page.goto(base + '/workspace/submissions?status=pending');
  const pending = await page.locator('main table').innerText();
  for (const what of [name, 'Vùng trồng điều thử nghiệm', 'T' + gtin.slice(-5)]) {
    assert.ok(pending.includes(what), `${what} is waiting for review`);
  }
  await checkPage(page, 'submissions');

  // An API key, shown once.
  await page.goto(base + '/workspace/apikeys');
  await page.fill('#f-label', 'Phần mềm kho');
  await page.locator('form[action="/workspace/apikeys"] button').click();
  await page.waitForSelector('#new-token');
  assert.match(await page.locator('#new-token').inputValue(), /^txng_/);
  await checkPage(page, 'apikeys');
  await page.context().close();
});

test('the product form fits a 360-pixel phone', async () => {
  const page = await portal.newPage({ viewport: { width: 360, height: 740 } });
  await signIn(portal, page, portal.user('producer').username);
  await page.goto(base + '/workspace/products/new');
  const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const box = await page.locator('#f-nameVi').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, 'the name field is on screen');
  await shot(page, 'product-new-phone');
  await expectAccessible(page);
  await page.context().close();
});
