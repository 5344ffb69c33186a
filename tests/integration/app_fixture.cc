#include "integration/app_fixture.h"

#include "common/embedded.h"
#include "gs1/check_digit.h"

namespace txng {

test::HttpHeaders Caller::Headers(bool json_body) const {
  test::HttpHeaders h;
  if (json_body) h.emplace_back("Content-Type", "application/json");
  if (!cookie.empty()) h.emplace_back("Cookie", cookie);
  if (!csrf.empty()) h.emplace_back("X-CSRF-Token", csrf);
  if (!bearer.empty()) h.emplace_back("Authorization", "Bearer " + bearer);
  return h;
}

void AppTest::SetUp() {
  BackendTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  DatabaseOptions db_options;
  db_options.pool_size = 8;
  store_ = std::make_unique<Store>(OpenOrDie(db_options));
  ASSERT_TRUE(IsOk(store_->Migrate()));

  const Actor setup = Actor::System("system:test");
  Organisation a;
  a.name = "Hợp tác xã Điều Bù Đăng";
  a.kind = OrgKind::kCooperative;
  a.district = "Bù Đăng";
  a.gs1_company_prefix = "8930001";
  a.review_status = ReviewStatus::kApproved;
  Organisation b = a;
  b.name = "Công ty TNHH Tiêu Lộc Ninh";
  b.kind = OrgKind::kEnterprise;
  b.district = "Lộc Ninh";
  b.gs1_company_prefix = "8930002";
  auto ra = store_->CreateOrganisation(a, setup);
  auto rb = store_->CreateOrganisation(b, setup);
  ASSERT_TRUE(IsOk(ra));
  ASSERT_TRUE(IsOk(rb));
  org_a_ = ra->id;
  org_b_ = rb->id;

  accounts_ = std::make_unique<AccountService>(*store_);
  catalog_ = std::make_unique<CatalogService>(*store_);
  auto add = [&](const std::string& name, Role role, std::optional<int64_t> org) {
    NewUser u;
    u.username = name;
    u.display_name = name;
    u.role = role;
    u.org_id = org;
    if (role == Role::kOfficer) u.scope_district = "Bù Đăng";
    u.password = kPassword;
    ASSERT_TRUE(IsOk(accounts_->AddUser(u, setup)));
  };
  add("admin", Role::kAdmin, std::nullopt);
  add("reviewer", Role::kReviewer, std::nullopt);
  add("officer", Role::kOfficer, std::nullopt);
  add("producer_a", Role::kProducer, org_a_);
  add("producer_b", Role::kProducer, org_b_);

  metrics_ = std::make_unique<http::Metrics>();
  renderer_ = std::make_unique<http::Renderer>(EmbeddedWeb(), http::Site{.province = "Bình Phước"});
  capture_ = std::make_unique<CaptureQueue>(*store_, 4);
  ctx_.reset(new handlers::AppContext{*store_, *accounts_, *catalog_, *metrics_, *renderer_,
                                      *capture_, handlers::SiteOptions{}});
  router_ = std::make_unique<http::Router>();
  handlers::RegisterRoutes(*router_, *ctx_);
  // As `txng serve` does: public pages go through the cache.
  public_cache_ = std::make_unique<http::PublicCache>(handlers::PublicCacheOptionsFor(8 << 20));
  handlers::CachePublicResponses(*router_, *public_cache_);
  http::ServerOptions options;
  options.port = 0;
  options.threads = 4;
  options.max_body_bytes = kMaxBody;
  options.access_log = false;
  server_ = std::make_unique<http::Server>(options, *router_, *metrics_);
  ASSERT_TRUE(IsOk(server_->Listen()));
  server_thread_ = std::thread([this] { server_->Run(); });
  client_ = std::make_unique<test::HttpClient>("127.0.0.1", server_->port());
}

void AppTest::TearDown() {
  client_.reset();
  if (server_) server_->Stop();
  if (server_thread_.joinable()) server_thread_.join();
  server_.reset();
  capture_.reset();
  store_.reset();
}

Caller AppTest::Login(const std::string& username, const std::string& password) {
  nlohmann::json body = {{"username", username}, {"password", password}};
  auto r = client_->Request("POST", "/api/v1/session", body.dump(),
                            {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 200) << r.body;
  Caller c;
  std::string set_cookie = r.Header("set-cookie").value_or("");
  c.cookie = set_cookie.substr(0, set_cookie.find(';'));
  c.csrf = Json(r).value("csrfToken", "");
  return c;
}

Snapshot AppTest::Counts() {
  const PageRequest one{.limit = 1, .offset = 0};
  Snapshot s;
  s.organisations = store_->ListOrganisations({}, one)->total;
  s.users = store_->ListUsers(one)->total;
  s.products = store_->ListProducts({}, one)->total;
  s.locations = store_->ListLocations({}, one)->total;
  s.lots = store_->ListLots({}, one)->total;
  s.audit = store_->ListAudit({}, one)->total;
  return s;
}

test::HttpResponse AppTest::Call(const std::string& method, const std::string& target,
                                 const Caller& who, const std::string& body) {
  return client_->Request(method, target, body, who.Headers(!body.empty()));
}

nlohmann::json AppTest::Json(const test::HttpResponse& r) {
  return nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
}

nlohmann::json AppTest::NewProduct(const std::string& name) {
  char body[32];
  std::snprintf(body, sizeof body, "8930001%05d", next_gtin_++);
  std::string gtin = std::string(body) + *gs1::Mod10CheckDigit(body);
  return {{"gtin", gtin}, {"nameVi", name}, {"category", "cashew"}, {"ocopStars", 4}};
}

}  // namespace txng
