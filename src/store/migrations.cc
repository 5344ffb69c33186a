#include "store/migrations.h"

#include <algorithm>
#include <charconv>

#include "common/clock.h"
#include "common/embedded.h"

namespace txng {
namespace {

constexpr std::string_view kCreateSchemaMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kInsertSchemaMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
constexpr std::string_view kSqliteHasSchemaMigrations =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr std::string_view kPostgresHasSchemaMigrations =
    "SELECT COUNT(*) FROM pg_catalog.pg_tables "
    "WHERE schemaname = current_schema() AND tablename = 'schema_migrations'";
// Serialises migrating processes on PostgreSQL until their transaction ends.
// The key is "txng" in ASCII.
constexpr std::string_view kPostgresMigrationLock = "SELECT pg_advisory_xact_lock(1954051687)";

std::string_view DialectDirectory(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "sqlite/" : "postgres/";
}

}  // namespace

std::vector<Migration> MigrationsFor(Dialect dialect) {
  std::vector<Migration> out;
  const std::string_view dir = DialectDirectory(dialect);
  for (const EmbeddedFile& file : EmbeddedMigrations()) {
    if (!file.path.starts_with(dir) || !file.path.ends_with(".sql")) continue;
    std::string_view base = file.path.substr(dir.size());
    base.remove_suffix(4);
    Migration m;
    auto [end, ec] = std::from_chars(base.data(), base.data() + base.size(), m.version);
    if (ec != std::errc() || end == base.data() || *end != '_') continue;
    m.name = std::string(end + 1, base.data() + base.size());
    m.sql = file.data;
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

Result<int> ReadSchemaVersion(SqlConnection& c, Dialect dialect) {
  TXNG_ASSIGN_OR_RETURN(SqlResult exists,
                        c.Run(dialect == Dialect::kSqlite ? kSqliteHasSchemaMigrations
                                                          : kPostgresHasSchemaMigrations));
  if (exists.rows.empty() || exists.rows[0].Int(0) == 0) return 0;
  TXNG_ASSIGN_OR_RETURN(SqlResult version, c.Run(kSelectSchemaVersion));
  return static_cast<int>(version.rows.at(0).Int(0));
}

Result<int> ApplyMigrations(Database& db) {
  const Dialect dialect = db.dialect();
  const std::vector<Migration> migrations = MigrationsFor(dialect);
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  int version = 0;
  for (const Migration& m : migrations) {
    Status status = db.Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
      if (dialect == Dialect::kPostgres)
        TXNG_RETURN_IF_ERROR(c.Run(kPostgresMigrationLock).status());
      TXNG_RETURN_IF_ERROR(c.Run(kCreateSchemaMigrations).status());
      TXNG_ASSIGN_OR_RETURN(version, ReadSchemaVersion(c, dialect));
      if (version > latest) {
        return Status::FailedPrecondition(
            "the database schema is at version " + std::to_string(version) +
            ", newer than this binary knows (" + std::to_string(latest) +
            "): upgrade txng before using this database");
      }
      if (version >= m.version) return Status::Ok();
      TXNG_RETURN_IF_ERROR(
          c.ExecScript(m.sql).WithContext("migration " + std::to_string(m.version) + "_" + m.name));
      TXNG_RETURN_IF_ERROR(
          c.Run(kInsertSchemaMigration, {int64_t{m.version}, m.name, NowMillis()}).status());
      version = m.version;
      return Status::Ok();
    });
    TXNG_RETURN_IF_ERROR(status);
  }
  return version;
}

}  // namespace txng
