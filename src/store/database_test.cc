// Tests of the Database contract, run against both backends.
#include "store/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <thread>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

constexpr char kCreateThings[] =
    "CREATE TABLE parents (id BIGINT PRIMARY KEY);"
    "CREATE TABLE things ("
    "  id BIGINT PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  amount DOUBLE PRECISION,"
    "  parent_id BIGINT REFERENCES parents (id),"
    "  size INTEGER CHECK (size >= 0));"
    "INSERT INTO parents (id) VALUES (1);";

class DatabaseTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = OpenOrDie();
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(IsOk(db_->Transact(TxMode::kWrite,
                                   [](SqlConnection& c) { return c.ExecScript(kCreateThings); })));
  }

  Result<SqlResult> Write(std::string_view sql, std::vector<SqlValue> params = {}) {
    std::optional<SqlResult> out;
    TXNG_RETURN_IF_ERROR(db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(out, c.Run(sql, params));
      return Status::Ok();
    }));
    return std::move(*out);
  }

  Result<SqlResult> Read(std::string_view sql, std::vector<SqlValue> params = {}) {
    std::optional<SqlResult> out;
    TXNG_RETURN_IF_ERROR(db_->Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(out, c.Run(sql, params));
      return Status::Ok();
    }));
    return std::move(*out);
  }

  int64_t CountThings() {
    auto r = Read("SELECT COUNT(*) FROM things");
    EXPECT_TRUE(IsOk(r));
    return r.ok() ? r->rows.at(0).Int(0) : -1;
  }

  std::unique_ptr<Database> db_;
};

TXNG_INSTANTIATE_BACKENDS(DatabaseTest);

TEST_P(DatabaseTest, ReportsItsDialect) {
  EXPECT_EQ(db_->dialect(),
            GetParam() == TestBackend::kSqlite ? Dialect::kSqlite : Dialect::kPostgres);
}

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  const int64_t big = std::numeric_limits<int64_t>::max();
  auto inserted = Write(
      "INSERT INTO things (id, name, amount, parent_id, size) "
      "VALUES ($1, $2, $3, $4, $5)",
      {big, std::string("Hạt điều rang muối Đồng Xoài"), 0.1, SqlValue(), int64_t{7}});
  ASSERT_TRUE(IsOk(inserted));
  EXPECT_EQ(inserted->affected, 1);
  auto r = Read("SELECT id, name, amount, parent_id, size FROM things");
  ASSERT_TRUE(IsOk(r));
  ASSERT_EQ(r->rows.size(), 1u);
  const SqlRow& row = r->rows[0];
  EXPECT_EQ(std::get<int64_t>(row.at(0)), big);
  EXPECT_EQ(std::get<std::string>(row.at(1)), "Hạt điều rang muối Đồng Xoài");
  EXPECT_EQ(std::get<double>(row.at(2)), 0.1);
  EXPECT_TRUE(row.IsNull(3));
  EXPECT_EQ(std::get<int64_t>(row.at(4)), 7);
  EXPECT_EQ(r->affected, 0);
}

TEST_P(DatabaseTest, BindsPlaceholdersByNumberNotByPosition) {
  ASSERT_TRUE(
      IsOk(Write("INSERT INTO things (id, name) VALUES ($2, $1)", {std::string("b"), int64_t{2}})));
  auto r = Read("SELECT name FROM things WHERE id = $1 AND name = $2 AND id + $1 = 4",
                {int64_t{2}, std::string("b")});
  ASSERT_TRUE(IsOk(r));
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].Text(0), "b");
}

TEST_P(DatabaseTest, CountsAffectedRowsAndReturnsRows) {
  for (int64_t i = 1; i <= 3; ++i) {
    ASSERT_TRUE(
        IsOk(Write("INSERT INTO things (id, name) VALUES ($1, $2)", {i, "n" + std::to_string(i)})));
  }
  auto updated = Write("UPDATE things SET amount = $1 WHERE id >= $2", {1.5, int64_t{2}});
  ASSERT_TRUE(IsOk(updated));
  EXPECT_EQ(updated->affected, 2);
  auto returned =
      Write("UPDATE things SET size = 1 WHERE id = $1 RETURNING id, name", {int64_t{3}});
  ASSERT_TRUE(IsOk(returned));
  ASSERT_EQ(returned->rows.size(), 1u);
  EXPECT_EQ(returned->rows[0].Text(1), "n3");
  auto none = Write("DELETE FROM things WHERE id = $1", {int64_t{99}});
  ASSERT_TRUE(IsOk(none));
  EXPECT_EQ(none->affected, 0);
}

