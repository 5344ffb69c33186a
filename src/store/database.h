// Database: the narrow SQL interface that both backends implement.
//
// SQL is written once, for both SQLite and PostgreSQL, with `$1..$n`
// placeholders; each backend prepares a statement the first time it sees its
// text on a connection and reuses it afterwards. Only the migrations differ
// per dialect. Type conventions shared by both schemas: integers are BIGINT,
// text is TEXT, reals are DOUBLE PRECISION/REAL, booleans are INTEGER 0/1,
// timestamps are BIGINT milliseconds since the Unix epoch (UTC).
#ifndef TXNG_STORE_DATABASE_H_
#define TXNG_STORE_DATABASE_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace txng {

// NULL, integer, real or text.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

// Helpers to bind optional values as NULL.
SqlValue SqlNullable(const std::optional<int64_t>& v);
SqlValue SqlNullable(const std::optional<double>& v);
SqlValue SqlNullable(const std::optional<int32_t>& v);

// One result row. Accessors convert where the backend returned another
// representation (PostgreSQL answers numbers as text when the type is not
// one it maps); a NULL reads as 0, 0.0 or "".
class SqlRow {
 public:
  explicit SqlRow(std::vector<SqlValue> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const;
  int64_t Int(size_t i) const;
  double Double(size_t i) const;
  std::string Text(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
  std::optional<double> OptDouble(size_t i) const;
  const SqlValue& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<SqlValue> values_;
};

struct SqlResult {
  std::vector<SqlRow> rows;
  int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
};

// A connection checked out of the pool for the length of one transaction.
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // Runs one statement with positional parameters ($1..$n). Unique-key
  // violations come back as kAlreadyExists (message names the constraint),
  // foreign-key violations as kFailedPrecondition, everything else kInternal.
  // Also: CHECK and NOT NULL violations are kInvalidArgument, a busy, locked
  // or unreachable database kUnavailable; the status field of kAlreadyExists
  // holds the key's columns ("gln,gln_extension").
  virtual Result<SqlResult> Run(std::string_view sql, std::span<const SqlValue> params) = 0;
  Result<SqlResult> Run(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
    return Run(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }
  // Runs `sql` once for each entry of `rows`, in order, as Run would, and
  // returns the results in the same order; the first failure is returned
  // (same Status contract as Run) and, like a failed Run, leaves the
  // transaction to be rolled back. For writing many rows with one statement:
  // PostgreSQL sends the runs in pipelines instead of one round trip each.
  virtual Result<std::vector<SqlResult>> RunBatch(std::string_view sql,
                                                  std::span<const std::vector<SqlValue>> rows) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
};

enum class Dialect { kSqlite, kPostgres };
enum class TxMode { kRead, kWrite };

struct PoolStats {
  int size = 0;     // connections open
  int in_use = 0;   // checked out now
  int waiting = 0;  // callers waiting for a connection
  int64_t acquired_total = 0;
};

struct DatabaseOptions {
  int pool_size = 8;              // connections (SQLite: readers; one writer besides)
  int busy_timeout_ms = 5000;     // SQLite busy timeout; PostgreSQL lock_timeout
  int acquire_timeout_ms = 5000;  // how long a caller waits for a free connection
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs `fn` in one transaction on one connection: commits when it returns
  // OK, rolls back otherwise and returns its status. Writes are serialised on
  // SQLite (BEGIN IMMEDIATE under one writer lock).
  virtual Status Transact(TxMode mode, const std::function<Status(SqlConnection&)>& fn) = 0;
  virtual PoolStats Stats() const = 0;
  // The URL without any password, for logs and `txng version`.
  virtual std::string Describe() const = 0;
};

// Opens `sqlite:PATH` (creating the file and its directory) or a
// `postgresql://` / `postgres://` URL (libpq connection URI).
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url,
                                               const DatabaseOptions& options = {});

}  // namespace txng

#endif  // TXNG_STORE_DATABASE_H_
