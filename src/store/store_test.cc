// Store tests for the schema, organisations, users, sessions, API keys and
// the audit log, run against both backends.
#include "store/store.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

class AccountsTest : public StoreTest {
 protected:
  // The newest audit entry, or a default one when there is none.
  AuditEntry LastAudit() {
    auto page = store_->ListAudit({}, {.limit = 500});
    EXPECT_TRUE(IsOk(page));
    if (!page.ok() || page->items.empty()) return {};
    return page->items.back();
  }
};

TXNG_INSTANTIATE_BACKENDS(AccountsTest);

class SchemaTest : public BackendTest {};
TXNG_INSTANTIATE_BACKENDS(SchemaTest);

TEST_P(SchemaTest, MigratesFromEmptyAndAgainIdempotently) {
  auto db = test_db_->Open();
  ASSERT_TRUE(IsOk(db));
  Store store(std::move(db).value());
  auto before = store.SchemaVersion();
  ASSERT_TRUE(IsOk(before));
  EXPECT_EQ(*before, 0);
  EXPECT_TRUE(IsOk(store.Ping()));

  auto migrated = store.Migrate();
  ASSERT_TRUE(IsOk(migrated));
  EXPECT_EQ(*migrated, Store::LatestSchemaVersion());
  EXPECT_GE(Store::LatestSchemaVersion(), 1);
  EXPECT_EQ(*store.SchemaVersion(), Store::LatestSchemaVersion());

  auto again = store.Migrate();
  ASSERT_TRUE(IsOk(again));
  EXPECT_EQ(*again, Store::LatestSchemaVersion());

  Status recorded = store.db().Transact(TxMode::kRead, [](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult r,
                          c.Run("SELECT version, name, applied_at FROM schema_migrations"));
    EXPECT_EQ(r.rows.size(), static_cast<size_t>(Store::LatestSchemaVersion()));
    EXPECT_EQ(r.rows.at(0).Int(0), 1);
    EXPECT_EQ(r.rows.at(0).Text(1), "init");
    EXPECT_GT(r.rows.at(0).Int(2), 0);
    return Status::Ok();
  });
  EXPECT_TRUE(IsOk(recorded));
  auto empty = store.IsEmpty();
  ASSERT_TRUE(IsOk(empty));
  EXPECT_TRUE(*empty);
}

TEST_P(SchemaTest, ProcessesStartingTogetherMigrateOnce) {
  constexpr int kStarters = 4;
  std::vector<std::thread> threads;
  std::vector<Result<int>> results(kStarters, Status::Internal("not run"));
  for (int i = 0; i < kStarters; ++i) {
    threads.emplace_back([&, i] {
      auto db = test_db_->Open();
      if (!db.ok()) {
        results[i] = db.status();
        return;
      }
      Store store(std::move(db).value());
      results[i] = store.Migrate();
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_TRUE(IsOk(r));
    EXPECT_EQ(*r, Store::LatestSchemaVersion());
  }
}

TEST_P(SchemaTest, RefusesADatabaseNewerThanTheBinary) {
  auto db = test_db_->Open();
  ASSERT_TRUE(IsOk(db));
  Store store(std::move(db).value());
  ASSERT_TRUE(IsOk(store.Migrate()));
  ASSERT_TRUE(IsOk(store.db().Transact(TxMode::kWrite, [](SqlConnection& c) {
    return c.Run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'x', 1)")
        .status();
  })));
  auto again = store.Migrate();
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("999"), std::string::npos);
}

TEST_P(AccountsTest, IsEmptyUntilAnOrganisationOrUserExists) {
  EXPECT_TRUE(*store_->IsEmpty());
  MakeUser("admin");
  EXPECT_FALSE(*store_->IsEmpty());
}

