// Schema migrations: versioned SQL scripts per dialect, embedded in the
// binary (src/store/migrations/<dialect>/NNNN_name.sql), applied forward only
// and recorded in schema_migrations(version, name, applied_at).
#ifndef TXNG_STORE_MIGRATIONS_H_
#define TXNG_STORE_MIGRATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace txng {

struct Migration {
  int version = 0;   // NNNN of the file name
  std::string name;  // the rest of the file name, without ".sql"
  std::string_view sql;
};

// The embedded migrations of `dialect`, by ascending version.
std::vector<Migration> MigrationsFor(Dialect dialect);

// The highest version recorded in `c`'s schema_migrations, 0 when the table
// does not exist yet.
Result<int> ReadSchemaVersion(SqlConnection& c, Dialect dialect);

// Applies every migration newer than the database, each in its own write
// transaction together with its schema_migrations row, and returns the
// resulting version. Safe when several processes start at once: on
// PostgreSQL each transaction takes an advisory lock and re-reads the
// version; on SQLite BEGIN IMMEDIATE already serialises them.
// kFailedPrecondition when the database is newer than this binary.
Result<int> ApplyMigrations(Database& db);

}  // namespace txng

#endif  // TXNG_STORE_MIGRATIONS_H_
