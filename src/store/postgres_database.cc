#include "store/postgres_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <functional>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/connection_pool.h"
#include "store/database_url.h"

namespace txng {
namespace {

constexpr size_t kMaxCachedStatements = 512;
// Runs sent by RunBatch before reading their answers (see there).
constexpr size_t kPipelineDepth = 256;

// Type OIDs (catalog/pg_type_d.h, which ships with the server headers only).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* res) const { PQclear(res); }
};
using ConnHandle = std::unique_ptr<PGconn, ConnCloser>;
using ResultHandle = std::unique_ptr<PGresult, ResultClearer>;

// Lets the statement cache be searched by string_view without a copy.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

// "Key (gln, gln_extension)=(...) already exists." -> "gln,gln_extension".
std::string KeyColumns(std::string_view detail) {
  size_t open = detail.find("Key (");
  if (open == std::string_view::npos) return {};
  size_t close = detail.find(")=", open);
  if (close == std::string_view::npos) return {};
  std::string columns;
  for (char ch : detail.substr(open + 5, close - open - 5)) {
    if (ch != ' ') columns += ch;
  }
  return columns;
}

bool IsUnavailableState(std::string_view state) {
  return (state.starts_with("08") && state != "08P01") ||             // connection exception
         state == "57P01" || state == "57P02" || state == "57P03" ||  // shutdown, cannot connect
         state == "53300" ||                                          // too many connections
         state == "55P03" ||                                          // lock_timeout
         state == "40001" || state == "40P01";  // serialization failure, deadlock
}

// Maps a failed result (or a missing one) to the Status contract of SqlConnection.
Status StatusFromPg(PGconn* conn, const PGresult* res, std::string_view sql) {
  if (PQstatus(conn) != CONNECTION_OK) {
    return Status::Unavailable("lost the connection to PostgreSQL: " +
                               Trimmed(PQerrorMessage(conn)));
  }
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) return Status::Internal("postgresql: " + Trimmed(PQerrorMessage(conn)));
  const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
  std::string message = primary ? primary : "error";
  if (detail != nullptr) message += std::string(": ") + detail;
  const std::string_view code = state;
  if (code == "23505") {
    return Status::AlreadyExists("duplicate key: " + message, KeyColumns(detail ? detail : ""));
  }
  if (code == "23503") {
    return Status::FailedPrecondition("a referenced record does not exist: " + message);
  }
  if (code == "23514" || code == "23502") {
    return Status::InvalidArgument("value rejected by the schema: " + message);
  }
  if (IsUnavailableState(code)) {
    return Status::Unavailable("postgresql unavailable (" + std::string(code) + "): " + message);
  }
  return Status::Internal("postgresql " + std::string(code) + ": " + message +
                          " (in: " + std::string(sql.substr(0, 200)) + ")");
}

// Text form of a parameter, as PostgreSQL parses it for any numeric type.
std::string ParamText(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? end : buf);
}

SqlValue ConvertValue(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return std::monostate();
  const char* text = PQgetvalue(res, row, col);
  const size_t size = PQgetlength(res, row, col);
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      int64_t v = 0;
      std::from_chars(text, text + size, v);
      return v;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      std::from_chars(text, text + size, v);
      return v;
    }
    case kBoolOid:
      return int64_t{text[0] == 't' ? 1 : 0};
    default:
      return std::string(text, size);
  }
}

