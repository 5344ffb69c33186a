// The reviewer's workspace on both backends: the queue and its filters,
// decisions one by one and in bulk (all or none), officers' scope, the
// review history, the audit log filters and account management.
#include "service/review.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "service/accounts.h"
#include "service/catalog.h"
#include "store/event_testing.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

constexpr UnixMillis kDay = 24LL * 60 * 60 * 1000;

Principal UserPrincipal(const User& u) {
  Principal p;
  p.kind = Principal::Kind::kUser;
  p.user_id = u.id;
  p.name = u.username;
  p.role = u.role;
  p.org_id = u.org_id;
  p.scope_sector = u.scope_sector;
  p.scope_district = u.scope_district;
  p.remote_addr = "127.0.0.1";
  return p;
}

class ReviewServiceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Organisation a = NewOrganisation("HTX Điều Bù Đăng");
    a.district = "Bù Đăng";
    a.sector = "agriculture";
    a.gs1_company_prefix = "8930001";
    Organisation b = NewOrganisation("Công ty Tiêu Lộc Ninh");
    b.district = "Lộc Ninh";
    b.sector = "industry_trade";
    auto ra = store_->CreateOrganisation(a, Admin());
    auto rb = store_->CreateOrganisation(b, Admin());
    ASSERT_TRUE(IsOk(ra));
    ASSERT_TRUE(IsOk(rb));
    org_a_ = *ra;
    org_b_ = *rb;
    catalog_ = std::make_unique<CatalogService>(*store_);
    accounts_ = std::make_unique<AccountService>(*store_);
    reviewer_ = UserPrincipal(MakeUser("reviewer", Role::kReviewer));
    admin_ = UserPrincipal(MakeUser("admin", Role::kAdmin));
    producer_a_ = UserPrincipal(MakeUser("producer_a", Role::kProducer, org_a_.id));
    producer_b_ = UserPrincipal(MakeUser("producer_b", Role::kProducer, org_b_.id));
    User officer;
    officer.username = "officer";
    officer.role = Role::kOfficer;
    officer.scope_district = "Bù Đăng";
    auto created = store_->CreateUser(officer, Admin());
    ASSERT_TRUE(IsOk(created));
    officer_ = UserPrincipal(*created);
  }

  // A product of `producer`'s organisation, submitted for review.
  Product Submitted(const Principal& producer, const std::string& gtin, const std::string& name) {
    ProductFields f;
    f.gtin = gtin;
    f.name_vi = name;
    auto p = catalog_->CreateProduct(producer, f);
    EXPECT_TRUE(IsOk(p));
    if (!p.ok()) return {};
    auto submitted = catalog_->SubmitProduct(producer, p->id);
    EXPECT_TRUE(IsOk(submitted));
    return submitted.ok() ? *submitted : Product{};
  }

  // Moves a pending record's submission `days` into the past.
  void Backdate(const std::string& table, int64_t id, int days) {
    const UnixMillis at = NowMillis() - days * kDay;
    ASSERT_TRUE(IsOk(store_->db().Transact(TxMode::kWrite, [&](SqlConnection& c) {
      return c.Run("UPDATE " + table + " SET updated_at = $2 WHERE id = $1", {id, at}).status();
    })));
  }

  std::vector<std::string> QueueTitles(const Principal& p, const ReviewQueueFilter& f) {
    auto queue = ListReviewQueue(*store_, p, f, {.limit = 50, .offset = 0});
    EXPECT_TRUE(IsOk(queue));
    std::vector<std::string> out;
    if (queue.ok()) {
      for (const ReviewQueueItem& i : queue->items) out.push_back(i.title);
    }
    return out;
  }

  int64_t Capture(int64_t org_id) {
    CaptureContext ctx;
    ctx.org_id = org_id;
    auto captured = store_->CaptureEvents(
        {DecodeTestEvent(
            R"("type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
               "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
               "epcList": ["https://id.gs1.org/01/08930001000018/21/S1"])")},
        ctx, Admin());
    EXPECT_TRUE(IsOk(captured));
    return captured.ok() ? captured->at(0).id : 0;
  }

  Organisation org_a_, org_b_;
  std::unique_ptr<CatalogService> catalog_;
  std::unique_ptr<AccountService> accounts_;
  Principal reviewer_, admin_, producer_a_, producer_b_, officer_;
};