TEST_P(AccountsTest, CreatesGetsAndUpdatesOrganisations) {
  Organisation o = NewOrganisation("HTX Điều Bình Phước", "3801234567");
  o.address = "Phường Tân Phú, Đồng Xoài";
  o.gs1_company_prefix = "8930001";
  o.gln = "8930001000007";
  auto created = store_->CreateOrganisation(o, Admin());
  ASSERT_TRUE(IsOk(created));
  EXPECT_GT(created->id, 0);
  EXPECT_GT(created->created_at, 0);
  EXPECT_EQ(created->created_at, created->updated_at);

  auto got = store_->GetOrganisation(created->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->name, "HTX Điều Bình Phước");
  EXPECT_EQ(got->tax_code, "3801234567");
  EXPECT_EQ(got->kind, OrgKind::kCooperative);
  EXPECT_EQ(got->district, "Đồng Xoài");
  EXPECT_EQ(got->address, o.address);
  EXPECT_EQ(got->gs1_company_prefix, "8930001");
  EXPECT_EQ(got->gln, "8930001000007");
  EXPECT_EQ(got->review_status, ReviewStatus::kDraft);
  EXPECT_EQ(got->created_at, created->created_at);

  Organisation changed = *got;
  changed.phone = "0271 3879 999";
  changed.review_status = ReviewStatus::kApproved;
  auto updated = store_->UpdateOrganisation(changed, Admin());
  ASSERT_TRUE(IsOk(updated));
  EXPECT_EQ(updated->phone, "0271 3879 999");
  EXPECT_EQ(updated->review_status, ReviewStatus::kApproved);
  EXPECT_EQ(updated->created_at, created->created_at);
  EXPECT_GE(updated->updated_at, created->updated_at);

  AuditEntry audit = LastAudit();
  EXPECT_EQ(audit.action, "organisation.update");
  EXPECT_EQ(audit.entity, "organisation");
  EXPECT_EQ(audit.entity_id, std::to_string(created->id));
  EXPECT_EQ(audit.detail, R"({"changed":["phone","review_status"]})");

  auto missing = store_->GetOrganisation(9999);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "organisation 9999 not found");
  Organisation ghost = changed;
  ghost.id = 9999;
  EXPECT_EQ(store_->UpdateOrganisation(ghost, Admin()).status().code(), StatusCode::kNotFound);
}

TEST_P(AccountsTest, TaxCodesAreUniqueOnlyWhenSet) {
  MakeOrganisation("A", "3800000001");
  MakeOrganisation("Hộ ông Ba");
  MakeOrganisation("Hộ bà Tư");  // a second empty tax code is fine
  const int64_t orgs = CountRows("organisations");
  const int64_t audits = CountRows("audit_log");

  auto duplicate = store_->CreateOrganisation(NewOrganisation("B", "3800000001"), Admin());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "tax_code");
  EXPECT_EQ(duplicate.status().message(),
            "an organisation with tax code 3800000001 already exists");
  EXPECT_EQ(CountRows("organisations"), orgs);
  EXPECT_EQ(CountRows("audit_log"), audits);

  Organisation other = MakeOrganisation("C", "3800000002");
  other.tax_code = "3800000001";
  auto clash = store_->UpdateOrganisation(other, Admin());
  EXPECT_EQ(clash.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(clash.status().field(), "tax_code");
  EXPECT_EQ(store_->GetOrganisation(other.id)->tax_code, "3800000002");
}

