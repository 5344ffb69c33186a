// Database URLs: which backend a URL names, and the rewrites of PostgreSQL
// URLs that logs and tests need. Internal to the store.
#ifndef TXNG_STORE_DATABASE_URL_H_
#define TXNG_STORE_DATABASE_URL_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace txng {

struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  // SQLite: the file path after "sqlite:". PostgreSQL: the whole URL, which
  // libpq parses itself.
  std::string target;
};

// Accepts "sqlite:PATH" and "postgresql://..." / "postgres://..."; anything
// else is kInvalidArgument naming the URL (without its password).
Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

// `url` without the password of its user-info part and without any
// `password=` query parameter: "postgresql://txng:pw@h/db" -> "postgresql://txng@h/db".
std::string RedactPostgresUrl(std::string_view url);

// `url` naming the database `dbname` instead of its own (query kept).
std::string PostgresUrlWithDatabase(std::string_view url, std::string_view dbname);

}  // namespace txng

#endif  // TXNG_STORE_DATABASE_URL_H_