TEST_P(DatabaseTest, MapsConstraintViolations) {
  ASSERT_TRUE(IsOk(Write("INSERT INTO things (id, name) VALUES (1, 'a')")));

  auto duplicate = Write("INSERT INTO things (id, name) VALUES (2, 'a')");
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "name");
  EXPECT_NE(duplicate.status().message().find("name"), std::string::npos);

  auto primary = Write("INSERT INTO things (id, name) VALUES (1, 'b')");
  EXPECT_EQ(primary.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(primary.status().field(), "id");

  auto orphan = Write("INSERT INTO things (id, name, parent_id) VALUES (3, 'c', 42)");
  EXPECT_EQ(orphan.status().code(), StatusCode::kFailedPrecondition);

  auto negative = Write("INSERT INTO things (id, name, size) VALUES (4, 'd', -1)");
  EXPECT_EQ(negative.status().code(), StatusCode::kInvalidArgument);

  auto null_name = Write("INSERT INTO things (id) VALUES (5)");
  EXPECT_EQ(null_name.status().code(), StatusCode::kInvalidArgument);

  auto bad_sql = Read("SELECT nope FROM things");
  EXPECT_EQ(bad_sql.status().code(), StatusCode::kInternal);

  EXPECT_EQ(CountThings(), 1);
}

TEST_P(DatabaseTest, RejectsWrongParameterCounts) {
  EXPECT_EQ(Read("SELECT id FROM things WHERE id = $1").status().code(), StatusCode::kInternal);
  EXPECT_EQ(Read("SELECT id FROM things", {int64_t{1}}).status().code(), StatusCode::kInternal);
}

// Parameters are $1..$n: a gap or another form is refused, and nothing runs.
TEST_P(DatabaseTest, RefusesPlaceholdersOtherThanDollarOneToN) {
  auto gap = Write("INSERT INTO things (id, name) VALUES ($1, $3)", {int64_t{1}, std::string("a")});
  EXPECT_EQ(gap.status().code(), StatusCode::kInternal);
  auto anonymous =
      Write("INSERT INTO things (id, name) VALUES (?, ?)", {int64_t{1}, std::string("a")});
  EXPECT_EQ(anonymous.status().code(), StatusCode::kInternal);
  if (GetParam() == TestBackend::kSqlite) {
    EXPECT_EQ(gap.status().message(),
              "parameters are $1..$2, not $3 (in: INSERT INTO things (id, name) VALUES ($1, $3))");
    EXPECT_EQ(anonymous.status().message(),
              "parameters are $1..$2, not ? (in: INSERT INTO things (id, name) VALUES (?, ?))");
  }
  EXPECT_EQ(CountThings(), 0);
}

// Rows enough for several PostgreSQL pipelines.
constexpr int64_t kBatchRows = 600;

std::vector<std::vector<SqlValue>> ThingRows(int64_t count) {
  std::vector<std::vector<SqlValue>> rows;
  for (int64_t i = 1; i <= count; ++i) rows.push_back({i, "n" + std::to_string(i)});
  return rows;
}

