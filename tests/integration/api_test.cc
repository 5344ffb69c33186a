// The JSON API, the pages and the operations endpoints over real HTTP, on
// SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "http/message.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

using nlohmann::json;

class ApiTest : public AppTest {};

TEST_P(ApiTest, HealthReadinessAndMetrics) {
  Caller anon;
  EXPECT_EQ(Call("GET", "/healthz", anon).status, 200);
  auto ready = Call("GET", "/readyz", anon);
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(Json(ready)["status"], "ready");
  auto metrics = Call("GET", "/metrics", anon);
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("txng_http_requests_total{route=\"GET /healthz\""),
            std::string::npos);
  EXPECT_NE(metrics.body.find("txng_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("txng_db_pool_connections"), std::string::npos);
}

TEST_P(ApiTest, UnknownRouteIsAProblemDocument) {
  auto r = Call("GET", "/api/v1/nothing-here", {});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  EXPECT_EQ(Json(r)["type"], "urn:txng:problem:not_found");
}

TEST_P(ApiTest, SignInWrongPasswordAndThrottle) {
  const Snapshot before = Counts();
  json wrong = {{"username", "producer_a"}, {"password", "not the password"}};
  for (int i = 0; i < 5; ++i) {
    auto r = client_->Request("POST", "/api/v1/session", wrong.dump(),
                              {{"Content-Type", "application/json"}});
    ASSERT_EQ(r.status, 401) << r.body;
    EXPECT_EQ(Json(r)["detail"], "wrong username or password");
    EXPECT_FALSE(r.Header("set-cookie"));
  }
  // Now even the right password is refused for a while.
  json right = {{"username", "producer_a"}, {"password", kPassword}};
  auto r = client_->Request("POST", "/api/v1/session", right.dump(),
                            {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 429) << r.body;
  ASSERT_TRUE(r.Header("retry-after"));
  EXPECT_GT(std::stoi(*r.Header("retry-after")), 0);
  EXPECT_FALSE(r.Header("set-cookie"));
  // Failed sign-ins are audited but create nothing else.
  Snapshot after = Counts();
  EXPECT_EQ(after.audit, before.audit + 5);
  after.audit = before.audit;
  EXPECT_EQ(after, before);
  // Another user is not throttled.
  Caller b = Login("producer_b");
  EXPECT_FALSE(b.cookie.empty());
}

TEST_P(ApiTest, MeAndSignOut) {
  Caller a = Login("producer_a");
  auto me = Call("GET", "/api/v1/me", a);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Json(me)["role"], "producer");
  EXPECT_EQ(Json(me)["organisationId"], org_a_);
  EXPECT_EQ(Call("DELETE", "/api/v1/session", a).status, 200);
  EXPECT_EQ(Json(Call("GET", "/api/v1/me", a))["authenticated"], false);
}

TEST_P(ApiTest, UnauthenticatedWriteIs401AndChangesNothing) {
  const Snapshot before = Counts();
  auto r = Call("POST", "/api/v1/products", {}, NewProduct().dump());
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.Header("www-authenticate"), "Bearer realm=\"txng\"");
  auto bad_key =
      client_->Request("GET", "/api/v1/products", {}, {{"Authorization", "Bearer txng_0000_nope"}});
  EXPECT_EQ(bad_key.status, 401);
  EXPECT_EQ(Counts(), before);
}

