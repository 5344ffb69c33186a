// The reviewer's workspace pages over HTTP on both backends: who may open
// them, CSRF on every form, decisions one by one and in bulk (a refused
// decision changes nothing), escaping, officers' scope and account
// management.
#include <gtest/gtest.h>

#include <string>

#include "integration/app_fixture.h"

namespace txng {
namespace {

class ReviewPagesTest : public AppTest {
 protected:
  // A urlencoded form post with the caller's cookie; `csrf` adds the token.
  test::HttpResponse Form(const std::string& target, const Caller& who, std::string body,
                          bool csrf = true) {
    if (csrf) body += (body.empty() ? "" : "&") + std::string("csrf_token=") + who.csrf;
    test::HttpHeaders h = {{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!who.cookie.empty()) h.emplace_back("Cookie", who.cookie);
    return client_->Request("POST", target, body, h);
  }

  test::HttpResponse Get(const std::string& target, const Caller& who) {
    test::HttpHeaders h;
    if (!who.cookie.empty()) h.emplace_back("Cookie", who.cookie);
    return client_->Request("GET", target, "", h);
  }

  // A product of `producer`'s organisation, submitted; its id.
  int64_t SubmittedProduct(const Caller& producer, const std::string& name) {
    auto created = Call("POST", "/api/v1/products", producer, NewProduct(name).dump());
    EXPECT_EQ(created.status, 201) << created.body;
    const int64_t id = Json(created).value("id", int64_t{0});
    auto submitted = Call("POST", "/api/v1/products/" + std::to_string(id) + "/submit", producer);
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    return id;
  }

  ReviewStatus StatusOf(int64_t product) { return store_->GetProduct(product)->review_status; }
};

TEST_P(ReviewPagesTest, OnlyReviewersAdminsAndOfficersOpenTheWorkspace) {
  Caller producer = Login("producer_a");
  for (const char* page : {"/review", "/review/audit", "/directory/organisations",
                           "/directory/products", "/admin/users"}) {
    SCOPED_TRACE(page);
    EXPECT_EQ(Get(page, producer).status, 403);
    auto anonymous = Get(page, Caller{});
    EXPECT_EQ(anonymous.status, 303);
    EXPECT_EQ(anonymous.Header("location").value_or("").rfind("/login?next=", 0), 0u);
  }
  Caller reviewer = Login("reviewer");
  EXPECT_EQ(Get("/review", reviewer).status, 200);
  EXPECT_EQ(Get("/review/audit", reviewer).status, 200);
  EXPECT_EQ(Get("/admin/users", reviewer).status, 403);
  Caller officer = Login("officer");
  EXPECT_EQ(Get("/review", officer).status, 200);
  EXPECT_EQ(Get("/directory/products", officer).status, 200);
  EXPECT_EQ(Get("/review/audit", officer).status, 403);
  EXPECT_EQ(Get("/admin/users", Login("admin")).status, 200);
}

TEST_P(ReviewPagesTest, EveryFormNeedsTheCsrfToken) {
  const int64_t product = SubmittedProduct(Login("producer_a"), "Hạt điều");
  Caller reviewer = Login("reviewer");
  Caller admin = Login("admin");
  const Snapshot before = Counts();
  const std::string item = "item=product%3A" + std::to_string(product) + "&decision=approve";
  EXPECT_EQ(Form("/review", reviewer, item, false).status, 403);
  EXPECT_EQ(Form("/review/product/" + std::to_string(product), reviewer, "decision=approve", false)
                .status,
            403);
  EXPECT_EQ(
      Form("/admin/users", admin, "username=x1&role=reviewer&password=longenough", false).status,
      403);
  EXPECT_EQ(Form("/admin/users/2/disable", admin, "", false).status, 403);
  EXPECT_EQ(Form("/admin/users/2/password", admin, "", false).status, 403);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(StatusOf(product), ReviewStatus::kPending);
}

TEST_P(ReviewPagesTest, RejectWithoutReasonIsRefusedAndChangesNothing) {
  Caller producer = Login("producer_a");
  const int64_t a = SubmittedProduct(producer, "Hạt điều A");
  const int64_t b = SubmittedProduct(producer, "Hạt điều B");
  Caller reviewer = Login("reviewer");
  const Snapshot before = Counts();
  auto refused = Form("/review", reviewer,
                      "item=product%3A" + std::to_string(a) + "&item=product%3A" +
                          std::to_string(b) + "&decision=reject&reason=+++");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("Từ chối phải có lý do. Chưa có hồ sơ nào thay đổi."),
            std::string::npos);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(StatusOf(a), ReviewStatus::kPending);
  EXPECT_EQ(StatusOf(b), ReviewStatus::kPending);

