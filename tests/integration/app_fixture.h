// A live TXNG application per test: a fresh database on one backend, the
// real routes, and a Server on a free loopback port, with two producer
// organisations and an account of each role. Tests talk HTTP to it.
#ifndef TXNG_TESTS_INTEGRATION_APP_FIXTURE_H_
#define TXNG_TESTS_INTEGRATION_APP_FIXTURE_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "handlers/app.h"
#include "http/server.h"
#include "store/store_test_fixture.h"
#include "support/http_client.h"

namespace txng {

// Who a test acts as: cookie and CSRF token of a session, or an API key.
struct Caller {
  std::string cookie;  // "txng_session=..."
  std::string csrf;
  std::string bearer;  // API key token

  test::HttpHeaders Headers(bool json_body = true) const;
};

// Row counts of every table a request may change, to prove that failed
// requests change nothing.
struct Snapshot {
  int64_t organisations = 0, users = 0, products = 0, locations = 0, lots = 0, audit = 0;
  bool operator==(const Snapshot&) const = default;
};

class AppTest : public BackendTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Signs in through POST /api/v1/session; fails the test when refused.
  Caller Login(const std::string& username, const std::string& password = kPassword);
  Snapshot Counts();

  test::HttpResponse Call(const std::string& method, const std::string& target, const Caller& who,
                          const std::string& body = "");
  static nlohmann::json Json(const test::HttpResponse& r);

  // A valid product body with a fresh GTIN of organisation A's prefix.
  nlohmann::json NewProduct(const std::string& name = "Hạt điều rang muối");

  static constexpr const char* kPassword = "correct horse battery";
  static constexpr size_t kMaxBody = 64 * 1024;

  std::unique_ptr<Store> store_;
  std::unique_ptr<AccountService> accounts_;
  std::unique_ptr<CatalogService> catalog_;
  std::unique_ptr<http::Metrics> metrics_;
  std::unique_ptr<http::Renderer> renderer_;
  std::unique_ptr<CaptureQueue> capture_;
  std::unique_ptr<handlers::AppContext> ctx_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::PublicCache> public_cache_;
  std::unique_ptr<http::Server> server_;
  std::thread server_thread_;
  std::unique_ptr<test::HttpClient> client_;
  int64_t org_a_ = 0, org_b_ = 0;
  int next_gtin_ = 1;
};

}  // namespace txng

#endif  // TXNG_TESTS_INTEGRATION_APP_FIXTURE_H_
