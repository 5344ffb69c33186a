#include "store/sqlite_database.h"

#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/connection_pool.h"

namespace txng {
namespace {

constexpr size_t kMaxCachedStatements = 512;

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;
using StmtHandle = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Lets the statement cache be searched by string_view without a copy.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// "UNIQUE constraint failed: locations.gln, locations.gln_extension" -> "gln,gln_extension".
std::string ConstraintColumns(std::string_view message) {
  size_t colon = message.find(": ");
  if (colon == std::string_view::npos) return {};
  std::string columns;
  std::string_view rest = message.substr(colon + 2);
  while (!rest.empty()) {
    size_t comma = rest.find(", ");
    std::string_view qualified = rest.substr(0, comma);
    size_t dot = qualified.rfind('.');
    if (!columns.empty()) columns += ',';
    columns += qualified.substr(dot == std::string_view::npos ? 0 : dot + 1);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
  }
  return columns;
}

// Maps an (extended) SQLite result code to the Status contract of SqlConnection.
Status StatusFromSqlite(sqlite3* db, int rc, std::string_view sql) {
  std::string message = sqlite3_errmsg(db);
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Status::AlreadyExists("duplicate key: " + message, ConstraintColumns(message));
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Status::FailedPrecondition("a referenced record does not exist: " + message);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Status::InvalidArgument("value rejected by the schema: " + message);
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable("the database is busy (locked by another connection): " + message);
    default:
      return Status::Internal("sqlite: " + message + " (in: " + std::string(sql.substr(0, 200)) +
                              ")");
  }
}

class SqliteConnection final : public SqlConnection {
 public:
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool writer,
                                                        const DatabaseOptions& options) {
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_NOMUTEX |
                (writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DbHandle db(raw);
    if (rc != SQLITE_OK) {
      return Status::Unavailable("cannot open SQLite database '" + path +
                                 "': " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
    auto conn = std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(db)));
    // journal_mode is stored in the file, so only the writer sets it; the
    // other settings belong to each connection.
    if (writer) {
      TXNG_RETURN_IF_ERROR(conn->SwitchToWal(options.busy_timeout_ms));
      // Bulk capture dirties index pages all over the file (hash IDs and
      // EPCs are random keys). A 64 MiB page cache (default 2 MiB) keeps
      // them between documents instead of reading them back, and a
      // checkpoint every 10,000 WAL pages (default 1,000: after every
      // 1,000-event document) writes a page rewritten by several documents
      // to the database once. docs/BENCHMARKS.md "EPCIS capture" has the
      // measurements. Durability is unchanged: a commit is in the WAL.
      TXNG_RETURN_IF_ERROR(conn->Exec("PRAGMA cache_size=-65536"));
      TXNG_RETURN_IF_ERROR(conn->Exec("PRAGMA wal_autocheckpoint=10000"));
    } else {
      // A trace reads a few pages of each of several large indexes per
      // level; at 10M events their inner pages outgrow the default 2 MiB,
      // and every miss is a read from the OS. 32 MiB per reader took the
      // 10M-event trace from p50 4.9 ms (3.4 ms client CPU) to 2.6 ms
      // (docs/BENCHMARKS.md, "Trace").
      TXNG_RETURN_IF_ERROR(conn->Exec("PRAGMA cache_size=-32768"));
    }
    TXNG_RETURN_IF_ERROR(conn->Exec("PRAGMA synchronous=NORMAL"));
    TXNG_RETURN_IF_ERROR(conn->Exec("PRAGMA foreign_keys=ON"));
    return conn;
  }

  Result<SqlResult> Run(std::string_view sql, std::span<const SqlValue> params) override {
    TXNG_ASSIGN_OR_RETURN(const Statement* prepared, Prepare(sql));
    sqlite3_stmt* stmt = prepared->stmt.get();
    // Leaves the cached statement reset and unbound whatever happens, so that
    // it holds no read snapshot and no pointer into `params`.
    struct ResetOnExit {
      sqlite3_stmt* stmt;
      ~ResetOnExit() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } reset{stmt};
    TXNG_RETURN_IF_ERROR(Bind(*prepared, sql, params));

    SqlResult result;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return StatusFromSqlite(db_.get(), rc, sql);
      std::vector<SqlValue> values;
      values.reserve(columns);
      for (int i = 0; i < columns; ++i) values.push_back(Column(stmt, i));
      result.rows.emplace_back(std::move(values));
    }
    if (!sqlite3_stmt_readonly(stmt)) result.affected = sqlite3_changes64(db_.get());
    return result;
  }