TEST_P(ReviewServiceTest, QueueListsEveryPendingKindOldestFirst) {
  Product newer = Submitted(producer_a_, "08930001000018", "Hạt điều mới");
  Product older = Submitted(producer_b_, "08930001000025", "Tiêu cũ");
  Submitted(producer_a_, "08930001000032", "Hạt điều nháp");
  // A draft is not in the queue.
  ProductFields draft;
  draft.gtin = "08930001000049";
  draft.name_vi = "Nháp";
  ASSERT_TRUE(IsOk(catalog_->CreateProduct(producer_a_, draft)));
  Backdate("products", older.id, 10);
  Backdate("products", newer.id, 3);
  const int64_t event = Capture(org_a_.id);
  ASSERT_TRUE(IsOk(SubmitOrganisation(*store_, producer_b_, org_b_.id)));

  auto queue = ListReviewQueue(*store_, reviewer_, {}, {.limit = 50, .offset = 0});
  ASSERT_TRUE(IsOk(queue));
  ASSERT_EQ(queue->total, 5);
  EXPECT_EQ(queue->items[0].title, "Tiêu cũ");
  EXPECT_EQ(queue->items[0].org_name, "Công ty Tiêu Lộc Ninh");
  EXPECT_EQ(queue->items[0].district, "Lộc Ninh");
  EXPECT_EQ(queue->items[1].title, "Hạt điều mới");
  bool saw_event = false, saw_org = false;
  for (const ReviewQueueItem& i : queue->items) {
    saw_event = saw_event || (i.kind == ReviewKind::kEvent && i.id == event);
    saw_org = saw_org || (i.kind == ReviewKind::kOrganisation && i.id == org_b_.id);
  }
  EXPECT_TRUE(saw_event);
  EXPECT_TRUE(saw_org);

  // Paginated: the second page starts where the first ended.
  auto second = ListReviewQueue(*store_, reviewer_, {}, {.limit = 2, .offset = 1});
  ASSERT_TRUE(IsOk(second));
  EXPECT_EQ(second->total, 5);
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[0].title, "Hạt điều mới");
}

TEST_P(ReviewServiceTest, QueueAndPreviewOfLocationsAndLots) {
  Product product = Submitted(producer_a_, "08930001000018", "Hạt điều");
  LocationFields lf;
  lf.gln = "8930001000018";
  lf.name = "Vườn điều Bù Đăng";
  lf.kind = "farm";
  auto location = catalog_->CreateLocation(producer_a_, lf);
  ASSERT_TRUE(IsOk(location));
  ASSERT_TRUE(IsOk(catalog_->SubmitLocation(producer_a_, location->id)));
  LotFields lot_fields;
  lot_fields.product_id = product.id;
  lot_fields.lot_code = "L2503";
  lot_fields.location_id = location->id;
  auto lot = catalog_->CreateLot(producer_a_, lot_fields);
  ASSERT_TRUE(IsOk(lot));
  ASSERT_TRUE(IsOk(catalog_->SubmitLot(producer_a_, lot->id)));

  ReviewQueueFilter lots;
  lots.kind = ReviewKind::kLot;
  EXPECT_EQ(QueueTitles(reviewer_, lots), std::vector<std::string>{"Hạt điều / L2503"});
  ReviewQueueFilter locations;
  locations.kind = ReviewKind::kLocation;
  EXPECT_EQ(QueueTitles(reviewer_, locations), std::vector<std::string>{"Vườn điều Bù Đăng"});

  auto item = GetReviewItem(*store_, officer_, ReviewKind::kLot, lot->id);
  ASSERT_TRUE(IsOk(item));
  ASSERT_TRUE(item->product.has_value());
  EXPECT_EQ(item->product->gtin, "08930001000018");
  ASSERT_TRUE(item->location.has_value());
  EXPECT_EQ(item->location->name, "Vườn điều Bù Đăng");
  EXPECT_EQ(item->org.name, "HTX Điều Bù Đăng");
  EXPECT_EQ(item->status, ReviewStatus::kPending);
  auto missing = GetReviewItem(*store_, reviewer_, ReviewKind::kLot, lot->id + 100);
  EXPECT_EQ(missing.status().message(), "lot " + std::to_string(lot->id + 100) + " not found");
}

