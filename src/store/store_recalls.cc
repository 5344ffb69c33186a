// Recalls: the recall, its impact set and its history (store/recalls.h).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::ClampPage;
using store_internal::FieldChanges;
using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::LoadById;
using store_internal::OnMissingReference;

std::string_view ToString(RecallSeverity s) {
  switch (s) {
    case RecallSeverity::kClassI:
      return "I";
    case RecallSeverity::kClassII:
      return "II";
    case RecallSeverity::kClassIII:
      return "III";
  }
  return "II";
}

std::optional<RecallSeverity> ParseRecallSeverity(std::string_view s) {
  for (RecallSeverity v :
       {RecallSeverity::kClassI, RecallSeverity::kClassII, RecallSeverity::kClassIII}) {
    if (ToString(v) == s) return v;
  }
  return std::nullopt;
}

std::string_view ToString(RecallStatus s) { return s == RecallStatus::kOpen ? "open" : "closed"; }

std::optional<RecallStatus> ParseRecallStatus(std::string_view s) {
  if (s == "open") return RecallStatus::kOpen;
  if (s == "closed") return RecallStatus::kClosed;
  return std::nullopt;
}

namespace {

constexpr std::string_view kColumns =
    "id, org_id, root_id, reason, severity, affected_from, affected_to, status, opened_by, "
    "opened_by_user, opened_at, updated_at, closed_by, closed_at, closing_note, item_count, "
    "items_truncated";
constexpr std::string_view kInsert =
    "INSERT INTO recalls (org_id, root_id, reason, severity, affected_from, affected_to, status, "
    "opened_by, opened_by_user, opened_at, updated_at, item_count, items_truncated) "
    "VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $9, $10, $11) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE recalls SET reason = $2, severity = $3, affected_from = $4, affected_to = $5, "
    "updated_at = $6, item_count = $7, items_truncated = $8 WHERE id = $1";
constexpr std::string_view kClose =
    "UPDATE recalls SET status = 'closed', closed_by = $2, closed_at = $3, closing_note = $4, "
    "updated_at = $3 WHERE id = $1";
constexpr std::string_view kDeleteItems = "DELETE FROM recall_items WHERE recall_id = $1";
constexpr std::string_view kInsertItem =
    "INSERT INTO recall_items (recall_id, position, identifier, kind, reach, depth, name, "
    "quantity, uom, holder, holder_name, location, location_name) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
constexpr std::string_view kItemColumns =
    "identifier, kind, reach, depth, name, quantity, uom, holder, holder_name, location, "
    "location_name";
constexpr std::string_view kInsertUpdate =
    "INSERT INTO recall_updates (recall_id, at, actor, user_id, action, changed, reason, "
    "severity, affected_from, affected_to, item_count, items_truncated, note) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
constexpr std::string_view kUpdateColumns =
    "id, recall_id, at, actor, user_id, action, changed, reason, severity, affected_from, "
    "affected_to, item_count, items_truncated, note";

// An empty date is NULL in the table.
SqlValue OptionalText(const std::string& s) { return s.empty() ? SqlValue() : SqlValue(s); }

Recall FromRow(const SqlRow& row) {
  Recall r;
  r.id = row.Int(0);
  r.org_id = row.Int(1);
  r.root_id = row.Text(2);
  r.reason = row.Text(3);
  r.severity = ParseRecallSeverity(row.Text(4)).value_or(RecallSeverity::kClassII);
  r.affected_from = row.IsNull(5) ? "" : row.Text(5);
  r.affected_to = row.IsNull(6) ? "" : row.Text(6);
  r.status = ParseRecallStatus(row.Text(7)).value_or(RecallStatus::kOpen);
  r.opened_by = row.Text(8);
  r.opened_by_user = row.OptInt(9);
  r.opened_at = row.Int(10);
  r.updated_at = row.Int(11);
  r.closed_by = row.IsNull(12) ? "" : row.Text(12);
  r.closed_at = row.OptInt(13);
  r.closing_note = row.Text(14);
  r.item_count = row.Int(15);
  r.items_truncated = row.Int(16) != 0;
  return r;
}

RecallItem ItemFromRow(const SqlRow& row) {
  RecallItem i;
  i.identifier = row.Text(0);
  i.kind = row.Text(1);
  i.reach = row.Text(2);
  i.depth = static_cast<int>(row.Int(3));
  i.name = row.Text(4);
  i.quantity = row.OptDouble(5);
  i.uom = row.Text(6);
  i.holder = row.Text(7);
  i.holder_name = row.Text(8);
  i.location = row.Text(9);
  i.location_name = row.Text(10);
  return i;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

std::vector<std::string> SplitNames(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < joined.size()) {
    size_t comma = joined.find(',', start);
    if (comma == std::string::npos) comma = joined.size();
    out.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

RecallUpdate UpdateFromRow(const SqlRow& row) {
  RecallUpdate u;
  u.id = row.Int(0);
  u.recall_id = row.Int(1);
  u.at = row.Int(2);
  u.actor = row.Text(3);
  u.user_id = row.OptInt(4);
  u.action = row.Text(5);
  u.changed = SplitNames(row.Text(6));
  u.reason = row.Text(7);
  u.severity = ParseRecallSeverity(row.Text(8)).value_or(RecallSeverity::kClassII);
  u.affected_from = row.IsNull(9) ? "" : row.Text(9);
  u.affected_to = row.IsNull(10) ? "" : row.Text(10);
  u.item_count = row.Int(11);
  u.items_truncated = row.Int(12) != 0;
  u.note = row.Text(13);
  return u;
}

const std::string& SelectById() {
  static const std::string sql = "SELECT " + std::string(kColumns) + " FROM recalls WHERE id = $1";
  return sql;
}

Status InsertItems(SqlConnection& c, int64_t recall_id, const std::vector<RecallItem>& items) {
  if (items.empty()) return Status::Ok();
  std::vector<std::vector<SqlValue>> rows;
  rows.reserve(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    const RecallItem& i = items[k];
    rows.push_back({recall_id, static_cast<int64_t>(k), i.identifier, i.kind, i.reach,
                    int64_t{i.depth}, i.name, SqlNullable(i.quantity), i.uom, i.holder,
                    i.holder_name, i.location, i.location_name});
  }
  return c.RunBatch(kInsertItem, rows).status();
}

// The history entry for `r` as it now stands.
Status InsertUpdate(SqlConnection& c, const Recall& r, const Actor& actor, std::string_view action,
                    const std::vector<std::string>& changed, const std::string& note,
                    UnixMillis at) {
  return c
      .Run(kInsertUpdate, {r.id, at, actor.label, SqlNullable(actor.user_id), std::string(action),
                           JoinNames(changed), r.reason, std::string(ToString(r.severity)),
                           OptionalText(r.affected_from), OptionalText(r.affected_to), r.item_count,
                           int64_t{r.items_truncated ? 1 : 0}, note})
      .status();
}

// The recall `id` for a change: kFailedPrecondition once closed.
Result<Recall> LoadOpen(SqlConnection& c, int64_t id) {
  TXNG_ASSIGN_OR_RETURN(Recall r, LoadById<Recall>(c, SelectById(), "recall", id, FromRow));
  if (r.status == RecallStatus::kClosed) {
    return Status::FailedPrecondition("recall " + std::to_string(id) + " is closed already");
  }
  return r;
}

}  // namespace

Result<Recall> Store::CreateRecall(const Recall& r, const std::vector<RecallItem>& items,
                                   const Actor& actor) {
  return InTransaction<Recall>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Recall> {
    Recall out = r;
    out.status = RecallStatus::kOpen;
    out.opened_by = actor.label;
    out.opened_by_user = actor.user_id;
    out.opened_at = out.updated_at = NowMillis();
    out.closed_by.clear();
    out.closed_at.reset();
    out.closing_note.clear();
    out.item_count = static_cast<int64_t>(items.size());
    Result<SqlResult> inserted =
        c.Run(kInsert, {r.org_id, r.root_id, r.reason, std::string(ToString(r.severity)),
                        OptionalText(r.affected_from), OptionalText(r.affected_to), out.opened_by,
                        SqlNullable(out.opened_by_user), out.opened_at, out.item_count,
                        int64_t{r.items_truncated ? 1 : 0}});
    if (!inserted.ok()) {
      return OnMissingReference(inserted.status(),
                                "organisation " + std::to_string(r.org_id) + " not found");
    }
    out.id = inserted->rows.at(0).Int(0);
    TXNG_RETURN_IF_ERROR(InsertItems(c, out.id, items));
    TXNG_RETURN_IF_ERROR(InsertUpdate(c, out, actor, "open", {}, "", out.opened_at));
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "recall.open", "recall", std::to_string(out.id),
                                     AuditDetail()
                                         .Int("org_id", out.org_id)
                                         .Text("root_id", out.root_id)
                                         .Text("severity", ToString(out.severity))
                                         .Int("items", out.item_count)
                                         .ToJson(),
                                     out.opened_at));
    return out;
  });
}