  // SQLite runs in-process: one step of the cached statement per row is
  // already the cheapest way.
  Result<std::vector<SqlResult>> RunBatch(std::string_view sql,
                                          std::span<const std::vector<SqlValue>> rows) override {
    std::vector<SqlResult> results;
    results.reserve(rows.size());
    for (const std::vector<SqlValue>& row : rows) {
      TXNG_ASSIGN_OR_RETURN(SqlResult result, Run(sql, row));
      results.push_back(std::move(result));
    }
    return results;
  }

  Status ExecScript(std::string_view sql) override {
    std::string script(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, &error);
    if (error != nullptr) sqlite3_free(error);
    if (rc != SQLITE_OK) {
      return StatusFromSqlite(db_.get(), sqlite3_extended_errcode(db_.get()), sql);
    }
    return Status::Ok();
  }

  // One statement through the statement cache: BEGIN and COMMIT run around
  // every transaction, and parsing them each time showed in profiles.
  Status Exec(const char* sql) { return Run(sql, {}).status(); }

  bool InTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

  // Puts the file in WAL mode. A new file is in rollback mode, and switching
  // needs an exclusive lock that SQLite does not wait for through the busy
  // handler: when several processes open a new database together, all but
  // one get SQLITE_BUSY at once. So this waits itself, up to the busy
  // timeout; a file already in WAL mode needs no lock and returns at once.
  Status SwitchToWal(int busy_timeout_ms) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
      Result<SqlResult> mode = Run("PRAGMA journal_mode=WAL", {});
      if (mode.ok() || mode.status().code() != StatusCode::kUnavailable ||
          std::chrono::steady_clock::now() >= deadline) {
        return mode.status();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

 private:
  explicit SqliteConnection(DbHandle db) : db_(std::move(db)) {}

  // A prepared statement and the index SQLite gave each "$N" (N = 1..n),
  // looked up once: SQLite numbers parameters by first appearance, and
  // sqlite3_bind_parameter_index searches the names one by one, which a
  // statement of many rows (…VALUES ($1, …), ($17, …)) would pay per value.
  struct Statement {
    StmtHandle stmt;
    std::vector<int> indexes;  // indexes[N - 1]: the bind index of $N
  };

  Result<const Statement*> Prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
    // SQL texts are constants, so the cache stays small; a caller that builds
    // texts with values inside would grow it without end, so it is bounded.
    if (statements_.size() >= kMaxCachedStatements) statements_.clear();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StmtHandle stmt(raw);
    if (rc != SQLITE_OK) return StatusFromSqlite(db_.get(), rc, sql);
    if (stmt == nullptr) return Status::Internal("empty SQL statement");
    std::string_view rest(tail, sql.data() + sql.size() - tail);
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      return Status::Internal("Run() takes one statement; use ExecScript() for scripts");
    }
    Statement statement{std::move(stmt), {}};
    const int count = sqlite3_bind_parameter_count(statement.stmt.get());
    statement.indexes.assign(count, 0);
    for (int index = 1; index <= count; ++index) {
      const char* name = sqlite3_bind_parameter_name(statement.stmt.get(), index);
      int number = 0;
      if (name != nullptr && name[0] == '$') {
        const std::string_view digits(name + 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
        if (ec != std::errc() || end != digits.data() + digits.size()) number = 0;
      }
      if (number < 1 || number > count) {
        return Status::Internal("parameters are $1..$" + std::to_string(count) + ", not " +
                                (name ? name : "?") + " (in: " + std::string(sql.substr(0, 200)) +
                                ")");
      }
      statement.indexes[number - 1] = index;
    }
    return &statements_.emplace(std::string(sql), std::move(statement)).first->second;
  }