TEST_P(AccountsTest, ListsOrganisationsWithFiltersPagingAndTotal) {
  for (int i = 0; i < 7; ++i) {
    Organisation o = NewOrganisation("Org " + std::to_string(i), "380000000" + std::to_string(i));
    o.kind = i % 2 == 0 ? OrgKind::kEnterprise : OrgKind::kHousehold;
    o.district = i < 4 ? "Đồng Xoài" : "Bình Long";
    o.review_status = i == 6 ? ReviewStatus::kApproved : ReviewStatus::kDraft;
    if (i == 5) o.gln = "8930000000507";
    ASSERT_TRUE(IsOk(store_->CreateOrganisation(o, Admin())));
  }
  auto all = store_->ListOrganisations({}, {});
  ASSERT_TRUE(IsOk(all));
  EXPECT_EQ(all->total, 7);
  ASSERT_EQ(all->items.size(), 7u);
  for (size_t i = 1; i < all->items.size(); ++i) {
    EXPECT_LT(all->items[i - 1].id, all->items[i].id);
  }

  auto page = store_->ListOrganisations({}, {.limit = 3, .offset = 3});
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(page->total, 7);
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].name, "Org 3");

  auto enterprises = store_->ListOrganisations({.kind = OrgKind::kEnterprise}, {});
  EXPECT_EQ(enterprises->total, 4);
  auto binh_long = store_->ListOrganisations({.district = "Bình Long"}, {});
  EXPECT_EQ(binh_long->total, 3);
  auto both = store_->ListOrganisations({.kind = OrgKind::kEnterprise, .district = "Bình Long"},
                                        {.limit = 1});
  EXPECT_EQ(both->total, 2);
  EXPECT_EQ(both->items.size(), 1u);
  auto by_tax_code = store_->ListOrganisations({.tax_code = "3800000006"}, {});
  ASSERT_TRUE(IsOk(by_tax_code));
  ASSERT_EQ(by_tax_code->items.size(), 1u);
  EXPECT_EQ(by_tax_code->items[0].name, "Org 6");
  auto by_gln = store_->ListOrganisations({.gln = "8930000000507"}, {});
  ASSERT_TRUE(IsOk(by_gln));
  ASSERT_EQ(by_gln->items.size(), 1u);
  EXPECT_EQ(by_gln->items[0].name, "Org 5");
  auto approved = store_->ListOrganisations({.review_status = ReviewStatus::kApproved}, {});
  ASSERT_EQ(approved->items.size(), 1u);
  EXPECT_EQ(approved->items[0].name, "Org 6");

  // Limits are clamped to 1..500, offsets past the end give an empty page.
  EXPECT_EQ(store_->ListOrganisations({}, {.limit = 0})->items.size(), 1u);
  EXPECT_EQ(store_->ListOrganisations({}, {.limit = 100000})->items.size(), 7u);
  auto beyond = store_->ListOrganisations({}, {.limit = 10, .offset = 50});
  EXPECT_TRUE(beyond->items.empty());
  EXPECT_EQ(beyond->total, 7);
}

TEST_P(AccountsTest, ListsDistinctCompanyPrefixes) {
  ASSERT_TRUE(IsOk(store_->ListCompanyPrefixes()));
  EXPECT_TRUE(store_->ListCompanyPrefixes()->empty());
  const char* prefixes[] = {"8930002", "", "8930001", "8930002"};
  for (int i = 0; i < 4; ++i) {
    Organisation o = NewOrganisation("Org " + std::to_string(i));
    o.gs1_company_prefix = prefixes[i];
    ASSERT_TRUE(IsOk(store_->CreateOrganisation(o, Admin())));
  }
  auto listed = store_->ListCompanyPrefixes();
  ASSERT_TRUE(IsOk(listed));
  EXPECT_EQ(*listed, (std::vector<std::string>{"8930001", "8930002"}));
}

TEST_P(AccountsTest, CreatesAndFindsUsers) {
  Organisation org = MakeOrganisation("HTX", "1");
  User u = MakeUser("nguyen.van.a", Role::kProducer, org.id);
  EXPECT_GT(u.id, 0);
  auto by_id = store_->GetUser(u.id);
  ASSERT_TRUE(IsOk(by_id));
  EXPECT_EQ(by_id->username, "nguyen.van.a");
  EXPECT_EQ(by_id->role, Role::kProducer);
  EXPECT_EQ(by_id->org_id, org.id);
  EXPECT_FALSE(by_id->disabled);
  EXPECT_EQ(by_id->password_hash, u.password_hash);

  auto by_name = store_->GetUserByUsername("nguyen.van.a");
  ASSERT_TRUE(IsOk(by_name));
  EXPECT_EQ(by_name->id, u.id);
  EXPECT_EQ(store_->GetUserByUsername("Nguyen.Van.A").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetUser(12345).status().message(), "user 12345 not found");

  User officer = MakeUser("officer", Role::kOfficer);
  EXPECT_EQ(officer.org_id, std::nullopt);

  auto audit = LastAudit();
  EXPECT_EQ(audit.action, "user.create");
  EXPECT_EQ(audit.entity_id, std::to_string(officer.id));
  EXPECT_EQ(audit.detail, R"({"username":"officer","role":"officer"})");
  EXPECT_EQ(audit.actor, "system:test");
  EXPECT_EQ(audit.remote_addr, "cli");
}