TEST_P(DatabaseTest, RunBatchRunsEveryRowInOrder) {
  std::vector<SqlResult> results;
  ASSERT_TRUE(IsOk(db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(results, c.RunBatch("INSERT INTO things (id, name) VALUES ($1, $2) "
                                              "ON CONFLICT (name) DO NOTHING RETURNING id",
                                              ThingRows(kBatchRows)));
    // A repeat within one batch sees the rows before it.
    TXNG_ASSIGN_OR_RETURN(
        std::vector<SqlResult> again,
        c.RunBatch("INSERT INTO things (id, name) VALUES ($1, $2) "
                   "ON CONFLICT (name) DO NOTHING RETURNING id",
                   std::vector<std::vector<SqlValue>>{{int64_t{1001}, std::string("new")},
                                                      {int64_t{1002}, std::string("new")}}));
    EXPECT_EQ(again.at(0).rows.size(), 1u);
    EXPECT_TRUE(again.at(1).rows.empty());
    EXPECT_EQ(again.at(1).affected, 0);
    TXNG_ASSIGN_OR_RETURN(std::vector<SqlResult> none,
                          c.RunBatch("SELECT id FROM things WHERE id = $1", {}));
    EXPECT_TRUE(none.empty());
    return Status::Ok();
  })));
  ASSERT_EQ(results.size(), static_cast<size_t>(kBatchRows));
  for (int64_t i = 0; i < kBatchRows; ++i) {
    ASSERT_EQ(results[i].rows.size(), 1u);
    EXPECT_EQ(results[i].rows[0].Int(0), i + 1);
    EXPECT_EQ(results[i].affected, 1);
  }
  EXPECT_EQ(CountThings(), kBatchRows + 1);
}

TEST_P(DatabaseTest, RunBatchFailureReturnsTheErrorAndRollsBack) {
  std::vector<std::vector<SqlValue>> rows = ThingRows(kBatchRows);
  rows[450][1] = std::string("n3");  // in the second PostgreSQL pipeline
  Status s = db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_RETURN_IF_ERROR(c.Run("INSERT INTO things (id, name) VALUES (9999, 'first')").status());
    return c.RunBatch("INSERT INTO things (id, name) VALUES ($1, $2)", rows).status();
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(s.field(), "name");
  EXPECT_EQ(CountThings(), 0);

  rows[450][1] = std::string("n451");
  rows[10] = {int64_t{11}};
  Status count = db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    return c.RunBatch("INSERT INTO things (id, name) VALUES ($1, $2)", rows).status();
  });
  EXPECT_EQ(count.code(), StatusCode::kInternal);
  EXPECT_EQ(count.message(),
            "statement takes 2 parameters, got 1 (in: INSERT INTO things (id, name) VALUES ($1, "
            "$2))");
  EXPECT_EQ(CountThings(), 0);

  // The connection is fine afterwards.
  ASSERT_TRUE(IsOk(db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    return c.RunBatch("INSERT INTO things (id, name) VALUES ($1, $2)", ThingRows(3)).status();
  })));
  EXPECT_EQ(CountThings(), 3);
}