TEST_P(ReviewServiceTest, QueueFilters) {
  Product a = Submitted(producer_a_, "08930001000018", "Điều A");
  Product b = Submitted(producer_b_, "08930001000025", "Tiêu B");
  Backdate("products", b.id, 8);
  Capture(org_a_.id);

  ReviewQueueFilter kind;
  kind.kind = ReviewKind::kProduct;
  EXPECT_EQ(QueueTitles(reviewer_, kind), (std::vector<std::string>{"Tiêu B", "Điều A"}));
  ReviewQueueFilter district;
  district.district = "Lộc Ninh";
  EXPECT_EQ(QueueTitles(reviewer_, district), std::vector<std::string>{"Tiêu B"});
  ReviewQueueFilter sector;
  sector.sector = "agriculture";
  sector.kind = ReviewKind::kProduct;
  EXPECT_EQ(QueueTitles(reviewer_, sector), std::vector<std::string>{"Điều A"});
  ReviewQueueFilter org;
  org.org_id = org_b_.id;
  EXPECT_EQ(QueueTitles(reviewer_, org), std::vector<std::string>{"Tiêu B"});
  ReviewQueueFilter age;
  age.submitted_before = NowMillis() - 7 * kDay;
  EXPECT_EQ(QueueTitles(reviewer_, age), std::vector<std::string>{"Tiêu B"});
  (void)a;
}