Result<Recall> Store::UpdateRecall(int64_t id, const RecallChange& change, const Actor& actor) {
  return InTransaction<Recall>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Recall> {
    TXNG_ASSIGN_OR_RETURN(const Recall before, LoadOpen(c, id));
    Recall out = before;
    out.reason = change.reason;
    out.severity = change.severity;
    out.affected_from = change.affected_from;
    out.affected_to = change.affected_to;
    out.item_count = static_cast<int64_t>(change.items.size());
    out.items_truncated = change.items_truncated;
    out.updated_at = NowMillis();
    FieldChanges changes;
    changes.Compare("reason", before.reason, out.reason);
    changes.Compare("severity", before.severity, out.severity);
    changes.Compare("affectedFrom", before.affected_from, out.affected_from);
    changes.Compare("affectedTo", before.affected_to, out.affected_to);
    changes.Compare("itemCount", before.item_count, out.item_count);
    TXNG_RETURN_IF_ERROR(
        c.Run(kUpdate, {id, out.reason, std::string(ToString(out.severity)),
                        OptionalText(out.affected_from), OptionalText(out.affected_to),
                        out.updated_at, out.item_count, int64_t{out.items_truncated ? 1 : 0}})
            .status());
    TXNG_RETURN_IF_ERROR(c.Run(kDeleteItems, {id}).status());
    TXNG_RETURN_IF_ERROR(InsertItems(c, id, change.items));
    TXNG_RETURN_IF_ERROR(
        InsertUpdate(c, out, actor, "update", changes.names(), "", out.updated_at));
    TXNG_RETURN_IF_ERROR(InsertAudit(
        c, actor, "recall.update", "recall", std::to_string(id),
        AuditDetail().List("changed", changes.names()).Int("items", out.item_count).ToJson(),
        out.updated_at));
    return out;
  });
}