TEST_P(AccountsTest, UsernamesAreUniqueAndReferencesChecked) {
  MakeUser("admin");
  const int64_t users = CountRows("users");
  const int64_t audits = CountRows("audit_log");
  User again;
  again.username = "admin";
  again.role = Role::kReviewer;
  auto duplicate = store_->CreateUser(again, Admin());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "username");

  User orphan;
  orphan.username = "orphan";
  orphan.role = Role::kProducer;
  orphan.org_id = 777;
  auto missing_org = store_->CreateUser(orphan, Admin());
  EXPECT_EQ(missing_org.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(missing_org.status().message(), "organisation 777 not found");

  User producer_without_org;
  producer_without_org.username = "lost";
  producer_without_org.role = Role::kProducer;
  EXPECT_EQ(store_->CreateUser(producer_without_org, Admin()).status().code(),
            StatusCode::kInvalidArgument);

  EXPECT_EQ(CountRows("users"), users);
  EXPECT_EQ(CountRows("audit_log"), audits);
}

TEST_P(AccountsTest, ListsUsersByPage) {
  for (int i = 0; i < 5; ++i) MakeUser("user" + std::to_string(i));
  auto page = store_->ListUsers({.limit = 2, .offset = 1});
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(page->total, 5);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].username, "user1");
  EXPECT_EQ(page->items[1].username, "user2");
}

Session NewSession(const std::string& token_hash, int64_t user_id, UnixMillis expires_at) {
  return Session{.token_hash = token_hash,
                 .user_id = user_id,
                 .csrf_token = "csrf-" + token_hash,
                 .remote_addr = "203.0.113.7",
                 .created_at = 1000,
                 .expires_at = expires_at};
}

TEST_P(AccountsTest, SessionsExpire) {
  User u = MakeUser("admin");
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("live", u.id, 5000))));
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("old", u.id, 2000))));

  auto live = store_->GetSession("live", 4999);
  ASSERT_TRUE(IsOk(live));
  EXPECT_EQ(live->user_id, u.id);
  EXPECT_EQ(live->csrf_token, "csrf-live");
  EXPECT_EQ(live->remote_addr, "203.0.113.7");
  EXPECT_EQ(live->created_at, 1000);
  EXPECT_EQ(live->expires_at, 5000);
  EXPECT_EQ(store_->GetSession("live", 5000).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetSession("old", 3000).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetSession("never", 0).status().code(), StatusCode::kNotFound);

  auto deleted = store_->DeleteExpiredSessions(3000);
  ASSERT_TRUE(IsOk(deleted));
  EXPECT_EQ(*deleted, 1);
  EXPECT_EQ(CountRows("sessions"), 1);

  EXPECT_TRUE(IsOk(store_->DeleteSession("live")));
  EXPECT_TRUE(IsOk(store_->DeleteSession("live")));  // logging out twice is harmless
  EXPECT_EQ(CountRows("sessions"), 0);

  EXPECT_EQ(store_->CreateSession(NewSession("x", 4242, 5000)).code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("dup", u.id, 5000))));
  EXPECT_EQ(store_->CreateSession(NewSession("dup", u.id, 6000)).code(),
            StatusCode::kAlreadyExists);
  // Sessions are audited by the caller (login/logout), not here.
  EXPECT_EQ(CountRows("audit_log"), 1);
}

