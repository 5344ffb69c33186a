// The reviewer's workspace in a real browser (acceptance (2) of the portal):
// the reviewer rejects a product with a reason, the producer corrects and
// resubmits it (through the JSON API with the producer's own session — the
// producer's HTML workspace is built elsewhere), the reviewer sees the
// history and approves; then a bulk approval of two products, the audit
// log, the directory, an officer's read-only view and account management.
// Every page is screenshotted and checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, shot, signIn, startPortal } from './harness.mjs';

let portal, base;

before(async () => {
  portal = await startPortal();
  ({ base } = portal);
});

after(async () => {
  await portal?.stop();
});

// A GTIN-14 with a valid check digit, unused by the demo (prefix 8939).
function freshGtin(n) {
  const body = '08939' + String(Date.now() % 1e6).padStart(6, '0') + String(n).padStart(2, '0');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return body + String((10 - (sum % 10)) % 10);
}

// The producer's JSON API calls, with the CSRF token of its session.
async function producerApi(page) {
  const me = await (await page.request.get(base + '/api/v1/me')).json();
  assert.ok(me.csrfToken, 'the session has a CSRF token');
  const headers = { 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' };
  return {
    async create(name, n) {
      const r = await page.request.post(base + '/api/v1/products', {
        headers, data: { gtin: freshGtin(n), nameVi: name, category: 'cashew' },
      });
      assert.equal(r.status(), 201, await r.text());
      return (await r.json()).id;
    },
    async patch(id, fields) {
      const r = await page.request.patch(`${base}/api/v1/products/${id}`, { headers, data: fields });
      assert.equal(r.status(), 200, await r.text());
    },
    async submit(id) {
      const r = await page.request.post(`${base}/api/v1/products/${id}/submit`, { headers });
      assert.equal(r.status(), 200, await r.text());
    },
    async status(id) {
      const r = await page.request.get(`${base}/api/v1/products/${id}`);
      assert.equal(r.status(), 200, await r.text());
      return (await r.json()).reviewStatus;
    },
  };
}

// Chooses `decision` (approve or reject) in the page's decision form and
// sends it; resolves when the answer has loaded.
async function decide(page, decision) {
  await page.locator(`input[name=decision][value=${decision}]`).check();
  await Promise.all([page.waitForNavigation(),
                     page.locator('form:has(input[name=decision]) button[type=submit]').click()]);
}

test('reject with a reason, correct and resubmit, approve; bulk approve two', async () => {
  const producerPage = await portal.newPage();
  await signIn(portal, producerPage, portal.user('producer').username);
  const producer = await producerApi(producerPage);
  const rejected = await producer.create('Hạt điều thử nghiệm kiểm duyệt', 1);
  const bulkA = await producer.create('Tiêu đen thử nghiệm A', 2);
  const bulkB = await producer.create('Tiêu đen thử nghiệm B', 3);
  for (const id of [rejected, bulkA, bulkB]) await producer.submit(id);

  const page = await portal.newPage();
  await signIn(portal, page, portal.user('reviewer').username);
  await page.goto(base + '/review?kind=product');
  assert.match(await page.locator('h1').innerText(), /Hàng chờ kiểm duyệt/);
  await shot(page, 'queue');
  await expectAccessible(page);

  // One by one: the preview, then a rejection whose reason holds markup.
  await page.locator(`a[href="/review/product/${rejected}"]`).click();
  await page.waitForURL(`${base}/review/product/${rejected}`);
  const preview = await page.locator('main').innerText();
  assert.ok(preview.includes('Hạt điều thử nghiệm kiểm duyệt'), 'the preview shows the name');
  assert.ok(preview.includes('Tên sản phẩm'), 'with the public product page labels');
  await shot(page, 'preview');
  await expectAccessible(page);

  // Rejecting without a reason is refused and changes nothing.
  await decide(page, 'reject');
  assert.match(await page.locator('[role=alert]').innerText(), /Từ chối phải có lý do/);
  assert.equal(await producer.status(rejected), 'pending');

  const reason = '<script>alert(1)</script> Thiếu tiêu chuẩn áp dụng';
  await page.fill('#reason', reason);
  await decide(page, 'reject');
  await page.waitForURL(/decided=1/);
  const afterReject = await page.locator('main').innerText();
  assert.ok(afterReject.includes('Bị từ chối'));
  assert.ok(afterReject.includes(reason), 'the reason is shown as text, escaped');
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(await producer.status(rejected), 'rejected');

  // The producer corrects and resubmits.
  await producer.patch(rejected, { standards: 'TCVN 4850:2010' });
  await producer.submit(rejected);

  await page.goto(`${base}/review/product/${rejected}`);
  const history = await page.locator('#history-h + ol').innerText();
  for (const step of ['Tạo mới', 'Gửi duyệt', 'Bị từ chối', 'Chỉnh sửa']) {
    assert.ok(history.includes(step), `history shows ${step}`);
  }
  assert.ok(history.includes('Thiếu tiêu chuẩn áp dụng'));
  assert.ok((await page.locator('main').innerText()).includes('TCVN 4850:2010'));
  await shot(page, 'resubmitted');
  await decide(page, 'approve');
  await page.waitForURL(/decided=1/);
  assert.ok((await page.locator('#history-h + ol').innerText()).includes('Được duyệt'));
  await shot(page, 'approved');
  await expectAccessible(page);
  assert.equal(await producer.status(rejected), 'approved');

  // In bulk: two products at once.
  await page.goto(base + '/review?kind=product');
  await page.locator(`input[name=item][value="product:${bulkA}"]`).check();
  await page.locator(`input[name=item][value="product:${bulkB}"]`).check();
  await decide(page, 'approve');
  assert.match(await page.locator('[role=status]').innerText(), /Đã duyệt, số hồ sơ: 2/);
  await shot(page, 'bulk-approved');
  await expectAccessible(page);
  assert.equal(await producer.status(bulkA), 'approved');
  assert.equal(await producer.status(bulkB), 'approved');

  // Every decision is in the audit log.
  await page.goto(`${base}/review/audit?action=product.review&entity_id=${rejected}`);
  const log = await page.locator('tbody').innerText();
  assert.equal((log.match(/product\.review/g) ?? []).length, 2, log);
  await shot(page, 'audit');
  await expectAccessible(page);
  await page.context().close();
  await producerPage.context().close();
});

test('the directory, an officer\'s read-only view, and account management', async () => {
  const page = await portal.newPage({ viewport: { width: 360, height: 740 } });
  await signIn(portal, page, portal.user('reviewer').username);
  await page.goto(base + '/directory/organisations');
  assert.ok(await page.locator('tbody tr').count() > 0);
  await shot(page, 'directory-organisations');
  await expectAccessible(page);
  await page.goto(base + '/directory/products?status=approved');
  assert.ok(await page.locator('tbody tr').count() > 0);
  await shot(page, 'directory-products');
  await expectAccessible(page);
  await page.context().close();

  const officerPage = await portal.newPage();
  await signIn(portal, officerPage, portal.user('officer').username);
  await officerPage.goto(base + '/review');
  assert.equal(await officerPage.locator('input[name=item]').count(), 0, 'officers cannot decide');
  await shot(officerPage, 'officer-queue');
  await expectAccessible(officerPage);
  const audit = await officerPage.goto(base + '/review/audit');
  assert.equal(audit.status(), 403);
  await officerPage.context().close();

  const adminPage = await portal.newPage();
  await signIn(portal, adminPage, portal.user('admin').username);
  await adminPage.goto(base + '/admin/users');
  await shot(adminPage, 'users');
  await expectAccessible(adminPage);
  await adminPage.fill('#u-username', 'kiemduyet.moi');
  await adminPage.fill('#u-display', 'Cán bộ kiểm duyệt mới');
  await adminPage.selectOption('#u-role', 'reviewer');
  await adminPage.locator('section form.stack button').click();
  await adminPage.waitForLoadState();
  assert.match(await adminPage.locator('[role=status]').first().innerText(), /kiemduyet\.moi/);
  assert.equal(await adminPage.locator('strong.code').count(), 1, 'a one-time password is shown');
  await shot(adminPage, 'user-created');
  await expectAccessible(adminPage);
  await adminPage.context().close();
});
