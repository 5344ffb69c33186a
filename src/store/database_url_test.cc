// Unit tests of the pieces that need no database: URL parsing, SqlRow
// conversions, page clamping, audit details and the embedded migrations.
#include "store/database_url.h"

#include <gtest/gtest.h>

#include <limits>

#include "store/audit_detail.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

TEST(DatabaseUrl, SqliteTakesThePathAfterThePrefix) {
  auto url = ParseDatabaseUrl("sqlite:var/txng.db");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->dialect, Dialect::kSqlite);
  EXPECT_EQ(url->target, "var/txng.db");
  EXPECT_EQ(ParseDatabaseUrl("sqlite:/abs/path.db")->target, "/abs/path.db");
}

TEST(DatabaseUrl, SqliteNeedsAFile) {
  EXPECT_EQ(ParseDatabaseUrl("sqlite:").status().code(), StatusCode::kInvalidArgument);
  auto memory = ParseDatabaseUrl("sqlite::memory:");
  EXPECT_EQ(memory.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(memory.status().message().find("file path"), std::string::npos);
}

TEST(DatabaseUrl, PostgresKeepsTheWholeUrl) {
  for (const char* text :
       {"postgresql://txng@127.0.0.1:5432/txng", "postgres://h/db?sslmode=disable"}) {
    auto url = ParseDatabaseUrl(text);
    ASSERT_TRUE(url.ok()) << text;
    EXPECT_EQ(url->dialect, Dialect::kPostgres);
    EXPECT_EQ(url->target, text);
  }
}

TEST(DatabaseUrl, OtherSchemesAreRejectedWithoutThePassword) {
  auto url = ParseDatabaseUrl("mysql://root:secret@db/txng");
  EXPECT_EQ(url.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(url.status().message(),
            "unsupported database URL 'mysql://root@db/txng': use sqlite:PATH or "
            "postgresql://USER@HOST:PORT/DBNAME");
  EXPECT_EQ(ParseDatabaseUrl("txng.db").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseDatabaseUrl("").status().code(), StatusCode::kInvalidArgument);
}

TEST(DatabaseUrl, OpenDatabaseRejectsUnsupportedUrls) {
  auto db = OpenDatabase("mysql://localhost/txng");
  EXPECT_EQ(db.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(db.status().message().find("use sqlite:PATH or postgresql://"), std::string::npos);
}

TEST(DatabaseUrl, OpenDatabaseRejectsAnEmptyPool) {
  auto db = OpenDatabase("sqlite:/tmp/never-created.db", DatabaseOptions{.pool_size = 0});
  EXPECT_EQ(db.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(db.status().field(), "pool_size");
}

TEST(DatabaseUrl, RedactRemovesPasswords) {
  EXPECT_EQ(RedactPostgresUrl("postgresql://txng:s3cret@db.example:5432/txng"),
            "postgresql://txng@db.example:5432/txng");
  EXPECT_EQ(RedactPostgresUrl("postgresql://txng@db/txng"), "postgresql://txng@db/txng");
  EXPECT_EQ(RedactPostgresUrl("postgres://u:p%40ss@[::1]:5432,h2:5433/db?sslmode=require"),
            "postgres://u@[::1]:5432,h2:5433/db?sslmode=require");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/db?user=u&password=pw&sslmode=disable"),
            "postgresql://h/db?user=u&sslmode=disable");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/db?password=pw"), "postgresql://h/db");
  EXPECT_EQ(RedactPostgresUrl("postgresql://"), "postgresql://");
}

TEST(DatabaseUrl, WithDatabaseReplacesOnlyThePath) {
  EXPECT_EQ(PostgresUrlWithDatabase("postgresql://txng@127.0.0.1:5432/postgres", "t1"),
            "postgresql://txng@127.0.0.1:5432/t1");
  EXPECT_EQ(PostgresUrlWithDatabase("postgresql://txng@h", "t1"), "postgresql://txng@h/t1");
  EXPECT_EQ(PostgresUrlWithDatabase("postgresql://h:1/postgres?sslmode=disable", "t1"),
            "postgresql://h:1/t1?sslmode=disable");
}

TEST(SqlRow, ConvertsBetweenRepresentations) {
  SqlRow row({SqlValue(), SqlValue(int64_t{42}), SqlValue(2.5), SqlValue(std::string("17")),
              SqlValue(std::string("3.25")), SqlValue(std::string("Đồng Xoài"))});
  EXPECT_EQ(row.size(), 6u);
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_FALSE(row.IsNull(1));
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Double(0), 0.0);
  EXPECT_EQ(row.Text(0), "");
  EXPECT_EQ(row.OptInt(0), std::nullopt);
  EXPECT_EQ(row.OptDouble(0), std::nullopt);

  EXPECT_EQ(row.Int(1), 42);
  EXPECT_EQ(row.Double(1), 42.0);
  EXPECT_EQ(row.Text(1), "42");
  EXPECT_EQ(row.OptInt(1), 42);

  EXPECT_EQ(row.Double(2), 2.5);
  EXPECT_EQ(row.Text(2), "2.5");
  EXPECT_EQ(row.OptDouble(2), 2.5);

  EXPECT_EQ(row.Int(3), 17);
  EXPECT_EQ(row.Double(3), 17.0);
  EXPECT_EQ(row.Double(4), 3.25);
  EXPECT_EQ(row.Text(5), "Đồng Xoài");
  EXPECT_THROW(row.at(6), std::out_of_range);
}

TEST(SqlRow, KeepsExtremeIntegers) {
  const int64_t big = std::numeric_limits<int64_t>::max();
  SqlRow row({SqlValue(big), SqlValue(std::to_string(big))});
  EXPECT_EQ(row.Int(0), big);
  EXPECT_EQ(row.Int(1), big);
  EXPECT_EQ(row.Text(0), std::to_string(big));
}

TEST(SqlNullable, MapsEmptyToNull) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(SqlNullable(std::optional<int64_t>())));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(SqlNullable(std::optional<double>())));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(SqlNullable(std::optional<int32_t>())));
  EXPECT_EQ(std::get<int64_t>(SqlNullable(std::optional<int64_t>(7))), 7);
  EXPECT_EQ(std::get<double>(SqlNullable(std::optional<double>(1.5))), 1.5);
  EXPECT_EQ(std::get<int64_t>(SqlNullable(std::optional<int32_t>(-3))), -3);
}

