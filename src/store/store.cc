// Store: schema, health, the audit log, and the helpers every entity file
// shares (store_internal.h).
#include "store/store.h"

#include <algorithm>

#include "store/audit_detail.h"
#include "store/migrations.h"
#include "store/store_internal.h"

namespace txng {
namespace store_internal {
namespace {

constexpr std::string_view kInsertAudit =
    "INSERT INTO audit_log (at, user_id, api_key_id, actor, remote_addr, action, entity, "
    "entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

constexpr int kMaxPageLimit = 500;

}  // namespace

PageRequest ClampPage(PageRequest page) {
  page.limit = std::clamp(page.limit, 1, kMaxPageLimit);
  page.offset = std::max(page.offset, 0);
  return page;
}

void WhereClause::Equals(std::string_view column, SqlValue value) {
  Compare(column, "=", std::move(value));
}

void WhereClause::Compare(std::string_view column, std::string_view op, SqlValue value) {
  params_.push_back(std::move(value));
  sql_ += sql_.empty() ? " WHERE " : " AND ";
  sql_ += column;
  sql_ += " ";
  sql_ += op;
  sql_ += " $" + std::to_string(params_.size());
}

std::vector<SqlValue> WhereClause::Params(std::initializer_list<SqlValue> extra) const {
  std::vector<SqlValue> out = params_;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

std::string WhereClause::ExtraPlaceholder(size_t k) const {
  return "$" + std::to_string(params_.size() + k);
}

Status ForEachRowIn(SqlConnection& c, std::string_view head, std::string_view tail,
                    const std::vector<SqlValue>& fixed, const std::vector<SqlValue>& values,
                    const std::function<Status(const SqlRow&)>& on_row) {
  constexpr size_t kChunk = 256;
  for (size_t start = 0; start < values.size(); start += kChunk) {
    const size_t n = std::min(kChunk, values.size() - start);
    size_t width = 1;
    while (width < n) width *= 2;
    std::string sql(head);
    sql += "(";
    std::vector<SqlValue> params = fixed;
    for (size_t i = 0; i < width; ++i) {
      params.push_back(values[start + std::min(i, n - 1)]);
      sql += (i > 0 ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
    sql += tail;
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, params));
    for (const SqlRow& row : r.rows) TXNG_RETURN_IF_ERROR(on_row(row));
  }
  return Status::Ok();
}

Status InsertAudit(SqlConnection& c, const Actor& actor, std::string_view action,
                   std::string_view entity, std::string_view entity_id, std::string_view detail,
                   UnixMillis at) {
  return c
      .Run(kInsertAudit, {at, SqlNullable(actor.user_id), SqlNullable(actor.api_key_id),
                          actor.label, actor.remote_addr, std::string(action), std::string(entity),
                          std::string(entity_id), std::string(detail.empty() ? "{}" : detail)})
      .status();
}

Status OnDuplicate(Status status, std::string message, std::string field) {
  if (status.code() != StatusCode::kAlreadyExists) return status;
  return Status::AlreadyExists(std::move(message), std::move(field));
}

Status OnMissingReference(Status status, std::string message) {
  if (status.code() != StatusCode::kFailedPrecondition) return status;
  return Status::FailedPrecondition(std::move(message));
}

Status NotFound(std::string_view entity, int64_t id) {
  return Status::NotFound(std::string(entity) + " " + std::to_string(id) + " not found");
}

Status ApplyReview(SqlConnection& c, std::string_view update_sql, std::string_view entity,
                   int64_t id, const ReviewDecision& d, const Actor& actor) {
  if (d.status == ReviewStatus::kRejected && d.reason.empty()) {
    return Status::InvalidArgument("a rejection needs a reason the producer can act on", "reason");
  }
  const bool decided = d.status == ReviewStatus::kApproved || d.status == ReviewStatus::kRejected;
  const UnixMillis now = NowMillis();
  TXNG_ASSIGN_OR_RETURN(
      SqlResult updated,
      c.Run(update_sql, {id, std::string(ToString(d.status)), decided ? d.reason : std::string(),
                         decided ? SqlNullable(d.reviewer) : SqlValue(),
                         decided ? SqlValue(now) : SqlValue(), now}));
  if (updated.affected == 0) return NotFound(entity, id);
  AuditDetail detail;
  detail.Text("status", ToString(d.status));
  if (decided && !d.reason.empty()) detail.Text("reason", d.reason);
  const std::string action =
      std::string(entity) + (d.status == ReviewStatus::kPending ? ".submit" : ".review");
  return InsertAudit(c, actor, action, entity, std::to_string(id), detail.ToJson(), now);
}

}  // namespace store_internal

namespace {

using store_internal::InTransaction;

constexpr std::string_view kPing = "SELECT 1";
// Two cheap probes rather than COUNT(*), which scans on PostgreSQL.
constexpr std::string_view kAnyOrganisationOrUser =
    "SELECT (SELECT COUNT(*) FROM (SELECT id FROM organisations LIMIT 1) o) + "
    "(SELECT COUNT(*) FROM (SELECT id FROM users LIMIT 1) u)";
constexpr std::string_view kSelectAudit =
    "SELECT id, at, user_id, api_key_id, actor, remote_addr, action, entity, entity_id, detail "
    "FROM audit_log";

AuditEntry AuditEntryFromRow(const SqlRow& row) {
  AuditEntry e;
  e.id = row.Int(0);
  e.at = row.Int(1);
  e.user_id = row.OptInt(2);
  e.api_key_id = row.OptInt(3);
  e.actor = row.Text(4);
  e.remote_addr = row.Text(5);
  e.action = row.Text(6);
  e.entity = row.Text(7);
  e.entity_id = row.Text(8);
  e.detail = row.Text(9);
  return e;
}

}  // namespace

Store::Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}
Store::~Store() = default;

Result<int> Store::Migrate() {
  TXNG_ASSIGN_OR_RETURN(int version, ApplyMigrations(*db_));
  TXNG_RETURN_IF_ERROR(BackfillProductSearchText());
  return version;
}

Result<int> Store::SchemaVersion() {
  const Dialect dialect = db_->dialect();
  return InTransaction<int>(*db_, TxMode::kRead,
                            [&](SqlConnection& c) { return ReadSchemaVersion(c, dialect); });
}

int Store::LatestSchemaVersion() {
  std::vector<Migration> migrations = MigrationsFor(Dialect::kSqlite);
  return migrations.empty() ? 0 : migrations.back().version;
}

Status Store::Ping() {
  return db_->Transact(TxMode::kRead, [](SqlConnection& c) { return c.Run(kPing).status(); });
}

Result<bool> Store::IsEmpty() {
  return InTransaction<bool>(*db_, TxMode::kRead, [](SqlConnection& c) -> Result<bool> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kAnyOrganisationOrUser));
    return r.rows.at(0).Int(0) == 0;
  });
}

Status Store::AppendAudit(const Actor& actor, const std::string& action, const std::string& entity,
                          const std::string& entity_id, const std::string& detail_json) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) {
    return store_internal::InsertAudit(c, actor, action, entity, entity_id, detail_json,
                                       NowMillis());
  });
}

Result<Page<AuditEntry>> Store::ListAudit(const AuditFilter& f, PageRequest page) {
  store_internal::WhereClause where;
  if (!f.entity.empty()) where.Equals("entity", f.entity);
  if (!f.entity_id.empty()) where.Equals("entity_id", f.entity_id);
  if (f.user_id) where.Equals("user_id", *f.user_id);
  if (!f.action.empty()) where.Equals("action", f.action);
  if (!f.actor.empty()) where.Equals("actor", f.actor);
  if (f.from) where.Compare("at", ">=", *f.from);
  if (f.to) where.Compare("at", "<", *f.to);
  return InTransaction<Page<AuditEntry>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return store_internal::ListPage<AuditEntry>(c, kSelectAudit, "audit_log", where, page,
                                                AuditEntryFromRow, f.newest_first);
  });
}

}  // namespace txng
