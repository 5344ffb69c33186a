// Many threads writing and reading through one Store: every write either
// commits together with its audit row or not at all, on both backends.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store/store.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

class ConcurrencyTest : public StoreTest {};
TXNG_INSTANTIATE_BACKENDS(ConcurrencyTest);

TEST_P(ConcurrencyTest, MixedWritesAndReadsEndConsistent) {
  constexpr int kThreads = 8;
  constexpr int kOpsPerThread = 200;
  Organisation org = MakeOrganisation("HTX Đồng Phú", "3802000000");
  const int64_t audits_before = CountRows("audit_log");

  std::atomic<int64_t> products{0}, lots{0}, updates{0}, duplicates{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      int64_t product_id = 0;
      std::string gtin;
      for (int i = 0; i < kOpsPerThread; ++i) {
        switch (i % 5) {
          case 0: {  // a new product
            gtin = "0893" + std::to_string(1000000000 + t * 1000 + i);
            auto p = store_->CreateProduct(NewProduct(org.id, gtin), Admin());
            if (p.ok()) {
              product_id = p->id;
              ++products;
            } else {
              ++failures;
              ADD_FAILURE() << p.status().ToString();
            }
            break;
          }
          case 1: {  // a lot of it
            Lot l;
            l.org_id = org.id;
            l.product_id = product_id;
            l.lot_code = "T" + std::to_string(t) + "-" + std::to_string(i);
            l.quantity = i;
            auto lot = store_->CreateLot(l, Admin());
            lot.ok() ? ++lots : ++failures;
            break;
          }
          case 2: {  // an update
            auto p = store_->GetProduct(product_id);
            if (!p.ok()) {
              ++failures;
              break;
            }
            p->brand = "Brand " + std::to_string(i);
            store_->UpdateProduct(*p, Admin()).ok() ? ++updates : ++failures;
            break;
          }
          case 3: {  // a duplicate that must change nothing
            auto dup = store_->CreateProduct(NewProduct(org.id, gtin), Admin());
            dup.status().code() == StatusCode::kAlreadyExists ? ++duplicates : ++failures;
            break;
          }
          default: {  // reads
            auto page = store_->ListProducts({.org_id = org.id}, {.limit = 10});
            auto lot_page = store_->ListLots({.product_id = product_id}, {});
            if (!page.ok() || !lot_page.ok() || page->total < 1 || lot_page->total != 1) {
              ++failures;
              ADD_FAILURE() << page.status().ToString() << " " << lot_page.status().ToString();
            }
            break;
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();

  const int64_t per_kind = kThreads * kOpsPerThread / 5;
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(products.load(), per_kind);
  EXPECT_EQ(lots.load(), per_kind);
  EXPECT_EQ(updates.load(), per_kind);
  EXPECT_EQ(duplicates.load(), per_kind);
  EXPECT_EQ(CountRows("products"), per_kind);
  EXPECT_EQ(CountRows("lots"), per_kind);
  EXPECT_EQ(CountRows("audit_log"), audits_before + 3 * per_kind);
  EXPECT_EQ(store_->ListProducts({.org_id = org.id}, {})->total, per_kind);
  EXPECT_EQ(store_->ListAudit({.entity = "product"}, {})->total, 2 * per_kind);
  PoolStats stats = store_->db().Stats();
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_EQ(stats.waiting, 0);
}

}  // namespace
}  // namespace txng