TEST_P(DatabaseTest, RollsBackWhenTheFunctionFails) {
  Status s = db_->Transact(TxMode::kWrite, [](SqlConnection& c) -> Status {
    TXNG_RETURN_IF_ERROR(c.Run("INSERT INTO things (id, name) VALUES (1, 'a')").status());
    return Status::InvalidArgument("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CountThings(), 0);

  Status after_error = db_->Transact(TxMode::kWrite, [](SqlConnection& c) -> Status {
    TXNG_RETURN_IF_ERROR(c.Run("INSERT INTO things (id, name) VALUES (1, 'a')").status());
    return c.Run("INSERT INTO things (id, name) VALUES (2, 'a')").status();
  });
  EXPECT_EQ(after_error.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(CountThings(), 0);
}

TEST_P(DatabaseTest, RollsBackWhenTheFunctionThrows) {
  EXPECT_THROW((void)db_->Transact(TxMode::kWrite,
                                   [](SqlConnection& c) -> Status {
                                     (void)c.Run("INSERT INTO things (id, name) VALUES (1, 'a')");
                                     throw std::runtime_error("boom");
                                   }),
               std::runtime_error);
  EXPECT_EQ(CountThings(), 0);
  // The connection is usable afterwards.
  EXPECT_TRUE(IsOk(Write("INSERT INTO things (id, name) VALUES (1, 'a')")));
  EXPECT_EQ(CountThings(), 1);
}

TEST_P(DatabaseTest, ReadTransactionsCannotWrite) {
  Status s = db_->Transact(TxMode::kRead, [](SqlConnection& c) {
    return c.Run("INSERT INTO things (id, name) VALUES (1, 'a')").status();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(CountThings(), 0);
}

TEST_P(DatabaseTest, ReadTransactionsSeeOneSnapshot) {
  ASSERT_TRUE(IsOk(Write("INSERT INTO things (id, name) VALUES (1, 'a')")));
  Status s = db_->Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult before, c.Run("SELECT COUNT(*) FROM things"));
    // A write committed by another transaction meanwhile stays invisible here.
    TXNG_RETURN_IF_ERROR(Write("INSERT INTO things (id, name) VALUES (2, 'b')").status());
    TXNG_ASSIGN_OR_RETURN(SqlResult after, c.Run("SELECT COUNT(*) FROM things"));
    EXPECT_EQ(before.rows[0].Int(0), 1);
    EXPECT_EQ(after.rows[0].Int(0), 1);
    return Status::Ok();
  });
  EXPECT_TRUE(IsOk(s));
  EXPECT_EQ(CountThings(), 2);
}

TEST_P(DatabaseTest, PoolWaitsThenReportsExhaustion) {
  auto small = OpenOrDie({.pool_size = 1, .busy_timeout_ms = 1000, .acquire_timeout_ms = 100});
  ASSERT_NE(small, nullptr);
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    (void)small->Transact(TxMode::kRead, [&](SqlConnection&) {
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return Status::Ok();
    });
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto start = std::chrono::steady_clock::now();
  Status s = small->Transact(TxMode::kRead, [](SqlConnection&) { return Status::Ok(); });
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("database pool exhausted"), std::string::npos) << s.ToString();
  EXPECT_GE(waited, std::chrono::milliseconds(90));
  PoolStats stats = small->Stats();
  EXPECT_GE(stats.in_use, 1);
  release = true;
  holder.join();
  EXPECT_TRUE(IsOk(small->Transact(TxMode::kRead, [](SqlConnection&) { return Status::Ok(); })));
  EXPECT_EQ(small->Stats().in_use, 0);
  EXPECT_GE(small->Stats().acquired_total, 2);
}

TEST_P(DatabaseTest, WritersWaitForTheirTurnThenGiveUp) {
  auto small = OpenOrDie({.pool_size = 1, .busy_timeout_ms = 1000, .acquire_timeout_ms = 100});
  ASSERT_NE(small, nullptr);
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    (void)small->Transact(TxMode::kWrite, [&](SqlConnection& c) {
      Status s = c.Run("INSERT INTO things (id, name) VALUES (1, 'a')").status();
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return s;
    });
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Status s = small->Transact(TxMode::kWrite, [](SqlConnection& c) {
    return c.Run("INSERT INTO things (id, name) VALUES (2, 'b')").status();
  });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << s.ToString();
  release = true;
  holder.join();
  EXPECT_EQ(CountThings(), 1);
}

TEST_P(DatabaseTest, LockHeldByAnotherProcessIsUnavailable) {
  // Two Database objects on one database behave like two processes.
  auto other = OpenOrDie({.pool_size = 2, .busy_timeout_ms = 100, .acquire_timeout_ms = 1000});
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(IsOk(Write("INSERT INTO things (id, name) VALUES (1, 'a')")));
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    (void)db_->Transact(TxMode::kWrite, [&](SqlConnection& c) {
      Status s = c.Run("UPDATE things SET size = 1 WHERE id = 1").status();
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return s;
    });
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Status s = other->Transact(TxMode::kWrite, [](SqlConnection& c) {
    return c.Run("UPDATE things SET size = 2 WHERE id = 1").status();
  });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << s.ToString();
  // Readers are not blocked by the writer.
  EXPECT_TRUE(IsOk(other->Transact(
      TxMode::kRead, [](SqlConnection& c) { return c.Run("SELECT size FROM things").status(); })));
  release = true;
  holder.join();
  auto size = Read("SELECT size FROM things WHERE id = 1");
  ASSERT_TRUE(IsOk(size));
  EXPECT_EQ(size->rows.at(0).Int(0), 1);
}

TEST_P(DatabaseTest, DescribeHidesThePassword) {
  std::string described = db_->Describe();
  EXPECT_EQ(described.find("password"), std::string::npos);
  if (GetParam() == TestBackend::kSqlite) {
    EXPECT_EQ(described, test_db_->url());
  } else {
    EXPECT_TRUE(described.starts_with("postgresql://") || described.starts_with("postgres://"));
    // A password in the URL (trust authentication ignores it) never shows.
    std::string url = test_db_->url();
    url.insert(url.find("://") + 3 + url.substr(url.find("://") + 3).find('@'), ":hunter2");
    auto with_password = OpenDatabase(url);
    ASSERT_TRUE(IsOk(with_password));
    EXPECT_EQ((*with_password)->Describe().find("hunter2"), std::string::npos);
    EXPECT_EQ((*with_password)->Describe(), described);
  }
}

TEST_P(DatabaseTest, UnreachableServerIsUnavailable) {
  if (GetParam() == TestBackend::kSqlite) {
    auto db = OpenDatabase("sqlite:/proc/no/such/dir/txng.db");
    EXPECT_EQ(db.status().code(), StatusCode::kUnavailable);
    return;
  }
  // Port 1 on loopback: nothing listens there.
  auto db = OpenDatabase("postgresql://txng:pw@127.0.0.1:1/txng?connect_timeout=2");
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(db.status().message().find(":pw@"), std::string::npos) << db.status().ToString();
}

// Server connections are PostgreSQL's alone.
class PostgresDatabaseTest : public DatabaseTest {};
INSTANTIATE_TEST_SUITE_P(Backends, PostgresDatabaseTest, testing::Values(TestBackend::kPostgres),
                         BackendTestName);

TEST_P(PostgresDatabaseTest, ReconnectsAfterTheServerDropsConnections) {
  ASSERT_TRUE(IsOk(Write("INSERT INTO things (id, name) VALUES (1, 'a')")));
  ASSERT_TRUE(IsOk(Read("SELECT COUNT(*) FROM things")));
  std::string dbname = test_db_->url().substr(test_db_->url().rfind('/') + 1);
  ASSERT_TRUE(IsOk(ExecOnTestPostgresServer(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + dbname +
      "' AND pid <> pg_backend_pid()")));
  auto r = Read("SELECT COUNT(*) FROM things");
  ASSERT_TRUE(IsOk(r));
  EXPECT_EQ(r->rows[0].Int(0), 1);
  EXPECT_TRUE(IsOk(Write("INSERT INTO things (id, name) VALUES (2, 'b')")));
}

TEST_P(DatabaseTest, StatementsAreReusedAcrossTransactions) {
  for (int64_t i = 0; i < 200; ++i) {
    ASSERT_TRUE(
        IsOk(Write("INSERT INTO things (id, name) VALUES ($1, $2)", {i, "n" + std::to_string(i)})));
  }
  EXPECT_EQ(CountThings(), 200);
  PoolStats stats = db_->Stats();
  EXPECT_GE(stats.acquired_total, 200);
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_EQ(stats.waiting, 0);
}

TEST_P(DatabaseTest, ManyDistinctStatementsOverflowTheCacheSafely) {
  Status s = db_->Transact(TxMode::kWrite, [](SqlConnection& c) -> Status {
    for (int i = 0; i < 1200; ++i) {
      TXNG_RETURN_IF_ERROR(
          c.Run("INSERT INTO things (id, name) VALUES ($1, '" + std::to_string(i) + "')",
                {int64_t{i}})
              .status());
    }
    return Status::Ok();
  });
  EXPECT_TRUE(IsOk(s));
  EXPECT_EQ(CountThings(), 1200);
}

TEST_P(DatabaseTest, RunTakesOneStatement) {
  auto r = Write("INSERT INTO things (id, name) VALUES (1, 'a'); DELETE FROM things");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(CountThings(), 0);
}

}  // namespace
}  // namespace txng
