// The public page cache as `txng serve` wires it: anonymous visitors get
// cached public pages, signed-in users never do, and every successful change
// made through the portal drops the cache.
#include <gtest/gtest.h>

#include "integration/app_fixture.h"

namespace txng {
namespace {

using nlohmann::json;

class PublicCacheApiTest : public AppTest {
 protected:
  // An approved product of organisation A, published through the API; its
  // GTIN-14.
  std::string PublishProduct() {
    Caller a = Login("producer_a");
    Caller reviewer = Login("reviewer");
    json p = NewProduct("Mật ong Bù Gia Mập");
    auto created = Call("POST", "/api/v1/products", a, p.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string url = "/api/v1/products/" + std::to_string(Json(created)["id"].get<int>());
    EXPECT_EQ(Call("POST", url + "/submit", a).status, 200);
    auto approved = Call("POST", url + "/review", reviewer, R"({"decision": "approve"})");
    EXPECT_EQ(approved.status, 200) << approved.body;
    return Json(approved)["gtin"];
  }

  // Renames the product behind the portal's back, as another process would.
  void RenameInTheDatabase(const std::string& gtin, const std::string& name) {
    auto product = store_->GetProductByGtin(gtin);
    ASSERT_TRUE(product.ok()) << product.status().ToString();
    product->name_vi = name;
    ASSERT_TRUE(store_->UpdateProduct(*product, Actor::System("system:test")).ok());
  }

  bool Shows(const test::HttpResponse& page, const std::string& text) {
    return page.body.find(text) != std::string::npos;
  }
};

TEST_P(PublicCacheApiTest, VisitorsGetTheCachedPageUntilThePortalChangesSomething) {
  const std::string gtin = PublishProduct();
  const std::string page = "/01/" + gtin;
  auto first = client_->Get(page);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.Header("cache-control"), "public, max-age=60");
  ASSERT_TRUE(Shows(first, "Mật ong Bù Gia Mập"));

  RenameInTheDatabase(gtin, "Mật ong rừng");
  // Visitors: from the cache. Signed-in users: always fresh.
  EXPECT_TRUE(Shows(client_->Get(page), "Mật ong Bù Gia Mập"));
  Caller b = Login("producer_b");
  EXPECT_TRUE(Shows(Call("GET", page, b), "Mật ong rừng"));
  // Another language is another entry.
  EXPECT_TRUE(Shows(client_->Get(page, {{"Accept-Language", "en"}}), "Mật ong rừng"));

  // A refused change keeps the cache; an accepted one drops it.
  Caller a = Login("producer_a");
  EXPECT_EQ(Call("POST", "/api/v1/products", a, R"({"nameVi": "x"})").status, 400);
  EXPECT_TRUE(Shows(client_->Get(page), "Mật ong Bù Gia Mập"));
  EXPECT_EQ(Call("POST", "/api/v1/products", a, NewProduct().dump()).status, 201);
  EXPECT_TRUE(Shows(client_->Get(page), "Mật ong rừng"));
}

TEST_P(PublicCacheApiTest, PrivateAndFailedAnswersAreNeverShared) {
  Caller a = Login("producer_a");
  // The dashboard is private; the login page sets a cookie; neither is kept.
  EXPECT_EQ(Call("GET", "/dashboard", a).status, 200);
  EXPECT_EQ(client_->Get("/login").status, 200);
  EXPECT_EQ(public_cache_->stats().entries, 0u);
  // An API answer is not marked public either.
  EXPECT_EQ(client_->Get("/api/v1/products").status, 200);
  EXPECT_EQ(public_cache_->stats().entries, 0u);
}

TXNG_INSTANTIATE_BACKENDS(PublicCacheApiTest);

}  // namespace
}  // namespace txng