TEST_P(ApiTest, BadBodiesAre400NamingTheProblemAndChangeNothing) {
  Caller a = Login("producer_a");
  const Snapshot before = Counts();

  auto malformed = Call("POST", "/api/v1/products", a, "{\"gtin\": \"1\",\n \"nameVi\": }");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(Json(malformed)["detail"].get<std::string>().find("line 2, column 12"),
            std::string::npos)
      << malformed.body;

  auto wrong_type = Call("POST", "/api/v1/products", a, R"({"gtin": 8930001000016})");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(Json(wrong_type)["field"], "gtin");

  auto missing = Call("POST", "/api/v1/products", a, R"({"nameVi": "Hạt điều"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Json(missing)["detail"], "GTIN is required");

  json bad_check = NewProduct();
  bad_check["gtin"] = "8930001000017";
  auto check = Call("POST", "/api/v1/products", a, bad_check.dump());
  EXPECT_EQ(check.status, 400);
  EXPECT_EQ(Json(check)["field"], "gtin");

  json unknown = NewProduct();
  unknown["colour"] = "red";
  auto unk = Call("POST", "/api/v1/products", a, unknown.dump());
  EXPECT_EQ(unk.status, 400);
  EXPECT_EQ(Json(unk)["field"], "colour");

  json stars = NewProduct();
  stars["ocopStars"] = 2;
  EXPECT_EQ(Json(Call("POST", "/api/v1/products", a, stars.dump()))["field"], "ocopStars");

  EXPECT_EQ(Counts(), before);
}

TEST_P(ApiTest, BodyOverTheLimitIs413) {
  Caller a = Login("producer_a");
  const Snapshot before = Counts();
  json big = NewProduct();
  big["description"] = std::string(kMaxBody + 10, 'x');
  auto r = Call("POST", "/api/v1/products", a, big.dump());
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(Json(r)["status"], 413);
  EXPECT_EQ(Counts(), before);
  // The server keeps serving.
  test::HttpClient fresh("127.0.0.1", server_->port());
  EXPECT_EQ(fresh.Get("/healthz").status, 200);
}

TEST_P(ApiTest, CsrfTokenIsRequiredForSessionWrites) {
  Caller a = Login("producer_a");
  const Snapshot before = Counts();
  Caller no_csrf = a;
  no_csrf.csrf.clear();
  auto r = Call("POST", "/api/v1/products", no_csrf, NewProduct().dump());
  EXPECT_EQ(r.status, 403);
  Caller wrong = a;
  wrong.csrf = "forged";
  EXPECT_EQ(Call("POST", "/api/v1/products", wrong, NewProduct().dump()).status, 403);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(Call("POST", "/api/v1/products", a, NewProduct().dump()).status, 201);
}

TEST_P(ApiTest, ProductLifecycleAndVisibility) {
  Caller a = Login("producer_a");
  Caller b = Login("producer_b");
  Caller reviewer = Login("reviewer");
  Caller anon;

  json product = NewProduct("Hạt điều rang muối Bù Đăng");
  auto created = Call("POST", "/api/v1/products", a, product.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = Json(created)["id"];
  const std::string url = "/api/v1/products/" + std::to_string(id);
  EXPECT_EQ(created.Header("location"), url);
  EXPECT_EQ(Json(created)["reviewStatus"], "draft");
  EXPECT_EQ(Json(created)["gtin"], "0" + product["gtin"].get<std::string>());

  // Own organisation sees it; others get 404, never 403.
  EXPECT_EQ(Call("GET", url, a).status, 200);
  EXPECT_EQ(Call("GET", url, b).status, 404);
  EXPECT_EQ(Call("GET", url, anon).status, 404);
  EXPECT_EQ(Call("PATCH", url, b, R"({"nameVi": "x"})").status, 404);
  EXPECT_EQ(Json(Call("GET", "/api/v1/products", anon))["total"], 0);
  EXPECT_EQ(Json(Call("GET", "/api/v1/products", a))["total"], 1);
  EXPECT_EQ(Call("GET", url, reviewer).status, 200);

  // Edit the draft, submit it; pending records cannot change.
  auto patched = Call("PATCH", url, a, R"({"brand": "Điều Việt", "shelfLifeDays": 365})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Json(patched)["brand"], "Điều Việt");
  EXPECT_EQ(Json(patched)["nameVi"], "Hạt điều rang muối Bù Đăng");
  EXPECT_EQ(Call("POST", url + "/submit", a).status, 200);
  auto locked = Call("PATCH", url, a, R"({"brand": "x"})");
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(Json(locked)["type"], "urn:txng:problem:failed_precondition");

  // Producers cannot review; a rejection needs a reason.
  EXPECT_EQ(Call("POST", url + "/review", a, R"({"decision": "approve"})").status, 403);
  auto no_reason = Call("POST", url + "/review", reviewer, R"({"decision": "reject"})");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(Json(no_reason)["field"], "reason");
  auto approved = Call("POST", url + "/review", reviewer, R"({"decision": "approve"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Json(approved)["reviewStatus"], "approved");

  // Published: everyone sees it, nobody changes it in place.
  EXPECT_EQ(Call("GET", url, anon).status, 200);
  EXPECT_EQ(Call("GET", url, b).status, 200);
  EXPECT_EQ(Json(Call("GET", "/api/v1/products", anon))["total"], 1);
  EXPECT_EQ(Call("PATCH", url, a, R"({"brand": "y"})").status, 409);

  // The public page shows it.
  auto page = client_->Get("/01/" + product["gtin"].get<std::string>());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Hạt điều rang muối Bù Đăng"), std::string::npos);
  EXPECT_NE(page.body.find("Điều Việt"), std::string::npos);
}

TEST_P(ApiTest, DuplicateGtinIs409NamingTheField) {
  Caller a = Login("producer_a");
  json p = NewProduct();
  ASSERT_EQ(Call("POST", "/api/v1/products", a, p.dump()).status, 201);
  const Snapshot before = Counts();
  auto dup = Call("POST", "/api/v1/products", a, p.dump());
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(Json(dup)["field"], "gtin");
  EXPECT_EQ(Counts(), before);
}

TEST_P(ApiTest, LocationsAndLotsBelongToTheirOrganisation) {
  Caller a = Login("producer_a");
  Caller b = Login("producer_b");
  auto product = Call("POST", "/api/v1/products", a, NewProduct().dump());
  ASSERT_EQ(product.status, 201);
  const int64_t product_id = Json(product)["id"];

  json farm = {{"gln", "8930001000018"},
               {"name", "Vườn điều Đắk Nhau"},
               {"kind", "farm"},
               {"latitude", 11.9},
               {"longitude", 107.2}};
  auto loc = Call("POST", "/api/v1/locations", a, farm.dump());
  ASSERT_EQ(loc.status, 201) << loc.body;
  const int64_t location_id = Json(loc)["id"];

  json bad_gln = farm;
  bad_gln["gln"] = "8930001000019";
  EXPECT_EQ(Json(Call("POST", "/api/v1/locations", a, bad_gln.dump()))["field"], "gln");

  json lot = {
      {"productId", product_id},    {"lotCode", "DIEU-2026-01"}, {"productionDate", "2026-03-01"},
      {"expiryDate", "2027-03-01"}, {"quantity", 1200.5},        {"unit", "KGM"},
      {"locationId", location_id}};
  auto created = Call("POST", "/api/v1/lots", a, lot.dump());
  ASSERT_EQ(created.status, 201) << created.body;

  const Snapshot before = Counts();
  // Organisation B cannot attach a lot to A's product, nor see A's draft lot.
  json stolen = lot;
  stolen["lotCode"] = "B-1";
  auto r = Call("POST", "/api/v1/lots", b, stolen.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Json(r)["field"], "productId");
  EXPECT_EQ(
      Call("GET", "/api/v1/lots/" + std::to_string(Json(created)["id"].get<int64_t>()), b).status,
      404);

  json late = lot;
  late["lotCode"] = "DIEU-2026-02";
  late["expiryDate"] = "2025-01-01";
  EXPECT_EQ(Json(Call("POST", "/api/v1/lots", a, late.dump()))["field"], "expiryDate");
  json bad_date = lot;
  bad_date["lotCode"] = "DIEU-2026-03";
  bad_date["productionDate"] = "2026-02-30";
  EXPECT_EQ(Json(Call("POST", "/api/v1/lots", a, bad_date.dump()))["field"], "productionDate");
  EXPECT_EQ(Call("POST", "/api/v1/lots", a, lot.dump()).status, 409);  // same lot code
  EXPECT_EQ(Counts(), before);

  auto other = Call("POST", "/api/v1/products", a, NewProduct("Hạt điều nhân").dump());
  ASSERT_EQ(other.status, 201);
  const Snapshot with_other = Counts();
  auto moved = Call("PATCH", "/api/v1/lots/" + std::to_string(Json(created)["id"].get<int64_t>()),
                    a, json{{"productId", Json(other)["id"]}}.dump());
  EXPECT_EQ(moved.status, 400);
  EXPECT_EQ(Json(moved)["field"], "productId");
  EXPECT_EQ(Counts(), with_other);
}

TEST_P(ApiTest, ApiKeysAreScopedToTheirOrganisation) {
  Caller a = Login("producer_a");
  auto created = Call("POST", "/api/v1/apikeys", a, R"({"label": "ERP"})");
  ASSERT_EQ(created.status, 201) << created.body;
  Caller key;
  key.bearer = Json(created)["token"];
  const std::string key_id = Json(created)["keyId"];

  // The key acts for organisation A without CSRF tokens.
  auto product = Call("POST", "/api/v1/products", key, NewProduct().dump());
  ASSERT_EQ(product.status, 201) << product.body;
  EXPECT_EQ(Json(product)["organisationId"], org_a_);
  json for_b = NewProduct();
  for_b["organisationId"] = org_b_;
  EXPECT_EQ(Call("POST", "/api/v1/products", key, for_b.dump()).status, 403);

  // The listing never shows secrets; B cannot revoke A's key.
  auto list = Call("GET", "/api/v1/apikeys", a);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(key.bearer), std::string::npos);
  Caller b = Login("producer_b");
  EXPECT_EQ(Call("DELETE", "/api/v1/apikeys/" + key_id, b).status, 404);

  EXPECT_EQ(Call("DELETE", "/api/v1/apikeys/" + key_id, a).status, 200);
  auto revoked = Call("POST", "/api/v1/products", key, NewProduct().dump());
  EXPECT_EQ(revoked.status, 401);
  EXPECT_EQ(Json(revoked)["detail"], "this API key has been revoked");
}

TEST_P(ApiTest, WritesAreAudited) {
  Caller a = Login("producer_a");
  auto created = Call("POST", "/api/v1/products", a, NewProduct().dump());
  ASSERT_EQ(created.status, 201);
  AuditFilter f;
  f.entity = "product";
  auto audit = store_->ListAudit(f, {.limit = 10, .offset = 0});
  ASSERT_TRUE(IsOk(audit));
  ASSERT_EQ(audit->total, 1);
  const AuditEntry& e = audit->items[0];
  EXPECT_EQ(e.action, "product.create");
  EXPECT_EQ(e.actor, "user:producer_a");
  EXPECT_EQ(e.remote_addr, "127.0.0.1");
  EXPECT_EQ(e.entity_id, std::to_string(Json(created)["id"].get<int64_t>()));
}

TEST_P(ApiTest, PagesSignInAndOut) {
  // The sign-in form sets a CSRF cookie that the POST must echo.
  auto form = client_->Get("/login");
  ASSERT_EQ(form.status, 200);
  const std::string set_cookie = form.Header("set-cookie").value_or("");
  const std::string csrf_cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string token = csrf_cookie.substr(csrf_cookie.find('=') + 1);
  ASSERT_FALSE(token.empty());
  EXPECT_NE(form.body.find(token), std::string::npos);

  const test::HttpHeaders form_headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", csrf_cookie}};
  auto forged = client_->Request("POST", "/login",
                                 "username=producer_a&password=x&csrf_token=forged", form_headers);
  EXPECT_EQ(forged.status, 403);
  auto wrong = client_->Request(
      "POST", "/login", "username=producer_a&password=nope&csrf_token=" + token, form_headers);
  EXPECT_EQ(wrong.status, 401);
  auto ok = client_->Request("POST", "/login",
                             "username=producer_a&password=correct+horse+battery&next=%2Fdashboard"
                             "&csrf_token=" +
                                 token,
                             form_headers);
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.Header("location"), "/dashboard");
  std::string session;
  for (const auto& [k, v] : ok.headers) {
    if (k == "set-cookie" && v.rfind("txng_session=", 0) == 0) session = v.substr(0, v.find(';'));
  }
  ASSERT_FALSE(session.empty());
  EXPECT_NE(ok.Header("set-cookie")->find("HttpOnly"), std::string::npos);

  auto dash = client_->Get("/dashboard", {{"Cookie", session}});
  ASSERT_EQ(dash.status, 200);
  EXPECT_NE(dash.body.find("Hợp tác xã Điều Bù Đăng"), std::string::npos);
  EXPECT_EQ(client_->Get("/dashboard").status, 303);  // visitors go to /login

  // Signing out is a form post that must carry the session's CSRF token.
  const test::HttpHeaders session_form = {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", session}};
  EXPECT_EQ(client_->Request("POST", "/logout", "csrf_token=forged", session_form).status, 403);
  EXPECT_EQ(client_->Get("/dashboard", {{"Cookie", session}}).status, 200);
  const std::string csrf =
      Json(client_->Get("/api/v1/me", {{"Cookie", session}}))["csrfToken"].get<std::string>();
  auto out = client_->Request("POST", "/logout", "csrf_token=" + csrf, session_form);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(client_->Get("/dashboard", {{"Cookie", session}}).status, 303);
}

TEST_P(ApiTest, PublicProductPageErrors) {
  EXPECT_EQ(client_->Get("/01/12345").status, 400);
  auto missing = client_->Get("/01/8930001999992");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.Header("content-type")->find("text/html"), std::string::npos);
  // The former address of the product page moved to the resolver.
  auto moved = client_->Get("/products/8930001999992");
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.Header("location").value_or(""), "/01/08930001999992");
}

TEST_P(ApiTest, Gs1Parse) {
  auto ok =
      client_->Get("/api/v1/gs1/parse?input=" + http::PercentEncode("]d2010893000000001910LOT42\x1D"
                                                                    "17261231"));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json(ok)["elementString"], "(01)08930000000019(10)LOT42(17)261231");
  auto bad = client_->Get("/api/v1/gs1/parse?input=" + http::PercentEncode("(01)08930000000010"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Json(bad)["valid"], false);
  EXPECT_NE(Json(bad)["error"].get<std::string>().find("(01)"), std::string::npos) << bad.body;
  EXPECT_EQ(client_->Get("/api/v1/gs1/parse").status, 400);
}

TEST_P(ApiTest, Gs1ParseDerivesEpcUrisUnderRegisteredPrefixes) {
  // Organisation A registered 8930001; nobody registered 950110.
  auto ours = client_->Get("/api/v1/gs1/parse?input=" +
                           http::PercentEncode("https://id.gs1.org/01/08930001000018/21/A1"));
  ASSERT_EQ(ours.status, 200) << ours.body;
  EXPECT_EQ(Json(ours)["epcUri"], "urn:epc:id:sgtin:8930001.000001.A1");
  auto foreign =
      client_->Get("/api/v1/gs1/parse?input=" + http::PercentEncode("(01)09501101530003(21)1"));
  ASSERT_EQ(foreign.status, 200) << foreign.body;
  EXPECT_FALSE(Json(foreign).contains("epcUri")) << foreign.body;
}

TXNG_INSTANTIATE_BACKENDS(ApiTest);

}  // namespace
}  // namespace txng
