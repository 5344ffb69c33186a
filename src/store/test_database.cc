#include "store/test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "store/database_url.h"

namespace txng {
namespace {

constexpr char kPgUrlVariable[] = "TXNG_TEST_PG_URL";

std::atomic<int> next_id{0};

std::string UniqueSuffix() { return std::to_string(getpid()) + "_" + std::to_string(++next_id); }

const char* PostgresAdminUrl() {
  const char* url = std::getenv(kPgUrlVariable);
  return url != nullptr && *url != '\0' ? url : nullptr;
}

}  // namespace

std::string_view TestBackendName(TestBackend backend) {
  return backend == TestBackend::kSqlite ? "sqlite" : "postgres";
}

std::optional<std::string> MissingTestBackend(TestBackend backend) {
  if (backend == TestBackend::kPostgres && PostgresAdminUrl() == nullptr) {
    return std::string(kPgUrlVariable) +
           " is not set: PostgreSQL tests need a server where the user may CREATE DATABASE, "
           "e.g. TXNG_TEST_PG_URL=$(scripts/pgtest start /tmp/txng-pg)";
  }
  return std::nullopt;
}

bool PostgresRequired() {
  const char* required = std::getenv("TXNG_REQUIRE_PG");
  return required != nullptr && std::string_view(required) == "1";
}

Status ExecOnTestPostgresServer(const std::string& sql) {
  const char* url = PostgresAdminUrl();
  if (url == nullptr)
    return Status::FailedPrecondition(*MissingTestBackend(TestBackend::kPostgres));
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Status::Unavailable("cannot connect to " + RedactPostgresUrl(url) + ": " +
                               PQerrorMessage(conn.get()));
  }
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn.get(), sql.c_str()), &PQclear);
  ExecStatusType status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Status::Internal(sql + ": " + PQerrorMessage(conn.get()));
  }
  return Status::Ok();
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(TestBackend backend) {
  if (auto missing = MissingTestBackend(backend)) return Status::FailedPrecondition(*missing);
  if (backend == TestBackend::kSqlite) {
    // The file sits in a directory that does not exist yet, so that every
    // test also checks that opening creates it.
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("txng_store_test_" + UniqueSuffix());
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::string url = "sqlite:" + (dir / "var" / "txng.db").string();
    return std::unique_ptr<TestDatabase>(new TestDatabase(backend, url, dir.string()));
  }
  // A database left by a crashed process with the same pid is stale: drop it.
  std::string name = "txng_test_" + UniqueSuffix();
  TXNG_RETURN_IF_ERROR(
      ExecOnTestPostgresServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  TXNG_RETURN_IF_ERROR(ExecOnTestPostgresServer("CREATE DATABASE " + name));
  std::string url = PostgresUrlWithDatabase(PostgresAdminUrl(), name);
  return std::unique_ptr<TestDatabase>(new TestDatabase(backend, url, name));
}

TestDatabase::~TestDatabase() {
  if (backend_ == TestBackend::kSqlite) {
    std::error_code ec;
    std::filesystem::remove_all(cleanup_, ec);
  } else {
    (void)ExecOnTestPostgresServer("DROP DATABASE IF EXISTS " + cleanup_ + " WITH (FORCE)");
  }
}

Result<std::unique_ptr<Database>> TestDatabase::Open(const DatabaseOptions& options) const {
  return OpenDatabase(url_, options);
}

}  // namespace txng
