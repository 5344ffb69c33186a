// Many clients at once against a live server, on both backends: every
// request answered as expected, and the database consistent afterwards.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "gs1/check_digit.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

using nlohmann::json;

class LoadTest : public AppTest {};

// 8 client threads × 1,000 requests: reads of lists, records and pages,
// creates and updates, as an organisation's API key and as the public.
TEST_P(LoadTest, EightClientsThousandMixedRequestsEach) {
  auto created = accounts_->CreateApiKey(org_a_, "load", Actor::System("system:test"));
  ASSERT_TRUE(IsOk(created));
  Caller key;
  key.bearer = created->token;

  constexpr int kThreads = 8;
  constexpr int kRequests = 1000;
  std::atomic<int> creates{0}, updates{0}, unexpected{0};
  std::mutex mu;
  std::map<std::string, int> failures;  // "METHOD target -> status" samples

  auto worker = [&](int t) {
    test::HttpClient client("127.0.0.1", server_->port());
    std::vector<int64_t> mine;
    for (int i = 0; i < kRequests; ++i) {
      std::string method = "GET", target, body;
      int expect = 200;
      switch (i % 5) {
        case 0: {  // create a product with a GTIN unique to (thread, i)
          char base[32];
          std::snprintf(base, sizeof base, "89300%02d%05d", 10 + t, i);
          json p = {{"gtin", std::string(base) + *gs1::Mod10CheckDigit(base)},
                    {"nameVi", "Sản phẩm " + std::to_string(t) + "-" + std::to_string(i)}};
          method = "POST";
          target = "/api/v1/products";
          body = p.dump();
          expect = 201;
          break;
        }
        case 1:
          if (mine.empty()) {
            target = "/healthz";
          } else {
            method = "PATCH";
            target = "/api/v1/products/" + std::to_string(mine.back());
            body = json{{"brand", "B" + std::to_string(i)}}.dump();
          }
          break;
        case 2:
          target = "/api/v1/products?limit=20&offset=" + std::to_string(i % 50);
          break;
        case 3:  // the organisation reads its draft; the public gets 404
          target = mine.empty() ? "/" : "/api/v1/products/" + std::to_string(mine.front());
          if (!mine.empty() && i % 2 == 1) expect = 404;
          break;
        default:
          target = "/01/8930001999992";  // no such product: the 404 page
          expect = 404;
      }
      const bool as_key = method != "GET" || i % 2 == 0;
      auto r = client.Request(method, target, body,
                              as_key ? key.Headers(!body.empty()) : test::HttpHeaders{});
      if (r.status != expect) {
        ++unexpected;
        std::lock_guard<std::mutex> lock(mu);
        failures[method + " " + target + " -> " + std::to_string(r.status) + " " +
                 r.body.substr(0, 200)]++;
        continue;
      }
      if (method == "POST") {
        ++creates;
        mine.push_back(json::parse(r.body)["id"].get<int64_t>());
      } else if (method == "PATCH") {
        ++updates;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, t);
  for (auto& th : threads) th.join();

  EXPECT_EQ(unexpected.load(), 0);
  for (const auto& [what, n] : failures) ADD_FAILURE() << n << "× " << what;
  EXPECT_EQ(creates.load(), kThreads * kRequests / 5);

  // Consistent afterwards: every acknowledged create is there, and every
  // write left exactly one audit row.
  Snapshot s = Counts();
  EXPECT_EQ(s.products, creates.load());
  AuditFilter f;
  f.entity = "product";
  EXPECT_EQ(store_->ListAudit(f, {.limit = 1, .offset = 0})->total, creates + updates);
}

TXNG_INSTANTIATE_BACKENDS(LoadTest);

}  // namespace
}  // namespace txng