Result<Recall> Store::CloseRecall(int64_t id, const std::string& note, const Actor& actor) {
  return InTransaction<Recall>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Recall> {
    TXNG_ASSIGN_OR_RETURN(Recall out, LoadOpen(c, id));
    out.status = RecallStatus::kClosed;
    out.closed_by = actor.label;
    out.closed_at = out.updated_at = NowMillis();
    out.closing_note = note;
    TXNG_RETURN_IF_ERROR(c.Run(kClose, {id, out.closed_by, *out.closed_at, note}).status());
    TXNG_RETURN_IF_ERROR(InsertUpdate(c, out, actor, "close", {"status"}, note, *out.closed_at));
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "recall.close", "recall", std::to_string(id),
                                     AuditDetail().Text("note", note).ToJson(), *out.closed_at));
    return out;
  });
}

Result<Recall> Store::GetRecall(int64_t id) {
  return InTransaction<Recall>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Recall> {
    return LoadById<Recall>(c, SelectById(), "recall", id, FromRow);
  });
}

Result<Page<Recall>> Store::ListRecalls(const RecallFilter& f, PageRequest page) {
  page = ClampPage(page);
  return InTransaction<Page<Recall>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Page<Recall>> {
        store_internal::WhereClause where;
        if (f.org_id) where.Equals("org_id", *f.org_id);
        if (f.status) where.Equals("status", std::string(ToString(*f.status)));
        const std::string sql = "SELECT " + std::string(kColumns) + " FROM recalls" + where.sql() +
                                " ORDER BY id DESC LIMIT " + where.ExtraPlaceholder(1) +
                                " OFFSET " + where.ExtraPlaceholder(2);
        TXNG_ASSIGN_OR_RETURN(
            SqlResult rows, c.Run(sql, where.Params({int64_t{page.limit}, int64_t{page.offset}})));
        TXNG_ASSIGN_OR_RETURN(SqlResult count,
                              c.Run("SELECT COUNT(*) FROM recalls" + where.sql(), where.Params()));
        Page<Recall> out;
        out.total = count.rows.at(0).Int(0);
        for (const SqlRow& row : rows.rows) out.items.push_back(FromRow(row));
        return out;
      });
}

