// GoogleTest fixtures that run a test once per backend: names end in
// "/sqlite" and "/postgres". PostgreSQL tests skip without TXNG_TEST_PG_URL,
// or fail when TXNG_REQUIRE_PG=1.
#ifndef TXNG_STORE_STORE_TEST_FIXTURE_H_
#define TXNG_STORE_STORE_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/test_database.h"

namespace txng {

inline testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << s.ToString();
}
template <typename T>
testing::AssertionResult IsOk(const Result<T>& r) {
  return IsOk(r.status());
}

// Lets ctest list "GetParam() = postgres" rather than the enum's bytes.
inline void PrintTo(TestBackend backend, std::ostream* os) { *os << TestBackendName(backend); }

inline std::string BackendTestName(const testing::TestParamInfo<TestBackend>& info) {
  return std::string(TestBackendName(info.param));
}

#define TXNG_INSTANTIATE_BACKENDS(fixture)                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, fixture,                                             \
                           testing::Values(TestBackend::kSqlite, TestBackend::kPostgres), \
                           BackendTestName)

// A fresh, empty database per test (test_db_); nothing opened yet.
class BackendTest : public testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override {
    if (auto missing = MissingTestBackend(GetParam())) {
      if (PostgresRequired()) FAIL() << *missing << " (and TXNG_REQUIRE_PG=1)";
      GTEST_SKIP() << *missing;
    }
    auto db = TestDatabase::Create(GetParam());
    ASSERT_TRUE(IsOk(db));
    test_db_ = std::move(db).value();
  }

  std::unique_ptr<Database> OpenOrDie(const DatabaseOptions& options = {}) {
    auto db = test_db_->Open(options);
    EXPECT_TRUE(IsOk(db));
    return db.ok() ? std::move(db).value() : nullptr;
  }

  std::unique_ptr<TestDatabase> test_db_;
};

// A migrated Store over a fresh database, plus helpers to make records.
class StoreTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto db = test_db_->Open();
    ASSERT_TRUE(IsOk(db));
    store_ = std::make_unique<Store>(std::move(db).value());
    auto version = store_->Migrate();
    ASSERT_TRUE(IsOk(version));
  }

  // Rows in `table`, read straight from the database.
  int64_t CountRows(const std::string& table) {
    int64_t n = -1;
    Status s = store_->db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run("SELECT COUNT(*) FROM " + table));
      n = r.rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(IsOk(s));
    return n;
  }

  static Actor Admin() { return Actor::System("system:test"); }

  static Organisation NewOrganisation(const std::string& name, const std::string& tax_code = {}) {
    Organisation o;
    o.name = name;
    o.tax_code = tax_code;
    o.kind = OrgKind::kCooperative;
    o.district = "Đồng Xoài";
    o.sector = "agriculture";
    return o;
  }

  Organisation MakeOrganisation(const std::string& name, const std::string& tax_code = {}) {
    auto o = store_->CreateOrganisation(NewOrganisation(name, tax_code), Admin());
    EXPECT_TRUE(IsOk(o));
    return o.ok() ? *o : Organisation{};
  }

  // One organisation per name, their ids in order (a failure is reported
  // by the test and gives 0).
  std::vector<int64_t> MakeOrganisations(std::initializer_list<const char*> names) {
    std::vector<int64_t> ids;
    for (const char* name : names) ids.push_back(MakeOrganisation(name).id);
    return ids;
  }

  static Product NewProduct(int64_t org_id, const std::string& gtin) {
    Product p;
    p.org_id = org_id;
    p.gtin = gtin;
    p.name_vi = "Hạt điều rang muối Đồng Xoài";
    p.name_en = "Roasted salted cashews";
    p.category = "cashew";
    return p;
  }

  Product MakeProduct(int64_t org_id, const std::string& gtin) {
    auto p = store_->CreateProduct(NewProduct(org_id, gtin), Admin());
    EXPECT_TRUE(IsOk(p));
    return p.ok() ? *p : Product{};
  }

  User MakeUser(const std::string& username, Role role = Role::kAdmin,
                std::optional<int64_t> org_id = std::nullopt) {
    User u;
    u.username = username;
    u.display_name = username;
    u.role = role;
    u.org_id = org_id;
    u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    auto created = store_->CreateUser(u, Admin());
    EXPECT_TRUE(IsOk(created));
    return created.ok() ? *created : User{};
  }

  std::unique_ptr<Store> store_;
};

}  // namespace txng

#endif  // TXNG_STORE_STORE_TEST_FIXTURE_H_