  auto one = Form("/review/product/" + std::to_string(a), reviewer, "decision=reject&reason=");
  EXPECT_EQ(one.status, 400);
  EXPECT_EQ(Counts(), before);
  auto nothing = Form("/review", reviewer, "decision=approve");
  EXPECT_EQ(nothing.status, 400);
  EXPECT_NE(nothing.body.find("Hãy chọn ít nhất một hồ sơ."), std::string::npos);
}

TEST_P(ReviewPagesTest, BulkApproveAndRejectWithEscapedReason) {
  Caller producer = Login("producer_a");
  const int64_t a = SubmittedProduct(producer, "Hạt điều A");
  const int64_t b = SubmittedProduct(producer, "Hạt điều B");
  const int64_t c = SubmittedProduct(producer, "Hạt điều C");
  Caller reviewer = Login("reviewer");
  auto queue = Get("/review?kind=product", reviewer);
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("value=\"product:" + std::to_string(a) + "\""), std::string::npos);

  auto approved = Form("/review", reviewer,
                       "item=product%3A" + std::to_string(a) + "&item=product%3A" +
                           std::to_string(b) + "&decision=approve");
  EXPECT_EQ(approved.status, 200);
  EXPECT_EQ(StatusOf(a), ReviewStatus::kApproved);
  EXPECT_EQ(StatusOf(b), ReviewStatus::kApproved);
  EXPECT_EQ(StatusOf(c), ReviewStatus::kPending);

  auto rejected =
      Form("/review/product/" + std::to_string(c), reviewer,
           "decision=reject&reason=%3Cscript%3Ealert(1)%3C%2Fscript%3E+thi%E1%BA%BFu+nh%C3%A3n");
  EXPECT_EQ(rejected.status, 303);
  EXPECT_EQ(StatusOf(c), ReviewStatus::kRejected);
  auto page = Get("/review/product/" + std::to_string(c), reviewer);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt; thiếu nhãn"), std::string::npos);
  // Decided: no decision form any more, and deciding again is refused.
  EXPECT_EQ(page.body.find("name=\"decision\""), std::string::npos);
  EXPECT_EQ(Form("/review/product/" + std::to_string(c), reviewer, "decision=approve").status, 409);

  AuditFilter f;
  f.action = "product.review";
  EXPECT_EQ(store_->ListAudit(f, {})->total, 3);
  auto audit = Get("/review/audit?action=product.review", reviewer);
  ASSERT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("product.review · product " + std::to_string(c)), std::string::npos);
}

TEST_P(ReviewPagesTest, OfficersReadTheirScopeOnlyAndCannotDecide) {
  // The fixture's officer is scoped to Bù Đăng, organisation A's district.
  const int64_t in = SubmittedProduct(Login("producer_a"), "Hạt điều Bù Đăng");
  auto other =
      Call("POST", "/api/v1/products", Login("producer_b"),
           nlohmann::json({{"gtin", "08930002000017"}, {"nameVi", "Tiêu Lộc Ninh"}}).dump());
  ASSERT_EQ(other.status, 201) << other.body;
  const int64_t out = Json(other).value("id", int64_t{0});

  Caller officer = Login("officer");
  auto queue = Get("/review", officer);
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("Hạt điều Bù Đăng"), std::string::npos);
  EXPECT_EQ(queue.body.find("name=\"item\""), std::string::npos);  // no checkboxes
  EXPECT_EQ(Get("/review/product/" + std::to_string(in), officer).status, 200);
  EXPECT_EQ(Get("/review/product/" + std::to_string(out), officer).status, 404);
  EXPECT_EQ(Get("/review/organisation/" + std::to_string(org_b_), officer).status, 404);
  auto products = Get("/directory/products", officer);
  EXPECT_EQ(products.body.find("Tiêu Lộc Ninh"), std::string::npos);

  const Snapshot before = Counts();
  EXPECT_EQ(Form("/review/product/" + std::to_string(in), officer, "decision=approve").status, 403);
  EXPECT_EQ(
      Form("/review", officer, "item=product%3A" + std::to_string(in) + "&decision=approve").status,
      403);
  EXPECT_EQ(Form("/review/product/" + std::to_string(out), officer, "decision=approve").status,
            404);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(StatusOf(in), ReviewStatus::kPending);
}