class PgConnection final : public SqlConnection {
 public:
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& url,
                                                    const DatabaseOptions& options) {
    // Defaults first: with expand_dbname the URL's own settings override them.
    const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                              nullptr};
    const char* values[] = {"10", "txng", "UTF8", url.c_str(), nullptr};
    ConnHandle conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
    if (conn == nullptr) return Status::Unavailable("cannot allocate a PostgreSQL connection");
    if (PQstatus(conn.get()) != CONNECTION_OK) {
      return Status::Unavailable("cannot connect to " + RedactPostgresUrl(url) + ": " +
                                 Trimmed(PQerrorMessage(conn.get())));
    }
    // Notices ("relation already exists, skipping") are not errors and
    // would otherwise be printed on stderr by libpq.
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);
    auto pg = std::unique_ptr<PgConnection>(new PgConnection(std::move(conn)));
    // The PostgreSQL counterpart of SQLite's busy timeout.
    TXNG_RETURN_IF_ERROR(pg->Exec("SET lock_timeout = " + std::to_string(options.busy_timeout_ms)));
    return pg;
  }

  Result<SqlResult> Run(std::string_view sql, std::span<const SqlValue> params) override {
    TXNG_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(sql));
    TXNG_RETURN_IF_ERROR(CheckParamCount(*prepared, sql, params.size()));
    const ParamTexts texts(params);
    ResultHandle res(PQexecPrepared(conn_.get(), prepared->name.c_str(),
                                    static_cast<int>(params.size()), texts.values.data(), nullptr,
                                    nullptr, /*resultFormat=*/0));
    return ResultOf(res.get(), sql);
  }

  // Sends the runs in pipelines of kPipelineDepth, each ended by a sync whose
  // answer is read before the next is sent: the server's answers to one
  // pipeline stay well below what the socket buffers hold, so neither side
  // blocks on a full buffer while the other is still writing. Inside the
  // caller's BEGIN a sync does not commit.
  Result<std::vector<SqlResult>> RunBatch(std::string_view sql,
                                          std::span<const std::vector<SqlValue>> rows) override {
    TXNG_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(sql));
    for (const std::vector<SqlValue>& row : rows) {
      TXNG_RETURN_IF_ERROR(CheckParamCount(*prepared, sql, row.size()));
    }
    std::vector<SqlResult> results;
    results.reserve(rows.size());
    for (size_t first = 0; first < rows.size(); first += kPipelineDepth) {
      const size_t count = std::min(kPipelineDepth, rows.size() - first);
      TXNG_RETURN_IF_ERROR(RunPipeline(*prepared, sql, rows.subspan(first, count), results));
    }
    return results;
  }

  Status ExecScript(std::string_view sql) override { return Exec(std::string(sql)); }

  // Runs `sql` (one or more statements, no parameters) with the simple protocol.
  Status Exec(const std::string& sql) {
    ResultHandle res(PQexec(conn_.get(), sql.c_str()));
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return StatusFromPg(conn_.get(), res.get(), sql);
    }
    return Status::Ok();
  }

  // COMMIT, which PostgreSQL answers with "ROLLBACK" (and no error) when a
  // statement of the transaction failed.
  Status Commit() {
    ResultHandle res(PQexec(conn_.get(), "COMMIT"));
    if (res == nullptr || PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return StatusFromPg(conn_.get(), res.get(), "COMMIT");
    }
    if (std::string_view(PQcmdStatus(res.get())) == "ROLLBACK") {
      return Status::Internal("the transaction was rolled back: a statement in it had failed");
    }
    return Status::Ok();
  }

  bool Broken() const { return PQstatus(conn_.get()) != CONNECTION_OK; }
  bool InTransaction() const { return PQtransactionStatus(conn_.get()) != PQTRANS_IDLE; }

 private:
  explicit PgConnection(ConnHandle conn) : conn_(std::move(conn)) {}

  struct Prepared {
    std::string name;
    int params = 0;
  };

  // The text form of parameters as libpq sends them; `values` point into
  // `texts` and into the parameters themselves, which must outlive it.
  struct ParamTexts {
    explicit ParamTexts(std::span<const SqlValue> params)
        : texts(params.size()), values(params.size(), nullptr) {
      for (size_t i = 0; i < params.size(); ++i) {
        const SqlValue& v = params[i];
        if (const auto* n = std::get_if<int64_t>(&v)) {
          texts[i] = std::to_string(*n);
        } else if (const auto* d = std::get_if<double>(&v)) {
          texts[i] = ParamText(*d);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
          values[i] = s->c_str();
          continue;
        } else {
          continue;  // NULL
        }
        values[i] = texts[i].c_str();
      }
    }
    std::vector<std::string> texts;
    std::vector<const char*> values;
  };

  static Status CheckParamCount(const Prepared& prepared, std::string_view sql, size_t count) {
    if (prepared.params == static_cast<int>(count)) return Status::Ok();
    return Status::Internal("statement takes " + std::to_string(prepared.params) +
                            " parameters, got " + std::to_string(count) +
                            " (in: " + std::string(sql.substr(0, 200)) + ")");
  }

  // The rows and count of a statement's result, or its error.
  Result<SqlResult> ResultOf(PGresult* res, std::string_view sql) {
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      return StatusFromPg(conn_.get(), res, sql);
    }
    SqlResult result;
    const int rows = PQntuples(res);
    const int cols = PQnfields(res);
    result.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<SqlValue> values_of_row;
      values_of_row.reserve(cols);
      for (int c = 0; c < cols; ++c) values_of_row.push_back(ConvertValue(res, r, c));
      result.rows.emplace_back(std::move(values_of_row));
    }
    // PQcmdTuples also counts the rows of a SELECT; only writes "affect" rows.
    if (!std::string_view(PQcmdStatus(res)).starts_with("SELECT")) {
      std::string_view count = PQcmdTuples(res);
      std::from_chars(count.data(), count.data() + count.size(), result.affected);
    }
    return result;
  }

  // One pipeline: sends every run and a sync, then reads every answer up to
  // the sync's, whatever failed, so that the connection leaves pipeline mode
  // with nothing pending. Appends the results to `results`.
  Status RunPipeline(const Prepared& prepared, std::string_view sql,
                     std::span<const std::vector<SqlValue>> rows, std::vector<SqlResult>& results) {
    PGconn* conn = conn_.get();
    if (PQenterPipelineMode(conn) != 1) return StatusFromPg(conn, nullptr, sql);
    size_t sent = 0;
    Status status;
    for (const std::vector<SqlValue>& row : rows) {
      const ParamTexts texts(row);
      if (PQsendQueryPrepared(conn, prepared.name.c_str(), static_cast<int>(row.size()),
                              texts.values.data(), nullptr, nullptr, /*resultFormat=*/0) != 1) {
        status = StatusFromPg(conn, nullptr, sql);
        break;
      }
      ++sent;
    }
    if (PQpipelineSync(conn) != 1) {
      // Nothing more can be read; the connection is not reused (Broken() or
      // still inside its transaction).
      return status.ok() ? StatusFromPg(conn, nullptr, sql) : status;
    }
    for (size_t i = 0; i < sent; ++i) {
      // Each run's result, then a null that ends it. A run after a failed
      // one answers PGRES_PIPELINE_ABORTED.
      while (PGresult* raw = PQgetResult(conn)) {
        ResultHandle res(raw);
        if (!status.ok() || PQresultStatus(raw) == PGRES_PIPELINE_ABORTED) continue;
        Result<SqlResult> result = ResultOf(raw, sql);
        if (!result.ok()) {
          status = result.status();
          continue;
        }
        results.push_back(std::move(result).value());
      }
    }
    ResultHandle sync(PQgetResult(conn));
    if (sync == nullptr || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) {
      return status.ok() ? StatusFromPg(conn, sync.get(), sql) : status;
    }
    if (PQexitPipelineMode(conn) != 1 && status.ok()) status = StatusFromPg(conn, nullptr, sql);
    return status;
  }

  // The statement prepared for `sql` on this connection.
  Result<const Prepared*> Prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
    // SQL texts are constants, so the cache stays small; a caller that builds
    // texts with values inside would grow it without end, so it is bounded.
    if (statements_.size() >= kMaxCachedStatements) {
      TXNG_RETURN_IF_ERROR(Exec("DEALLOCATE ALL"));
      statements_.clear();
    }
    Prepared prepared;
    prepared.name = "txng_" + std::to_string(++statements_prepared_);
    std::string text(sql);
    ResultHandle res(PQprepare(conn_.get(), prepared.name.c_str(), text.c_str(), 0, nullptr));
    if (res == nullptr || PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return StatusFromPg(conn_.get(), res.get(), sql);
    }
    // The parameter count lets Run() refuse a wrong number of values itself
    // instead of as a protocol error from the server.
    ResultHandle description(PQdescribePrepared(conn_.get(), prepared.name.c_str()));
    if (description == nullptr || PQresultStatus(description.get()) != PGRES_COMMAND_OK) {
      return StatusFromPg(conn_.get(), description.get(), sql);
    }
    prepared.params = PQnparams(description.get());
    return &statements_.emplace(std::move(text), std::move(prepared)).first->second;
  }

  ConnHandle conn_;
  std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> statements_;
  int64_t statements_prepared_ = 0;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, const DatabaseOptions& options)
      : url_(std::move(url)),
        description_(RedactPostgresUrl(url_)),
        max_begin_attempts_(options.pool_size + 1),
        pool_("PostgreSQL", options.pool_size,
              std::chrono::milliseconds(options.acquire_timeout_ms),
              [url = url_, options] { return PgConnection::Open(url, options); }) {}

  void Seed(std::unique_ptr<PgConnection> conn) { pool_.Seed(std::move(conn)); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Transact(TxMode mode, const std::function<Status(SqlConnection&)>& fn) override {
    // Read transactions see one snapshot across their statements, as on SQLite.
    const std::string begin =
        mode == TxMode::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN";
    // Idle connections may have died (server restart, idle timeout): a
    // connection that fails at BEGIN is replaced, since nothing has been
    // done on it yet. One more attempt than the pool has connections
    // reaches a freshly opened one.
    for (int attempt = 0;; ++attempt) {
      TXNG_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
      Status begun = conn->Exec(begin);
      if (!begun.ok()) {
        if (conn->Broken()) {
          conn.Discard();
          if (attempt < max_begin_attempts_) continue;
        }
        return begun;
      }
      // A connection that could not be brought back out of its transaction
      // (lost, or ROLLBACK failed), even when `fn` throws, is not reused.
      struct DiscardIfUnusable {
        ConnectionPool<PgConnection>::Lease& conn;
        ~DiscardIfUnusable() {
          if (conn->Broken() || conn->InTransaction()) conn.Discard();
        }
      } discard_if_unusable{conn};
      return RunInTransaction(*conn, fn);
    }
  }

  PoolStats Stats() const override { return pool_.Stats(); }
  std::string Describe() const override { return description_; }

 private:
  static Status RunInTransaction(PgConnection& conn,
                                 const std::function<Status(SqlConnection&)>& fn) {
    auto rollback = [&] {
      if (!conn.Broken() && conn.InTransaction()) (void)conn.Exec("ROLLBACK");
    };
    Status status;
    try {
      status = fn(conn);
    } catch (...) {
      rollback();
      throw;
    }
    if (status.ok()) status = conn.Commit();
    if (!status.ok()) rollback();
    return status;
  }

  const std::string url_;
  const std::string description_;
  const int max_begin_attempts_;
  ConnectionPool<PgConnection> pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& url,
                                                       const DatabaseOptions& options) {
  TXNG_ASSIGN_OR_RETURN(auto first, PgConnection::Open(url, options));
  auto db = std::make_unique<PostgresDatabase>(url, options);
  db->Seed(std::move(first));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace txng