  // Binds params[i] to "$<i+1>", wherever it occurs in the statement: SQLite
  // numbers "$N" parameters by first appearance, not by N.
  Status Bind(const Statement& prepared, std::string_view sql, std::span<const SqlValue> params) {
    sqlite3_stmt* stmt = prepared.stmt.get();
    if (prepared.indexes.size() != params.size()) {
      return Status::Internal("statement takes " + std::to_string(prepared.indexes.size()) +
                              " parameters, got " + std::to_string(params.size()) +
                              " (in: " + std::string(sql.substr(0, 200)) + ")");
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = prepared.indexes[i];
      const SqlValue& v = params[i];
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, index, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) return StatusFromSqlite(db_.get(), rc, sql);
    }
    return Status::Ok();
  }

  static SqlValue Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return int64_t{sqlite3_column_int64(stmt, i)};
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_NULL:
        return std::monostate();
      default: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        return std::string(data ? data : "", sqlite3_column_bytes(stmt, i));
      }
    }
  }

  DbHandle db_;  // closed after the statements (declared first, destroyed last)
  std::unordered_map<std::string, Statement, TextHash, std::equal_to<>> statements_;
};

// Runs `fn` between `begin` and COMMIT on `conn`, rolling back on failure.
Status RunTransaction(SqliteConnection& conn, const char* begin,
                      const std::function<Status(SqlConnection&)>& fn) {
  auto rollback = [&] {
    if (conn.InTransaction()) (void)conn.Exec("ROLLBACK");
  };
  TXNG_RETURN_IF_ERROR(conn.Exec(begin));
  Status status;
  try {
    status = fn(conn);
  } catch (...) {
    rollback();
    throw;
  }
  if (status.ok()) status = conn.Exec("COMMIT");
  if (!status.ok()) rollback();
  return status;
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const DatabaseOptions& options,
                 std::unique_ptr<SqliteConnection> writer)
      : path_(std::move(path)),
        writer_("SQLite writer", 1, std::chrono::milliseconds(options.acquire_timeout_ms),
                [path = path_, options] { return SqliteConnection::Open(path, true, options); }),
        readers_("SQLite reader", options.pool_size,
                 std::chrono::milliseconds(options.acquire_timeout_ms),
                 [path = path_, options] { return SqliteConnection::Open(path, false, options); }) {
    writer_.Seed(std::move(writer));
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Transact(TxMode mode, const std::function<Status(SqlConnection&)>& fn) override {
    ConnectionPool<SqliteConnection>& pool = mode == TxMode::kRead ? readers_ : writer_;
    TXNG_ASSIGN_OR_RETURN(auto conn, pool.Acquire());
    // A connection left inside its transaction (ROLLBACK failed), even when
    // `fn` throws, would pin an old snapshot or the write lock: it is closed
    // instead, and the pool opens a new one when needed.
    struct DiscardIfUnusable {
      ConnectionPool<SqliteConnection>::Lease& conn;
      ~DiscardIfUnusable() {
        if (conn->InTransaction()) conn.Discard();
      }
    } discard_if_unusable{conn};
    return RunTransaction(*conn, mode == TxMode::kRead ? "BEGIN" : "BEGIN IMMEDIATE", fn);
  }

  PoolStats Stats() const override {
    PoolStats readers = readers_.Stats();
    PoolStats writer = writer_.Stats();
    return PoolStats{.size = readers.size + writer.size,
                     .in_use = readers.in_use + writer.in_use,
                     .waiting = readers.waiting + writer.waiting,
                     .acquired_total = readers.acquired_total + writer.acquired_total};
  }

  std::string Describe() const override { return "sqlite:" + path_; }

 private:
  const std::string path_;
  ConnectionPool<SqliteConnection> writer_;  // one connection: writes are serialised here
  ConnectionPool<SqliteConnection> readers_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteDatabase(const std::string& path,
                                                     const DatabaseOptions& options) {
  // SQLite counts every allocation under one process-wide mutex unless told
  // not to; with a connection per worker thread that mutex is contended on
  // every query (ephemeral tables for IN lists, UNION and window functions
  // allocate their own pages). TXNG never reads sqlite3_memory_used().
  // sqlite3_config only works before SQLite initialises; if something in
  // the process used SQLite first, it refuses and the counting stays on.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Status::Unavailable("cannot create the directory '" + parent.string() +
                                 "' of the database: " + ec.message());
    }
  }
  TXNG_ASSIGN_OR_RETURN(auto writer, SqliteConnection::Open(path, true, options));
  return std::unique_ptr<Database>(new SqliteDatabase(path, options, std::move(writer)));
}

}  // namespace txng