TEST_P(ReviewServiceTest, OnlyReviewersAdminsAndOfficersOpenTheQueue) {
  auto producer = ListReviewQueue(*store_, producer_a_, {}, {});
  EXPECT_EQ(producer.status().code(), StatusCode::kPermissionDenied);
  auto anonymous = ListReviewQueue(*store_, Principal::Anonymous("1.2.3.4"), {}, {});
  EXPECT_EQ(anonymous.status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(IsOk(ListReviewQueue(*store_, admin_, {}, {})));
}

TEST_P(ReviewServiceTest, BulkApproveDecidesEveryRecord) {
  Product a = Submitted(producer_a_, "08930001000018", "Điều A");
  Product b = Submitted(producer_b_, "08930001000025", "Tiêu B");
  const int64_t event = Capture(org_a_.id);
  ReviewDecision approve;
  approve.status = ReviewStatus::kApproved;
  auto n = DecideReviews(
      *store_, reviewer_,
      {{ReviewKind::kProduct, a.id}, {ReviewKind::kProduct, b.id}, {ReviewKind::kEvent, event}},
      approve);
  ASSERT_TRUE(IsOk(n));
  EXPECT_EQ(*n, 3);
  EXPECT_EQ(store_->GetProduct(a.id)->review_status, ReviewStatus::kApproved);
  EXPECT_EQ(store_->GetProduct(b.id)->review_status, ReviewStatus::kApproved);
  EXPECT_EQ(store_->GetProduct(b.id)->reviewed_by, reviewer_.user_id);
  EXPECT_EQ(store_->GetEvent(event)->review_status, ReviewStatus::kApproved);
  AuditFilter f;
  f.action = "product.review";
  f.actor = "user:reviewer";
  auto audit = store_->ListAudit(f, {});
  ASSERT_TRUE(IsOk(audit));
  EXPECT_EQ(audit->total, 2);
}

TEST_P(ReviewServiceTest, RejectWithoutReasonChangesNothing) {
  Product a = Submitted(producer_a_, "08930001000018", "Điều A");
  Product b = Submitted(producer_b_, "08930001000025", "Tiêu B");
  const int64_t audit_before = CountRows("audit_log");
  ReviewDecision reject;
  reject.status = ReviewStatus::kRejected;
  auto n = DecideReviews(*store_, reviewer_,
                         {{ReviewKind::kProduct, a.id}, {ReviewKind::kProduct, b.id}}, reject);
  ASSERT_EQ(n.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(n.status().message(), "a rejection needs a reason the producer can act on");
  EXPECT_EQ(n.status().field(), "reason");
  EXPECT_EQ(store_->GetProduct(a.id)->review_status, ReviewStatus::kPending);
  EXPECT_EQ(store_->GetProduct(b.id)->review_status, ReviewStatus::kPending);
  EXPECT_EQ(CountRows("audit_log"), audit_before);
}

TEST_P(ReviewServiceTest, BulkDecisionIsAllOrNone) {
  Product a = Submitted(producer_a_, "08930001000018", "Điều A");
  ProductFields draft;
  draft.gtin = "08930001000025";
  draft.name_vi = "Nháp";
  auto d = catalog_->CreateProduct(producer_b_, draft);
  ASSERT_TRUE(IsOk(d));
  const int64_t audit_before = CountRows("audit_log");
  ReviewDecision approve;
  approve.status = ReviewStatus::kApproved;
  auto n = DecideReviews(*store_, reviewer_,
                         {{ReviewKind::kProduct, a.id}, {ReviewKind::kProduct, d->id}}, approve);
  ASSERT_EQ(n.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(n.status().message(), "product " + std::to_string(d->id) +
                                      " is draft, not pending: only submitted records can be "
                                      "reviewed");
  EXPECT_EQ(store_->GetProduct(a.id)->review_status, ReviewStatus::kPending);
  EXPECT_EQ(CountRows("audit_log"), audit_before);

  auto missing = DecideReviews(*store_, reviewer_, {{ReviewKind::kLot, 999}}, approve);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "lot 999 not found");
  auto twice = DecideReviews(*store_, reviewer_,
                             {{ReviewKind::kProduct, a.id}, {ReviewKind::kProduct, a.id}}, approve);
  EXPECT_EQ(twice.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(twice.status().message(), "a record is named twice");
  auto none = DecideReviews(*store_, reviewer_, {}, approve);
  EXPECT_EQ(none.status().message(), "choose at least one record");
}

TEST_P(ReviewServiceTest, OfficersSeeTheirScopeAndNeverDecide) {
  Product in = Submitted(producer_a_, "08930001000018", "Điều Bù Đăng");
  Product out = Submitted(producer_b_, "08930001000025", "Tiêu Lộc Ninh");
  EXPECT_EQ(QueueTitles(officer_, {}), std::vector<std::string>{"Điều Bù Đăng"});
  ReviewQueueFilter elsewhere;
  elsewhere.district = "Lộc Ninh";
  EXPECT_TRUE(QueueTitles(officer_, elsewhere).empty());

  EXPECT_TRUE(IsOk(GetReviewItem(*store_, officer_, ReviewKind::kProduct, in.id)));
  auto hidden = GetReviewItem(*store_, officer_, ReviewKind::kProduct, out.id);
  EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "product " + std::to_string(out.id) + " not found");
  auto hidden_org = GetReviewItem(*store_, officer_, ReviewKind::kOrganisation, org_b_.id);
  EXPECT_EQ(hidden_org.status().code(), StatusCode::kNotFound);

  ReviewDecision approve;
  approve.status = ReviewStatus::kApproved;
  auto decided = DecideReviews(*store_, officer_, {{ReviewKind::kProduct, in.id}}, approve);
  EXPECT_EQ(decided.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(store_->GetProduct(in.id)->review_status, ReviewStatus::kPending);

  auto orgs = ListDirectoryOrganisations(*store_, officer_, {}, {});
  ASSERT_TRUE(IsOk(orgs));
  ASSERT_EQ(orgs->total, 1);
  EXPECT_EQ(orgs->items[0].id, org_a_.id);
  auto products = ListDirectoryProducts(*store_, officer_, {}, {});
  ASSERT_TRUE(IsOk(products));
  ASSERT_EQ(products->total, 1);
  EXPECT_EQ(products->items[0].product.id, in.id);

  auto audit = ListAuditLog(*store_, officer_, {}, {});
  EXPECT_EQ(audit.status().code(), StatusCode::kPermissionDenied);
}

TEST_P(ReviewServiceTest, DirectoryFilters) {
  Submitted(producer_a_, "08930001000018", "Hạt điều rang muối");
  ProductFields f;
  f.gtin = "08930001000025";
  f.name_vi = "Tiêu đen";
  ASSERT_TRUE(IsOk(catalog_->CreateProduct(producer_b_, f)));

  DirectoryFilter text;
  text.text = "RANG";
  auto found = ListDirectoryProducts(*store_, reviewer_, text, {});
  ASSERT_TRUE(IsOk(found));
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].product.name_vi, "Hạt điều rang muối");
  EXPECT_EQ(found->items[0].org_name, "HTX Điều Bù Đăng");
  DirectoryFilter by_gtin;
  by_gtin.text = "0025";
  EXPECT_EQ(ListDirectoryProducts(*store_, reviewer_, by_gtin, {})->total, 1);
  DirectoryFilter status;
  status.review_status = ReviewStatus::kDraft;
  auto drafts = ListDirectoryProducts(*store_, reviewer_, status, {});
  ASSERT_EQ(drafts->total, 1);
  EXPECT_EQ(drafts->items[0].product.name_vi, "Tiêu đen");
  DirectoryFilter wildcard;
  wildcard.text = "%";
  EXPECT_EQ(ListDirectoryProducts(*store_, reviewer_, wildcard, {})->total, 0);

  DirectoryFilter sector;
  sector.sector = "industry_trade";
  auto orgs = ListDirectoryOrganisations(*store_, reviewer_, sector, {});
  ASSERT_EQ(orgs->total, 1);
  EXPECT_EQ(orgs->items[0].name, "Công ty Tiêu Lộc Ninh");
  auto producer = ListDirectoryOrganisations(*store_, producer_a_, {}, {});
  EXPECT_EQ(producer.status().code(), StatusCode::kPermissionDenied);
}

TEST_P(ReviewServiceTest, HistoryShowsRejectionCorrectionAndApproval) {
  Product p = Submitted(producer_a_, "08930001000018", "Điều");
  ReviewDecision reject;
  reject.status = ReviewStatus::kRejected;
  reject.reason = "Thiếu tiêu chuẩn áp dụng";
  ASSERT_TRUE(IsOk(DecideReviews(*store_, reviewer_, {{ReviewKind::kProduct, p.id}}, reject)));

  auto rejected = GetReviewItem(*store_, reviewer_, ReviewKind::kProduct, p.id);
  ASSERT_TRUE(IsOk(rejected));
  EXPECT_EQ(rejected->status, ReviewStatus::kRejected);
  EXPECT_EQ(rejected->reason, "Thiếu tiêu chuẩn áp dụng");

  ProductFields fix;
  fix.standards = "TCVN 4850:2010";
  ASSERT_TRUE(IsOk(catalog_->UpdateProduct(producer_a_, p.id, fix)));
  ASSERT_TRUE(IsOk(catalog_->SubmitProduct(producer_a_, p.id)));
  ReviewDecision approve;
  approve.status = ReviewStatus::kApproved;
  ASSERT_TRUE(IsOk(catalog_->ReviewProduct(admin_, p.id, approve)));

  auto item = GetReviewItem(*store_, reviewer_, ReviewKind::kProduct, p.id);
  ASSERT_TRUE(IsOk(item));
  using Step = ReviewHistoryEntry::Step;
  std::vector<Step> steps;
  for (const ReviewHistoryEntry& h : item->history) steps.push_back(h.step);
  EXPECT_EQ(steps, (std::vector<Step>{Step::kCreated, Step::kSubmitted, Step::kRejected,
                                      Step::kCorrected, Step::kSubmitted, Step::kApproved}));
  EXPECT_EQ(item->history[2].reason, "Thiếu tiêu chuẩn áp dụng");
  EXPECT_EQ(item->history[2].actor, "user:reviewer");
  EXPECT_EQ(item->history[3].actor, "user:producer_a");
  EXPECT_EQ(item->history[5].actor, "user:admin");
  EXPECT_EQ(item->status, ReviewStatus::kApproved);
  EXPECT_TRUE(item->reason.empty());
  EXPECT_EQ(item->submitted_at, item->history[4].at);
}

TEST_P(ReviewServiceTest, OrganisationsAreSubmittedAndReviewed) {
  ASSERT_TRUE(IsOk(SubmitOrganisation(*store_, producer_b_, org_b_.id)));
  auto again = SubmitOrganisation(*store_, producer_b_, org_b_.id);
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  auto other = SubmitOrganisation(*store_, producer_a_, org_b_.id);
  EXPECT_EQ(other.status().code(), StatusCode::kNotFound);

  ReviewDecision reject;
  reject.status = ReviewStatus::kRejected;
  reject.reason = "Sai mã số thuế";
  ASSERT_TRUE(
      IsOk(DecideReviews(*store_, reviewer_, {{ReviewKind::kOrganisation, org_b_.id}}, reject)));
  auto item = GetReviewItem(*store_, reviewer_, ReviewKind::kOrganisation, org_b_.id);
  ASSERT_TRUE(IsOk(item));
  EXPECT_EQ(item->status, ReviewStatus::kRejected);
  EXPECT_EQ(item->reason, "Sai mã số thuế");
  EXPECT_TRUE(IsOk(SubmitOrganisation(*store_, producer_b_, org_b_.id)));
}

TEST_P(ReviewServiceTest, EventPreviewAndHistory) {
  const int64_t event = Capture(org_a_.id);
  ReviewDecision reject;
  reject.status = ReviewStatus::kRejected;
  reject.reason = "Sai thời gian";
  ASSERT_TRUE(IsOk(DecideReviews(*store_, reviewer_, {{ReviewKind::kEvent, event}}, reject)));
  auto item = GetReviewItem(*store_, reviewer_, ReviewKind::kEvent, event);
  ASSERT_TRUE(IsOk(item));
  ASSERT_TRUE(item->event.has_value());
  EXPECT_EQ(item->status, ReviewStatus::kRejected);
  EXPECT_EQ(item->reason, "Sai thời gian");
  ASSERT_EQ(item->history.size(), 2u);
  EXPECT_EQ(item->history[0].step, ReviewHistoryEntry::Step::kSubmitted);
  EXPECT_EQ(item->history[1].step, ReviewHistoryEntry::Step::kRejected);
}

TEST_P(ReviewServiceTest, AuditLogFilters) {
  Product p = Submitted(producer_a_, "08930001000018", "Điều");
  // Millisecond timestamps: leave a gap on each side of the boundary.
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  const UnixMillis after_submit = NowMillis();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  ReviewDecision approve;
  approve.status = ReviewStatus::kApproved;
  ASSERT_TRUE(IsOk(DecideReviews(*store_, reviewer_, {{ReviewKind::kProduct, p.id}}, approve)));

  AuditFilter by_actor;
  by_actor.actor = "user:producer_a";
  auto producer = ListAuditLog(*store_, reviewer_, by_actor, {});
  ASSERT_TRUE(IsOk(producer));
  ASSERT_EQ(producer->total, 2);  // create, submit
  EXPECT_EQ(producer->items[0].action, "product.create");
  AuditFilter newest = by_actor;
  newest.newest_first = true;
  EXPECT_EQ(ListAuditLog(*store_, reviewer_, newest, {})->items[0].action, "product.submit");
  AuditFilter later;
  later.entity = "product";
  later.from = after_submit;
  auto decisions = ListAuditLog(*store_, admin_, later, {});
  ASSERT_TRUE(IsOk(decisions));
  ASSERT_EQ(decisions->total, 1);
  EXPECT_EQ(decisions->items[0].action, "product.review");
  AuditFilter before;
  before.entity = "product";
  before.to = after_submit;
  EXPECT_EQ(ListAuditLog(*store_, admin_, before, {})->total, 2);
  EXPECT_EQ(ListAuditLog(*store_, producer_a_, {}, {}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_P(ReviewServiceTest, AdminManagesAccounts) {
  NewUser u;
  u.username = "kiemduyet2";
  u.display_name = "Cán bộ kiểm duyệt 2";
  u.role = Role::kReviewer;
  u.password = "mat khau dai";
  auto created = accounts_->CreateUserAsAdmin(admin_, u);
  ASSERT_TRUE(IsOk(created));
  AuditFilter f;
  f.action = "user.create";
  f.actor = "user:admin";
  EXPECT_EQ(store_->ListAudit(f, {})->total, 1);

  auto duplicate = accounts_->CreateUserAsAdmin(admin_, u);
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().message(), "the username 'kiemduyet2' is taken");
  NewUser producer = u;
  producer.username = "sx1";
  producer.role = Role::kProducer;
  auto orphan = accounts_->CreateUserAsAdmin(admin_, producer);
  EXPECT_EQ(orphan.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(orphan.status().field(), "org");
  NewUser weak = u;
  weak.username = "weak";
  weak.password = "short";
  auto refused = accounts_->CreateUserAsAdmin(admin_, weak);
  EXPECT_EQ(refused.status().message(), "password must be at least 8 characters long");
  NewUser officer = u;
  officer.username = "cb";
  officer.role = Role::kOfficer;
  EXPECT_EQ(accounts_->CreateUserAsAdmin(admin_, officer).status().field(), "scope");
  EXPECT_EQ(accounts_->CreateUserAsAdmin(reviewer_, u).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(store_->GetUserByUsername("weak").status().code(), StatusCode::kNotFound);

  ASSERT_TRUE(IsOk(accounts_->SetDisabledAsAdmin(admin_, created->id, true)));
  EXPECT_TRUE(store_->GetUser(created->id)->disabled);
  EXPECT_EQ(accounts_->Login("kiemduyet2", "mat khau dai", "1.1.1.1").status().code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(IsOk(accounts_->SetDisabledAsAdmin(admin_, created->id, false)));
  auto self = accounts_->SetDisabledAsAdmin(admin_, *admin_.user_id, true);
  EXPECT_EQ(self.code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(store_->GetUser(*admin_.user_id)->disabled);

  auto one_time = accounts_->ResetPasswordAsAdmin(admin_, created->id, "");
  ASSERT_TRUE(IsOk(one_time));
  EXPECT_GE(one_time->size(), 16u);
  EXPECT_TRUE(IsOk(accounts_->Login("kiemduyet2", *one_time, "1.1.1.2")));
  EXPECT_EQ(accounts_->Login("kiemduyet2", "mat khau dai", "1.1.1.3").status().code(),
            StatusCode::kUnauthenticated);
  auto too_short = accounts_->ResetPasswordAsAdmin(admin_, created->id, "abc");
  EXPECT_EQ(too_short.status().field(), "password");
  EXPECT_EQ(accounts_->ResetPasswordAsAdmin(admin_, 9999, "").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(accounts_->ResetPasswordAsAdmin(officer_, created->id, "").status().code(),
            StatusCode::kPermissionDenied);

  auto users = accounts_->ListUsersAsAdmin(admin_, {});
  ASSERT_TRUE(IsOk(users));
  EXPECT_EQ(users->total, 6);
  EXPECT_EQ(accounts_->ListUsersAsAdmin(reviewer_, {}).status().code(),
            StatusCode::kPermissionDenied);
}

TXNG_INSTANTIATE_BACKENDS(ReviewServiceTest);

}  // namespace
}  // namespace txng