TEST_P(ReviewPagesTest, AdminManagesAccounts) {
  Caller admin = Login("admin");
  const Snapshot before = Counts();
  auto duplicate =
      Form("/admin/users", admin, "username=reviewer&role=reviewer&password=longenough");
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_NE(duplicate.body.find("the username &apos;reviewer&apos; is taken"), std::string::npos);
  auto orphan = Form("/admin/users", admin, "username=sx9&role=producer&password=longenough");
  EXPECT_EQ(orphan.status, 400);
  EXPECT_NE(orphan.body.find("a producer belongs to one organisation"), std::string::npos);
  auto weak = Form("/admin/users", admin, "username=sx9&role=reviewer&password=short");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("password must be at least 8 characters long"), std::string::npos);
  EXPECT_EQ(Counts(), before);

  auto created = Form("/admin/users", admin,
                      "username=canbo2&display_name=C%C3%A1n+b%E1%BB%99&role=officer"
                      "&scope_district=L%E1%BB%99c+Ninh&password=");
  ASSERT_EQ(created.status, 201) << created.body;
  auto user = store_->GetUserByUsername("canbo2");
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->scope_district, "Lộc Ninh");
  // The one-time password is shown once and works.
  const std::string marker = "<strong class=\"code\">";
  const size_t at = created.body.find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::string password = created.body.substr(
      at + marker.size(), created.body.find('<', at + marker.size()) - at - marker.size());
  EXPECT_GE(password.size(), 16u);
  EXPECT_TRUE(accounts_->Login("canbo2", password, "127.0.0.9").ok());

  const std::string id = std::to_string(user->id);
  EXPECT_EQ(Form("/admin/users/" + id + "/disable", admin, "").status, 200);
  EXPECT_TRUE(store_->GetUser(user->id)->disabled);
  EXPECT_EQ(Form("/admin/users/" + id + "/enable", admin, "").status, 200);
  EXPECT_FALSE(store_->GetUser(user->id)->disabled);
  auto reset = Form("/admin/users/" + id + "/password", admin, "");
  EXPECT_EQ(reset.status, 200);
  EXPECT_FALSE(accounts_->Login("canbo2", password, "127.0.0.9").ok());
  const std::string admin_id = std::to_string(store_->GetUserByUsername("admin")->id);
  EXPECT_EQ(Form("/admin/users/" + admin_id + "/disable", admin, "").status, 409);
  EXPECT_EQ(Form("/admin/users/" + id + "/disable", Login("reviewer"), "").status, 403);
  EXPECT_FALSE(store_->GetUser(user->id)->disabled);

  AuditFilter f;
  f.actor = "user:admin";
  f.entity = "user";
  f.entity_id = id;
  auto log = store_->ListAudit(f, {});
  ASSERT_TRUE(log.ok());
  std::vector<std::string> actions;
  for (const AuditEntry& e : log->items) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"user.create", "user.disable", "user.enable",
                                               "user.passwd"}));
}

TEST_P(ReviewPagesTest, OrganisationsAreSubmittedAndReviewedOverJson) {
  Organisation draft;
  draft.name = "Hộ kinh doanh Mật ong Bù Gia Mập";
  draft.kind = OrgKind::kHousehold;
  draft.district = "Bù Gia Mập";
  auto org = store_->CreateOrganisation(draft, Actor::System("system:test"));
  ASSERT_TRUE(org.ok());
  NewUser u;
  u.username = "producer_c";
  u.role = Role::kProducer;
  u.org_id = org->id;
  u.password = kPassword;
  ASSERT_TRUE(accounts_->AddUser(u, Actor::System("system:test")).ok());
  const std::string base = "/api/v1/organisations/" + std::to_string(org->id);

  EXPECT_EQ(Call("POST", base + "/submit", Login("producer_a")).status, 404);
  auto submitted = Call("POST", base + "/submit", Login("producer_c"));
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(Json(submitted).value("reviewStatus", ""), "pending");

  Caller reviewer = Login("reviewer");
  const Snapshot before = Counts();
  auto no_reason = Call("POST", base + "/review", reviewer, R"({"decision": "reject"})");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(store_->GetOrganisation(org->id)->review_status, ReviewStatus::kPending);
  EXPECT_EQ(Call("POST", base + "/review", Login("officer"), R"({"decision": "approve"})").status,
            403);
  auto rejected = Call("POST", base + "/review", reviewer,
                       R"({"decision": "reject", "reason": "Thiếu mã số thuế"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(Json(rejected).value("reviewStatus", ""), "rejected");
  auto page = Get("/review/organisation/" + std::to_string(org->id), reviewer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Thiếu mã số thuế"), std::string::npos);
  EXPECT_EQ(Call("POST", base + "/submit", Login("producer_c")).status, 200);
}

TXNG_INSTANTIATE_BACKENDS(ReviewPagesTest);

}  // namespace
}  // namespace txng