Result<Page<RecallItem>> Store::ListRecallItems(int64_t recall_id, PageRequest page) {
  page = ClampPage(page);
  return InTransaction<Page<RecallItem>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Page<RecallItem>> {
        TXNG_ASSIGN_OR_RETURN(Recall r,
                              LoadById<Recall>(c, SelectById(), "recall", recall_id, FromRow));
        static const std::string sql = "SELECT " + std::string(kItemColumns) +
                                       " FROM recall_items WHERE recall_id = $1 "
                                       "ORDER BY position LIMIT $2 OFFSET $3";
        TXNG_ASSIGN_OR_RETURN(SqlResult rows,
                              c.Run(sql, {recall_id, int64_t{page.limit}, int64_t{page.offset}}));
        Page<RecallItem> out;
        out.total = r.item_count;
        for (const SqlRow& row : rows.rows) out.items.push_back(ItemFromRow(row));
        return out;
      });
}

Result<std::vector<RecallUpdate>> Store::ListRecallUpdates(int64_t recall_id) {
  return InTransaction<std::vector<RecallUpdate>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<RecallUpdate>> {
        TXNG_RETURN_IF_ERROR(
            LoadById<Recall>(c, SelectById(), "recall", recall_id, FromRow).status());
        static const std::string sql = "SELECT " + std::string(kUpdateColumns) +
                                       " FROM recall_updates WHERE recall_id = $1 ORDER BY id";
        TXNG_ASSIGN_OR_RETURN(SqlResult rows, c.Run(sql, {recall_id}));
        std::vector<RecallUpdate> out;
        for (const SqlRow& row : rows.rows) out.push_back(UpdateFromRow(row));
        return out;
      });
}

Result<std::vector<RecallCover>> Store::FindOpenRecalls(const RecallCoverQuery& q) {
  return InTransaction<std::vector<RecallCover>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<RecallCover>> {
        std::vector<RecallCover> out;
        std::vector<SqlValue> params;
        std::string match;
        for (const std::string& id : q.identifiers) {
          params.push_back(id);
          match += (match.empty() ? "i.identifier IN ($" : ", $") + std::to_string(params.size());
        }
        if (!match.empty()) match += ")";
        if (!q.identifier_prefix.empty()) {
          // substr rather than LIKE: identifiers may hold '%' and '_', and
          // SQLite's LIKE ignores letter case.
          params.push_back(q.identifier_prefix);
          params.push_back(static_cast<int64_t>(q.identifier_prefix.size()));
          match += std::string(match.empty() ? "" : " OR ") + "substr(i.identifier, 1, $" +
                   std::to_string(params.size()) + ") = $" + std::to_string(params.size() - 1);
        }
        if (match.empty()) return out;
        const std::string sql =
            "SELECT DISTINCT r.id, i.identifier FROM recalls r "
            "JOIN recall_items i ON i.recall_id = r.id "
            "WHERE r.status = 'open' AND (" +
            match + ") ORDER BY r.id DESC, i.identifier";
        TXNG_ASSIGN_OR_RETURN(SqlResult rows, c.Run(sql, params));
        std::map<int64_t, size_t> index;  // recall id → position in out
        for (const SqlRow& row : rows.rows) {
          const int64_t id = row.Int(0);
          auto [it, fresh] = index.emplace(id, out.size());
          if (fresh) {
            if (out.size() == 50) break;
            TXNG_ASSIGN_OR_RETURN(Recall r,
                                  LoadById<Recall>(c, SelectById(), "recall", id, FromRow));
            out.push_back(RecallCover{std::move(r), {}});
          }
          std::vector<std::string>& ids = out[it->second].identifiers;
          if (ids.size() < 20) ids.push_back(row.Text(1));
        }
        // In byte order, whatever the database's collation.
        for (RecallCover& cover : out)
          std::sort(cover.identifiers.begin(), cover.identifiers.end());
        return out;
      });
}

}  // namespace txng
