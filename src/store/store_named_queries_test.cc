#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

class NamedQueriesTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    orgs_ = MakeOrganisations({"HTX A", "HTX B"});
    ASSERT_FALSE(HasFailure());
  }

  Result<NamedQuery> Create(int org_index, const std::string& name,
                            const std::string& query = R"({"EQ_bizStep":["shipping"]})") {
    NamedQuery q;
    q.org_id = orgs_.at(org_index);
    q.name = name;
    q.query_json = query;
    return store_->CreateNamedQuery(q, Admin());
  }

  std::vector<std::string> Names(int org_index, const std::string& after = "", int limit = 100) {
    auto list = store_->ListNamedQueries(orgs_.at(org_index), after, limit);
    EXPECT_TRUE(IsOk(list));
    std::vector<std::string> names;
    if (list.ok()) {
      for (const NamedQuery& q : *list) names.push_back(q.name);
    }
    return names;
  }

  std::vector<int64_t> orgs_;
};

TEST_P(NamedQueriesTest, CreatedQueriesAreTheOrganisationsOwn) {
  auto created = Create(0, "shipped");
  ASSERT_TRUE(IsOk(created));
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->created_by, "system:test");
  EXPECT_GT(created->created_at, 0);
  ASSERT_TRUE(IsOk(Create(0, "arrived", R"({"EQ_bizStep":["arriving"]})")));
  // Another organisation may use the same name for its own query.
  ASSERT_TRUE(IsOk(Create(1, "shipped", R"({"eventType":["ObjectEvent"]})")));

  auto got = store_->GetNamedQuery(orgs_[0], "shipped");
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->query_json, R"({"EQ_bizStep":["shipping"]})");
  EXPECT_EQ(store_->GetNamedQuery(orgs_[1], "shipped")->query_json,
            R"({"eventType":["ObjectEvent"]})");
  EXPECT_EQ(store_->GetNamedQuery(orgs_[1], "arrived").status().code(), StatusCode::kNotFound);

  EXPECT_EQ(Names(0), (std::vector<std::string>{"arrived", "shipped"}));
  // Pages by name: one more than asked tells that more follow.
  EXPECT_EQ(Names(0, "", 1), (std::vector<std::string>{"arrived", "shipped"}));
  EXPECT_EQ(Names(0, "arrived", 1), (std::vector<std::string>{"shipped"}));
  EXPECT_EQ(Names(1), (std::vector<std::string>{"shipped"}));
  auto audit = store_->ListAudit({.entity = "epcis_named_query"}, {.limit = 10});
  ASSERT_TRUE(IsOk(audit));
  EXPECT_EQ(audit->total, 3);
}

TEST_P(NamedQueriesTest, DuplicateNamesAndMissingQueriesChangeNothing) {
  ASSERT_TRUE(IsOk(Create(0, "shipped")));
  const int64_t audit = CountRows("audit_log");
  auto again = Create(0, "shipped", R"({"EQ_bizStep":["receiving"]})");
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.status().message(), "a query named \"shipped\" exists already");
  EXPECT_EQ(again.status().field(), "name");
  EXPECT_EQ(store_->GetNamedQuery(orgs_[0], "shipped")->query_json,
            R"({"EQ_bizStep":["shipping"]})");

  Status missing = store_->DeleteNamedQuery(orgs_[1], "shipped", Admin());
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.message(),
            "organisation " + std::to_string(orgs_[1]) + " has no query named \"shipped\"");
  NamedQuery orphan;
  orphan.org_id = orgs_[1] + 100;
  orphan.name = "nobody's";
  orphan.query_json = "{}";
  EXPECT_EQ(store_->CreateNamedQuery(orphan, Admin()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountRows("epcis_named_queries"), 1);
  EXPECT_EQ(CountRows("audit_log"), audit);

  ASSERT_TRUE(IsOk(store_->DeleteNamedQuery(orgs_[0], "shipped", Admin())));
  EXPECT_EQ(store_->GetNamedQuery(orgs_[0], "shipped").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(CountRows("epcis_named_queries"), 0);
  EXPECT_EQ(CountRows("audit_log"), audit + 1);
}

TXNG_INSTANTIATE_BACKENDS(NamedQueriesTest);

}  // namespace
}  // namespace txng