TEST_P(AccountsTest, PasswordChangeAndDisablingEndSessions) {
  User u = MakeUser("producer");
  User other = MakeUser("other");
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("s1", u.id, 1LL << 50))));
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("s2", u.id, 1LL << 50))));
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("o1", other.id, 1LL << 50))));

  Store::PasswordChange reset;
  reset.password_hash = "$argon2id$new";
  reset.must_change = true;
  ASSERT_TRUE(IsOk(store_->SetUserPassword(u.id, reset, Admin())));
  EXPECT_EQ(store_->GetUser(u.id)->password_hash, "$argon2id$new");
  EXPECT_TRUE(store_->GetUser(u.id)->must_change_password);
  EXPECT_EQ(store_->GetSession("s1", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetSession("s2", 0).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(IsOk(store_->GetSession("o1", 0)));
  AuditEntry passwd = LastAudit();
  EXPECT_EQ(passwd.action, "user.passwd");
  EXPECT_EQ(passwd.entity_id, std::to_string(u.id));
  EXPECT_EQ(passwd.detail, R"({"sessions_ended":2,"must_change":true})");
  EXPECT_EQ(passwd.detail.find("argon2id"), std::string::npos);

  // The user's own change keeps the session it is made in.
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("s3", u.id, 1LL << 50))));
  ASSERT_TRUE(IsOk(store_->CreateSession(NewSession("s4", u.id, 1LL << 50))));
  Store::PasswordChange own;
  own.password_hash = "$argon2id$mine";
  own.keep_session_hash = "s3";
  ASSERT_TRUE(IsOk(store_->SetUserPassword(u.id, own, Admin())));
  EXPECT_FALSE(store_->GetUser(u.id)->must_change_password);
  EXPECT_TRUE(IsOk(store_->GetSession("s3", 0)));
  EXPECT_EQ(store_->GetSession("s4", 0).status().code(), StatusCode::kNotFound);

  ASSERT_TRUE(IsOk(store_->SetUserDisabled(other.id, true, Admin())));
  EXPECT_TRUE(store_->GetUser(other.id)->disabled);
  EXPECT_EQ(store_->GetSession("o1", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(LastAudit().action, "user.disable");
  ASSERT_TRUE(IsOk(store_->SetUserDisabled(other.id, false, Admin())));
  EXPECT_FALSE(store_->GetUser(other.id)->disabled);
  EXPECT_EQ(LastAudit().action, "user.enable");

  const int64_t audits = CountRows("audit_log");
  Store::PasswordChange any;
  any.password_hash = "x";
  EXPECT_EQ(store_->SetUserPassword(999, any, Admin()).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->SetUserDisabled(999, true, Admin()).code(), StatusCode::kNotFound);
  EXPECT_EQ(CountRows("audit_log"), audits);
}

ApiKey NewApiKey(const std::string& key_id, int64_t org_id, std::optional<int64_t> by) {
  return ApiKey{.key_id = key_id,
                .secret_hash = "hash-" + key_id,
                .org_id = org_id,
                .label = "ERP của HTX",
                .created_by = by};
}

TEST_P(AccountsTest, ApiKeysAreCreatedListedTouchedAndRevokedOnce) {
  Organisation org = MakeOrganisation("HTX", "1");
  Organisation other_org = MakeOrganisation("Other", "2");
  User u = MakeUser("boss", Role::kProducer, org.id);
  auto key = store_->CreateApiKey(NewApiKey("ab12cd", org.id, u.id), Admin());
  ASSERT_TRUE(IsOk(key));
  EXPECT_GT(key->id, 0);
  EXPECT_GT(key->created_at, 0);
  ASSERT_TRUE(IsOk(store_->CreateApiKey(NewApiKey("ef34gh", other_org.id, std::nullopt), Admin())));
  EXPECT_EQ(LastAudit().action, "apikey.create");

  auto found = store_->GetApiKeyByKeyId("ab12cd");
  ASSERT_TRUE(IsOk(found));
  EXPECT_EQ(found->id, key->id);
  EXPECT_EQ(found->secret_hash, "hash-ab12cd");
  EXPECT_EQ(found->label, "ERP của HTX");
  EXPECT_EQ(found->created_by, u.id);
  EXPECT_EQ(found->revoked_at, std::nullopt);
  EXPECT_EQ(found->last_used_at, std::nullopt);
  EXPECT_EQ(store_->GetApiKeyByKeyId("nope").status().code(), StatusCode::kNotFound);

  EXPECT_EQ(store_->ListApiKeys(std::nullopt)->size(), 2u);
  auto mine = store_->ListApiKeys(org.id);
  ASSERT_TRUE(IsOk(mine));
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].key_id, "ab12cd");

  ASSERT_TRUE(IsOk(store_->TouchApiKey(key->id, 123456)));
  EXPECT_EQ(store_->GetApiKeyByKeyId("ab12cd")->last_used_at, 123456);
  EXPECT_EQ(store_->TouchApiKey(999, 1).code(), StatusCode::kNotFound);

  const int64_t audits = CountRows("audit_log");
  ASSERT_TRUE(IsOk(store_->RevokeApiKey("ab12cd", Admin())));
  EXPECT_TRUE(store_->GetApiKeyByKeyId("ab12cd")->revoked_at.has_value());
  AuditEntry revoke = LastAudit();
  EXPECT_EQ(revoke.action, "apikey.revoke");
  EXPECT_EQ(revoke.entity, "api_key");
  EXPECT_EQ(revoke.entity_id, std::to_string(key->id));
  EXPECT_EQ(CountRows("audit_log"), audits + 1);

  Status twice = store_->RevokeApiKey("ab12cd", Admin());
  EXPECT_EQ(twice.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->RevokeApiKey("nope", Admin()).code(), StatusCode::kNotFound);
  EXPECT_EQ(CountRows("audit_log"), audits + 1);
}

