// Store: organisations, users and sessions.
#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

using store_internal::CreationTime;
using store_internal::FieldChanges;
using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::LoadById;
using store_internal::NotFound;
using store_internal::OnDuplicate;
using store_internal::OnMissingReference;

#define TXNG_ORGANISATION_COLUMNS                                       \
  "id, name, tax_code, kind, sector, district, address, phone, email, " \
  "gs1_company_prefix, gln, review_status, created_at, updated_at"
constexpr std::string_view kSelectOrganisations =
    "SELECT " TXNG_ORGANISATION_COLUMNS " FROM organisations";
constexpr std::string_view kSelectOrganisationById =
    "SELECT " TXNG_ORGANISATION_COLUMNS " FROM organisations WHERE id = $1";
constexpr std::string_view kOrganisationColumnList = TXNG_ORGANISATION_COLUMNS;
#undef TXNG_ORGANISATION_COLUMNS
constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (name, tax_code, kind, sector, district, address, phone, email, "
    "gs1_company_prefix, gln, review_status, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";
// Takes the row lock before the old values are read, so that the audited
// list of changed fields is exact under concurrent updates.
constexpr std::string_view kSelectCompanyPrefixes =
    "SELECT DISTINCT gs1_company_prefix FROM organisations WHERE gs1_company_prefix <> '' "
    "ORDER BY gs1_company_prefix";
constexpr std::string_view kLockOrganisation =
    "UPDATE organisations SET updated_at = updated_at WHERE id = $1";
constexpr std::string_view kUpdateOrganisation =
    "UPDATE organisations SET name = $2, tax_code = $3, kind = $4, sector = $5, district = $6, "
    "address = $7, phone = $8, email = $9, gs1_company_prefix = $10, gln = $11, "
    "review_status = $12, updated_at = $13 WHERE id = $1";

constexpr std::string_view kSelectUsers =
    "SELECT id, username, display_name, role, org_id, scope_sector, scope_district, "
    "password_hash, disabled, created_at, updated_at, must_change_password FROM users";
constexpr std::string_view kSelectUserById =
    "SELECT id, username, display_name, role, org_id, scope_sector, scope_district, "
    "password_hash, disabled, created_at, updated_at, must_change_password FROM users WHERE id = "
    "$1";
constexpr std::string_view kSelectUserByUsername =
    "SELECT id, username, display_name, role, org_id, scope_sector, scope_district, "
    "password_hash, disabled, created_at, updated_at, must_change_password FROM users WHERE "
    "username = $1";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (username, display_name, role, org_id, scope_sector, scope_district, "
    "password_hash, disabled, created_at, updated_at, must_change_password) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING id";
constexpr std::string_view kUpdateUserPassword =
    "UPDATE users SET password_hash = $2, updated_at = $3, must_change_password = $4 WHERE id = $1";
constexpr std::string_view kUpdateUserDisabled =
    "UPDATE users SET disabled = $2, updated_at = $3 WHERE id = $1";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, remote_addr, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kSelectLiveSession =
    "SELECT token_hash, user_id, csrf_token, remote_addr, created_at, expires_at FROM sessions "
    "WHERE token_hash = $1 AND expires_at > $2";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = $1";
constexpr std::string_view kDeleteOtherUserSessions =
    "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";
constexpr std::string_view kDeleteExpiredSessions = "DELETE FROM sessions WHERE expires_at <= $1";

Organisation OrganisationFromRow(const SqlRow& row) {
  Organisation o;
  o.id = row.Int(0);
  o.name = row.Text(1);
  o.tax_code = row.Text(2);
  o.kind = ParseOrgKind(row.Text(3)).value_or(OrgKind::kEnterprise);
  o.sector = row.Text(4);
  o.district = row.Text(5);
  o.address = row.Text(6);
  o.phone = row.Text(7);
  o.email = row.Text(8);
  o.gs1_company_prefix = row.Text(9);
  o.gln = row.Text(10);
  o.review_status = ParseReviewStatus(row.Text(11)).value_or(ReviewStatus::kDraft);
  o.created_at = row.Int(12);
  o.updated_at = row.Int(13);
  return o;
}

User UserFromRow(const SqlRow& row) {
  User u;
  u.id = row.Int(0);
  u.username = row.Text(1);
  u.display_name = row.Text(2);
  u.role = ParseRole(row.Text(3)).value_or(Role::kProducer);
  u.org_id = row.OptInt(4);
  u.scope_sector = row.Text(5);
  u.scope_district = row.Text(6);
  u.password_hash = row.Text(7);
  u.disabled = row.Int(8) != 0;
  u.created_at = row.Int(9);
  u.updated_at = row.Int(10);
  u.must_change_password = row.Int(11) != 0;
  return u;
}

Session SessionFromRow(const SqlRow& row) {
  Session s;
  s.token_hash = row.Text(0);
  s.user_id = row.Int(1);
  s.csrf_token = row.Text(2);
  s.remote_addr = row.Text(3);
  s.created_at = row.Int(4);
  s.expires_at = row.Int(5);
  return s;
}

Result<Organisation> LoadOrganisation(SqlConnection& c, int64_t id) {
  return LoadById(c, kSelectOrganisationById, "organisation", id, &OrganisationFromRow);
}

Result<User> LoadUser(SqlConnection& c, int64_t id) {
  return LoadById(c, kSelectUserById, "user", id, &UserFromRow);
}

Status DuplicateTaxCode(Status s, const Organisation& o) {
  return OnDuplicate(std::move(s),
                     "an organisation with tax code " + o.tax_code + " already exists", "tax_code");
}

}  // namespace

Result<Organisation> Store::CreateOrganisation(const Organisation& o, const Actor& actor) {
  return InTransaction<Organisation>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Organisation> {
        Organisation out = o;
        const UnixMillis now = NowMillis();
        out.created_at = out.updated_at = CreationTime(o.created_at, now);
        Result<SqlResult> inserted = c.Run(
            kInsertOrganisation, {o.name, o.tax_code, std::string(ToString(o.kind)), o.sector,
                                  o.district, o.address, o.phone, o.email, o.gs1_company_prefix,
                                  o.gln, std::string(ToString(o.review_status)), out.created_at});
        if (!inserted.ok()) return DuplicateTaxCode(inserted.status(), o);
        out.id = inserted->rows.at(0).Int(0);
        AuditDetail detail;
        detail.Text("name", o.name).Text("kind", ToString(o.kind));
        if (!o.tax_code.empty()) detail.Text("tax_code", o.tax_code);
        TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "organisation.create", "organisation",
                                         std::to_string(out.id), detail.ToJson(), now));
        return out;
      });
}

