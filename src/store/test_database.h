// Fresh, empty databases for tests: a SQLite file in a new temporary
// directory, or a newly created PostgreSQL database on the server named by
// the environment variable TXNG_TEST_PG_URL (its user needs CREATEDB).
// Each is removed again when the TestDatabase is destroyed.
#ifndef TXNG_STORE_TEST_DATABASE_H_
#define TXNG_STORE_TEST_DATABASE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace txng {

enum class TestBackend { kSqlite, kPostgres };

// "sqlite" or "postgres": the suffix of parameterised test names.
std::string_view TestBackendName(TestBackend backend);

// Why `backend` cannot run here (PostgreSQL without TXNG_TEST_PG_URL), or nullopt.
std::optional<std::string> MissingTestBackend(TestBackend backend);

// True when TXNG_REQUIRE_PG=1: a missing PostgreSQL fails instead of skipping.
bool PostgresRequired();

class TestDatabase {
 public:
  // A database nobody else uses: names are unique per process (pid and a
  // counter), so parallel test processes never share one.
  static Result<std::unique_ptr<TestDatabase>> Create(TestBackend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  TestBackend backend() const { return backend_; }
  // The URL that OpenDatabase accepts.
  const std::string& url() const { return url_; }
  Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options = {}) const;

 private:
  TestDatabase(TestBackend backend, std::string url, std::string cleanup)
      : backend_(backend), url_(std::move(url)), cleanup_(std::move(cleanup)) {}

  TestBackend backend_;
  std::string url_;
  std::string cleanup_;  // SQLite: the directory; PostgreSQL: the database name
};

// Runs one statement on the PostgreSQL server of TXNG_TEST_PG_URL outside
// any pool (CREATE/DROP DATABASE, pg_terminate_backend).
Status ExecOnTestPostgresServer(const std::string& sql);

}  // namespace txng

#endif  // TXNG_STORE_TEST_DATABASE_H_