TEST_P(AccountsTest, ApiKeyIdsAreUniqueAndOrganisationsMustExist) {
  Organisation org = MakeOrganisation("HTX", "1");
  ASSERT_TRUE(IsOk(store_->CreateApiKey(NewApiKey("k1", org.id, std::nullopt), Admin())));
  const int64_t keys = CountRows("api_keys");
  const int64_t audits = CountRows("audit_log");
  auto duplicate = store_->CreateApiKey(NewApiKey("k1", org.id, std::nullopt), Admin());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "key_id");
  auto orphan = store_->CreateApiKey(NewApiKey("k2", 31337, std::nullopt), Admin());
  EXPECT_EQ(orphan.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountRows("api_keys"), keys);
  EXPECT_EQ(CountRows("audit_log"), audits);
}

TEST_P(AccountsTest, AppendsAndFiltersAuditEntries) {
  Actor key_actor{.api_key_id = 5, .label = "apikey:ab12cd", .remote_addr = "198.51.100.2"};
  ASSERT_TRUE(IsOk(store_->AppendAudit(key_actor, "session.login", "user", "7", "")));
  Actor user_actor{.user_id = 7, .label = "user:admin", .remote_addr = "::1"};
  ASSERT_TRUE(IsOk(store_->AppendAudit(user_actor, "session.logout", "user", "7", R"({"a":1})")));
  ASSERT_TRUE(IsOk(store_->AppendAudit(user_actor, "product.export", "product", "", "{}")));

  auto all = store_->ListAudit({}, {});
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->total, 3);
  const AuditEntry& first = all->items[0];
  EXPECT_GT(first.at, 0);
  EXPECT_EQ(first.user_id, std::nullopt);
  EXPECT_EQ(first.api_key_id, 5);
  EXPECT_EQ(first.actor, "apikey:ab12cd");
  EXPECT_EQ(first.remote_addr, "198.51.100.2");
  EXPECT_EQ(first.action, "session.login");
  EXPECT_EQ(first.detail, "{}");
  EXPECT_EQ(all->items[1].detail, R"({"a":1})");

  EXPECT_EQ(store_->ListAudit({.entity = "user"}, {})->total, 2);
  EXPECT_EQ(store_->ListAudit({.entity = "user", .entity_id = "7"}, {})->total, 2);
  EXPECT_EQ(store_->ListAudit({.entity_id = "8"}, {})->total, 0);
  auto by_user = store_->ListAudit({.user_id = 7}, {.limit = 1});
  EXPECT_EQ(by_user->total, 2);
  ASSERT_EQ(by_user->items.size(), 1u);
  EXPECT_EQ(by_user->items[0].action, "session.logout");
}

}  // namespace
}  // namespace txng