Result<Organisation> Store::GetOrganisation(int64_t id) {
  return InTransaction<Organisation>(*db_, TxMode::kRead,
                                     [&](SqlConnection& c) { return LoadOrganisation(c, id); });
}

Result<Page<Organisation>> Store::ListOrganisations(const OrganisationFilter& f, PageRequest page) {
  store_internal::WhereClause where;
  if (f.kind) where.Equals("kind", std::string(ToString(*f.kind)));
  if (!f.district.empty()) where.Equals("district", f.district);
  if (!f.tax_code.empty()) where.Equals("tax_code", f.tax_code);
  if (!f.gln.empty()) where.Equals("gln", f.gln);
  if (f.review_status) where.Equals("review_status", std::string(ToString(*f.review_status)));
  return InTransaction<Page<Organisation>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return store_internal::ListPage<Organisation>(c, kSelectOrganisations, "organisations", where,
                                                  page, OrganisationFromRow);
  });
}

Result<std::vector<std::string>> Store::ListCompanyPrefixes() {
  return InTransaction<std::vector<std::string>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<std::string>> {
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kSelectCompanyPrefixes, {}));
        std::vector<std::string> out;
        out.reserve(r.rows.size());
        for (const SqlRow& row : r.rows) out.push_back(row.Text(0));
        return out;
      });
}

Result<Organisation> Store::UpdateOrganisation(const Organisation& o, const Actor& actor) {
  return InTransaction<Organisation>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Organisation> {
        TXNG_ASSIGN_OR_RETURN(SqlResult locked, c.Run(kLockOrganisation, {o.id}));
        if (locked.affected == 0) return NotFound("organisation", o.id);
        TXNG_ASSIGN_OR_RETURN(Organisation before, LoadOrganisation(c, o.id));
        const UnixMillis now = NowMillis();
        Result<SqlResult> updated = c.Run(
            kUpdateOrganisation, {o.id, o.name, o.tax_code, std::string(ToString(o.kind)), o.sector,
                                  o.district, o.address, o.phone, o.email, o.gs1_company_prefix,
                                  o.gln, std::string(ToString(o.review_status)), now});
        if (!updated.ok()) return DuplicateTaxCode(updated.status(), o);
        TXNG_RETURN_IF_ERROR(store_internal::RefreshProductSearchText(c, std::nullopt, o.id));
        FieldChanges changes;
        changes.Compare("name", before.name, o.name);
        changes.Compare("tax_code", before.tax_code, o.tax_code);
        changes.Compare("kind", before.kind, o.kind);
        changes.Compare("sector", before.sector, o.sector);
        changes.Compare("district", before.district, o.district);
        changes.Compare("address", before.address, o.address);
        changes.Compare("phone", before.phone, o.phone);
        changes.Compare("email", before.email, o.email);
        changes.Compare("gs1_company_prefix", before.gs1_company_prefix, o.gs1_company_prefix);
        changes.Compare("gln", before.gln, o.gln);
        changes.Compare("review_status", before.review_status, o.review_status);
        TXNG_RETURN_IF_ERROR(
            InsertAudit(c, actor, "organisation.update", "organisation", std::to_string(o.id),
                        AuditDetail().List("changed", changes.names()).ToJson(), now));
        return LoadOrganisation(c, o.id);
      });
}