TEST(ClampPage, KeepsLimitsWithinOneToFiveHundred) {
  using store_internal::ClampPage;
  EXPECT_EQ(ClampPage({.limit = 0, .offset = -5}).limit, 1);
  EXPECT_EQ(ClampPage({.limit = 0, .offset = -5}).offset, 0);
  EXPECT_EQ(ClampPage({.limit = 10000, .offset = 3}).limit, 500);
  EXPECT_EQ(ClampPage({.limit = 50, .offset = 3}).limit, 50);
  EXPECT_EQ(ClampPage({.limit = 50, .offset = 3}).offset, 3);
}

TEST(WhereClause, NumbersPlaceholdersInOrder) {
  store_internal::WhereClause where;
  EXPECT_EQ(where.sql(), "");
  EXPECT_EQ(where.ExtraPlaceholder(1), "$1");
  where.Equals("org_id", int64_t{3});
  where.Equals("category", std::string("cashew"));
  EXPECT_EQ(where.sql(), " WHERE org_id = $1 AND category = $2");
  EXPECT_EQ(where.ExtraPlaceholder(2), "$4");
  EXPECT_EQ(where.Params({int64_t{50}}).size(), 3u);
}

TEST(AuditDetail, WritesAnOrderedJsonObject) {
  EXPECT_EQ(AuditDetail().ToJson(), "{}");
  EXPECT_EQ(
      AuditDetail()
          .Text("gtin", "08930001000018")
          .Int("org_id", 7)
          .Bool("disabled", true)
          .List("changed", {"name_vi", "brand"})
          .ToJson(),
      R"({"gtin":"08930001000018","org_id":7,"disabled":true,"changed":["name_vi","brand"]})");
  EXPECT_EQ(AuditDetail().Text("reason", "thiếu \"ảnh\"").ToJson(),
            R"({"reason":"thiếu \"ảnh\""})");
  // Invalid UTF-8 is replaced, never thrown.
  EXPECT_EQ(AuditDetail().Text("x", "\xff").ToJson(), "{\"x\":\"\xEF\xBF\xBD\"}");
}

TEST(Migrations, BothDialectsHaveTheSameVersions) {
  std::vector<Migration> sqlite = MigrationsFor(Dialect::kSqlite);
  std::vector<Migration> postgres = MigrationsFor(Dialect::kPostgres);
  ASSERT_FALSE(sqlite.empty());
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(sqlite[i].version, postgres[i].version);
    EXPECT_EQ(sqlite[i].name, postgres[i].name);
    EXPECT_FALSE(sqlite[i].sql.empty());
  }
  EXPECT_EQ(sqlite[0].name, "init");
  EXPECT_EQ(Store::LatestSchemaVersion(), sqlite.back().version);
}

}  // namespace
}  // namespace txng