Result<User> Store::CreateUser(const User& u, const Actor& actor) {
  return InTransaction<User>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<User> {
    User out = u;
    const UnixMillis now = NowMillis();
    out.created_at = out.updated_at = CreationTime(u.created_at, now);
    Result<SqlResult> inserted =
        c.Run(kInsertUser,
              {u.username, u.display_name, std::string(ToString(u.role)), SqlNullable(u.org_id),
               u.scope_sector, u.scope_district, u.password_hash, int64_t{u.disabled ? 1 : 0},
               out.created_at, int64_t{u.must_change_password ? 1 : 0}});
    if (!inserted.ok()) {
      Status s =
          OnDuplicate(inserted.status(), "the username '" + u.username + "' is taken", "username");
      return OnMissingReference(
          s, "organisation " + std::to_string(u.org_id.value_or(0)) + " not found");
    }
    out.id = inserted->rows.at(0).Int(0);
    AuditDetail detail;
    detail.Text("username", u.username).Text("role", ToString(u.role));
    if (u.org_id) detail.Int("org_id", *u.org_id);
    TXNG_RETURN_IF_ERROR(
        InsertAudit(c, actor, "user.create", "user", std::to_string(out.id), detail.ToJson(), now));
    return out;
  });
}

Result<User> Store::GetUser(int64_t id) {
  return InTransaction<User>(*db_, TxMode::kRead,
                             [&](SqlConnection& c) { return LoadUser(c, id); });
}

Result<User> Store::GetUserByUsername(const std::string& username) {
  return InTransaction<User>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<User> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kSelectUserByUsername, {username}));
    if (r.rows.empty()) return Status::NotFound("user '" + username + "' not found");
    return UserFromRow(r.rows[0]);
  });
}

Result<Page<User>> Store::ListUsers(PageRequest page) {
  return InTransaction<Page<User>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return store_internal::ListPage<User>(c, kSelectUsers, "users", store_internal::WhereClause(),
                                          page, UserFromRow);
  });
}

Status Store::SetUserPassword(int64_t user_id, const PasswordChange& change, const Actor& actor) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    const UnixMillis now = NowMillis();
    TXNG_ASSIGN_OR_RETURN(SqlResult updated,
                          c.Run(kUpdateUserPassword, {user_id, change.password_hash, now,
                                                      int64_t{change.must_change ? 1 : 0}}));
    if (updated.affected == 0) return NotFound("user", user_id);
    TXNG_ASSIGN_OR_RETURN(SqlResult ended, change.keep_session_hash.empty()
                                               ? c.Run(kDeleteUserSessions, {user_id})
                                               : c.Run(kDeleteOtherUserSessions,
                                                       {user_id, change.keep_session_hash}));
    return InsertAudit(c, actor, "user.passwd", "user", std::to_string(user_id),
                       AuditDetail()
                           .Int("sessions_ended", ended.affected)
                           .Bool("must_change", change.must_change)
                           .ToJson(),
                       now);
  });
}

Status Store::SetUserDisabled(int64_t user_id, bool disabled, const Actor& actor) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    const UnixMillis now = NowMillis();
    TXNG_ASSIGN_OR_RETURN(SqlResult updated,
                          c.Run(kUpdateUserDisabled, {user_id, int64_t{disabled ? 1 : 0}, now}));
    if (updated.affected == 0) return NotFound("user", user_id);
    TXNG_ASSIGN_OR_RETURN(SqlResult ended, c.Run(kDeleteUserSessions, {user_id}));
    return InsertAudit(
        c, actor, disabled ? "user.disable" : "user.enable", "user", std::to_string(user_id),
        AuditDetail().Bool("disabled", disabled).Int("sessions_ended", ended.affected).ToJson(),
        now);
  });
}

Status Store::CreateSession(const Session& s) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    Status status = c.Run(kInsertSession, {s.token_hash, s.user_id, s.csrf_token, s.remote_addr,
                                           s.created_at, s.expires_at})
                        .status();
    status =
        OnDuplicate(std::move(status), "a session with this token already exists", "token_hash");
    return OnMissingReference(std::move(status),
                              "user " + std::to_string(s.user_id) + " not found");
  });
}

Result<Session> Store::GetSession(const std::string& token_hash, UnixMillis now) {
  return InTransaction<Session>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Session> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kSelectLiveSession, {token_hash, now}));
    if (r.rows.empty()) return Status::NotFound("session not found or expired");
    return SessionFromRow(r.rows[0]);
  });
}

Status Store::DeleteSession(const std::string& token_hash) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) {
    return c.Run(kDeleteSession, {token_hash}).status();
  });
}

Result<int64_t> Store::DeleteExpiredSessions(UnixMillis now) {
  return InTransaction<int64_t>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<int64_t> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kDeleteExpiredSessions, {now}));
    return r.affected;
  });
}

Organisation store_internal::OrganisationFromSqlRow(const SqlRow& row) {
  return OrganisationFromRow(row);
}

std::string_view store_internal::OrganisationColumns() { return kOrganisationColumnList; }

}  // namespace txng
