// Tests of `txng demo`: the province file parser, the plan and the generator
// writing into a fresh store (SQLite, and PostgreSQL when TXNG_TEST_PG_URL
// is set).
#include "service/demo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/embedded.h"
#include "gs1/check_digit.h"
#include "service/demo_plan.h"
#include "service/demo_province.h"
#include "service/demo_text.h"
#include "service/passwords.h"
#include "service/trace.h"
#include "store/store.h"
#include "store/test_database.h"

namespace txng {
namespace {

testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << s.ToString();
}
template <typename T>
testing::AssertionResult IsOk(const Result<T>& r) {
  return IsOk(r.status());
}

constexpr char kPassword[] = "demo-password-2025";
constexpr char kToday[] = "2025-06-30";

const std::vector<std::string> kDistricts = {"Đồng Xoài", "Bình Long", "Phước Long", "Chơn Thành",
                                             "Hớn Quản",  "Lộc Ninh",  "Bù Đốp",     "Bù Gia Mập",
                                             "Phú Riềng", "Bù Đăng",   "Đồng Phú"};

std::string EmbeddedProvince() {
  return std::string(FindEmbedded(EmbeddedDemo(), "binh-phuoc.toml").value_or(""));
}

DemoOptions Options(uint64_t seed = 7) {
  DemoOptions o;
  o.seed = seed;
  o.password = kPassword;
  o.today = kToday;
  return o;
}

// `text` with its only occurrence of `from` replaced by `to`.
std::string ReplaceOnce(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " occurs twice";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// 1-based line of the first occurrence of `needle`.
int LineOf(const std::string& text, std::string_view needle) {
  const size_t at = text.find(needle);
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
}

Status ParseError(const std::string& text) {
  return demo::ParseProvince(text, "binh-phuoc.toml").status();
}

// ---------------------------------------------------------------------------
// Text helpers.

TEST(DemoTextTest, FoldsVietnameseToAscii) {
  EXPECT_EQ(demo::FoldToAscii("Đồng Xoài, Bù Gia Mập – Hớn Quản"),
            "Dong Xoai, Bu Gia Map  Hon Quan");
  EXPECT_EQ(demo::AsciiSlug("Hưng Phát"), "hungphat");
  EXPECT_EQ(demo::AsciiInitials("Thịnh Điền"), "TD");
  // Decomposed input (base letter + combining marks) folds the same way.
  EXPECT_EQ(demo::FoldToAscii("Vie\xcc\xa3\xcc\x82t"), "Viet");
}

TEST(DemoTextTest, ChecksAndExpandsTemplates) {
  EXPECT_EQ(demo::CheckTemplate("Hạt điều {variant}, {pack}", {"variant", "pack"}), "");
  EXPECT_EQ(demo::CheckTemplate("Hạt điều {varient}", {"variant", "pack"}),
            "unknown placeholder {varient}; this field accepts {variant} {pack}");
  EXPECT_EQ(demo::CheckTemplate("Hạt điều {variant", {"variant"}), "'{' without a matching '}'");
  EXPECT_EQ(demo::CheckTemplate("Hạt điều variant}", {"variant"}), "'}' without a matching '{'");
  EXPECT_EQ(demo::ExpandTemplate("{a}-{b}-{a}", {{"a", "x"}, {"b", "ý"}}), "x-ý-x");
}

// ---------------------------------------------------------------------------
// The province file.

TEST(DemoProvinceTest, EmbeddedProvinceParses) {
  auto province = demo::ParseProvince(EmbeddedProvince(), "binh-phuoc.toml");
  ASSERT_TRUE(IsOk(province));
  EXPECT_EQ(province->name, "Bình Phước");
  std::vector<std::string> districts;
  for (const demo::District& d : province->districts) {
    districts.push_back(d.name);
    EXPECT_GE(d.latitude, 11.3);
    EXPECT_LE(d.latitude, 12.3);
    EXPECT_GE(d.longitude, 106.4);
    EXPECT_LE(d.longitude, 107.4);
  }
  EXPECT_EQ(districts, kDistricts);
  std::set<std::string> chains;
  for (const demo::Chain& c : province->chains) chains.insert(c.id);
  EXPECT_EQ(chains, (std::set<std::string>{"cashew", "pepper", "durian", "rubber", "ocop"}));
}

TEST(DemoProvinceTest, SyntaxErrorNamesLineAndColumn) {
  const Status s = ParseError("[province]\nname = \"Bình Phước\nunit = 1\n");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("binh-phuoc.toml:2:", 0), 0u) << s.message();
}

TEST(DemoProvinceTest, MissingKeyNamesTheTableAndKey) {
  const std::string text = ReplaceOnce(EmbeddedProvince(), "organisations = 5\n", "");
  const int line = LineOf(text, "id = \"cashew-processor\"") - 1;  // the [[chains.stages]] header
  const Status s = ParseError(text);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "binh-phuoc.toml:" + std::to_string(line) +
                             ":1: chains[0].stages[2].organisations: missing (required key)");
  EXPECT_EQ(s.field(), "chains[0].stages[2].organisations");
}

TEST(DemoProvinceTest, WrongTypeNamesLineColumnAndTypes) {
  const std::string text =
      ReplaceOnce(EmbeddedProvince(), "organisations = 5\n", "organisations = \"five\"\n");
  const Status s = ParseError(text);
  EXPECT_EQ(s.message(), "binh-phuoc.toml:" + std::to_string(LineOf(text, "\"five\"")) +
                             ":17: chains[0].stages[2].organisations: expected an integer, "
                             "found a string");
  EXPECT_EQ(s.field(), "chains[0].stages[2].organisations");
}

TEST(DemoProvinceTest, UnknownKeyIsAnError) {
  // A misspelt required key shows as missing; an extra one as unknown.
  const std::string misspelt =
      ReplaceOnce(EmbeddedProvince(), "organisations = 5\n", "organisation = 5\n");
  EXPECT_EQ(ParseError(misspelt).field(), "chains[0].stages[2].organisations");
  const std::string extra =
      ReplaceOnce(EmbeddedProvince(), "organisations = 5\n", "organisations = 5\ncolour = 1\n");
  const Status u = ParseError(extra);
  EXPECT_EQ(u.message(), "binh-phuoc.toml:" + std::to_string(LineOf(extra, "colour")) +
                             ":10: chains[0].stages[2].colour: unknown key (misspelt, or not "
                             "used at this place)");
}

TEST(DemoProvinceTest, CrossReferencesAreChecked) {
  const std::string province = EmbeddedProvince();
  struct Case {
    std::string from, to, message_part;
  };
  const Case cases[] = {
      {"districts = [\"Đồng Xoài\", \"Chơn Thành\"]", "districts = [\"Đồng Xoái\", \"Chơn Thành\"]",
       "chains[0].stages[4].districts: unknown district 'Đồng Xoái' (not in [[districts]])"},
      {"products = [\"cashew-kernel-bulk\"]", "products = [\"cashew-kernel\"]",
       "chains[0].stages[2].products: unknown product template 'cashew-kernel'"},
      {"name_vi = \"Nhân hạt điều {variant}, {pack}\"", "name_vi = \"Nhân hạt điều {varient}\"",
       "products[2].name_vi: unknown placeholder {varient}; this field accepts {brand} "
       "{variant} {pack}"},
      {"name_vi = \"Hạt tiêu đen {variant}\"", "name_vi = \"Hạt tiêu đen {variant}, {pack}\"",
       "products[6].name_vi: unknown placeholder {pack}; this field accepts {brand} {variant}"},
      {"products_per_org = [5, 6]", "products_per_org = [5, 10]",
       "chains[0].stages[2].products_per_org: asks for up to 10 distinct products, but its "
       "templates have only 9 variant and pack combinations"},
      {"role = \"reviewer\"", "role = \"officer\"",
       "authorities: no user has role 'reviewer'; one is needed to review the demo records"},
      {"username = \"officer.nn\"", "username = \"reviewer\"",
       "authorities[1].users[0].username: 'reviewer' is used twice"},
      {"company_prefixes = [\"8936000\", \"8936999\"]",
       "company_prefixes = [\"8936000\", \"8936010\"]",
       "gs1.company_prefixes: the range holds 11 prefixes, fewer than the 44 producer "
       "organisations of the chains"},
      {"lot_prefix = \"NH\"", "lot_prefix = \"nh\"",
       "products[2].lot_prefix: must be 1 to 8 upper-case letters or digits"},
      {"within = \"factory\", extension = \"KHO\" },\n]\n\n[[chains.stages]]\nid = "
       "\"cashew-packer\"",
       "within = \"shop\", extension = \"KHO\" },\n]\n\n[[chains.stages]]\nid = "
       "\"cashew-packer\"",
       "chains[0].stages[2].locations[1].within: needs an earlier location of kind 'shop'"},
  };
  for (const Case& c : cases) {
    const Status s = ParseError(ReplaceOnce(province, c.from, c.to));
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.to;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos)
        << "got: " << s.message() << "\nwant: " << c.message_part;
    EXPECT_EQ(s.message().rfind("binh-phuoc.toml:", 0), 0u) << s.message();
  }
}

// ---------------------------------------------------------------------------
// The plan (no database).

demo::Plan PlanOrDie(uint64_t seed) {
  auto province = demo::ParseProvince(EmbeddedProvince(), "binh-phuoc.toml");
  EXPECT_TRUE(IsOk(province));
  const std::chrono::sys_days today{std::chrono::year(2025) / 6 / 30};
  auto plan = demo::PlanProvince(*province, seed, today);
  EXPECT_TRUE(IsOk(plan));
  return plan.ok() ? std::move(plan).value() : demo::Plan{};
}

std::vector<std::string> Gtins(const demo::Plan& plan) {
  std::vector<std::string> out;
  for (const auto& p : plan.products) out.push_back(p.record.gtin);
  return out;
}

TEST(DemoPlanTest, SameSeedSamePlanOtherSeedOtherPlan) {
  const demo::Plan a = PlanOrDie(42);
  const demo::Plan b = PlanOrDie(42);
  const demo::Plan c = PlanOrDie(43);
  EXPECT_EQ(Gtins(a), Gtins(b));
  ASSERT_EQ(a.organisations.size(), b.organisations.size());
  for (size_t i = 0; i < a.organisations.size(); ++i) {
    EXPECT_EQ(a.organisations[i].name, b.organisations[i].name);
    EXPECT_EQ(a.organisations[i].tax_code, b.organisations[i].tax_code);
  }
  ASSERT_EQ(a.lots.size(), b.lots.size());
  for (size_t i = 0; i < a.lots.size(); ++i) {
    EXPECT_EQ(a.lots[i].record.lot_code, b.lots[i].record.lot_code);
    EXPECT_EQ(a.lots[i].record.review_status, b.lots[i].record.review_status);
  }
  EXPECT_NE(Gtins(a), Gtins(c));
}

TEST(DemoPlanTest, LotsFollowTheirProductsReviewStateAndHarvest) {
  const demo::Plan plan = PlanOrDie(7);
  for (const demo::PlannedLot& l : plan.lots) {
    if (l.record.lot_code.rfind("RCN", 0) == 0) {  // raw cashew: harvested February to May
      const std::string month = l.record.production_date.substr(5, 2);
      EXPECT_TRUE(month >= "02" && month <= "05") << l.record.production_date;
    }
    const ReviewStatus product = plan.products[l.product].record.review_status;
    if (product != ReviewStatus::kApproved) {
      EXPECT_EQ(l.record.review_status,
                product == ReviewStatus::kPending ? ReviewStatus::kPending : ReviewStatus::kDraft)
          << l.record.lot_code;
    }
    EXPECT_LE(l.record.production_date, kToday);
  }
}

// ---------------------------------------------------------------------------
// The generator, on each backend.

// A migrated store on a fresh database per test, on SQLite and on the
// PostgreSQL server of TXNG_TEST_PG_URL (skipped when unset, failed when
// TXNG_REQUIRE_PG=1).
class DemoTest : public testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override {
    if (auto missing = MissingTestBackend(GetParam())) {
      if (PostgresRequired()) FAIL() << *missing << " (and TXNG_REQUIRE_PG=1)";
      GTEST_SKIP() << *missing;
    }
    store_ = NewStore();
    ASSERT_NE(store_, nullptr);
  }

  // Another migrated store on a database of its own, kept until the test ends.
  std::unique_ptr<Store> NewStore() {
    auto test_db = TestDatabase::Create(GetParam());
    EXPECT_TRUE(IsOk(test_db));
    if (!test_db.ok()) return nullptr;
    auto db = (*test_db)->Open();
    EXPECT_TRUE(IsOk(db));
    if (!db.ok()) return nullptr;
    databases_.push_back(std::move(test_db).value());
    auto store = std::make_unique<Store>(std::move(db).value());
    EXPECT_TRUE(IsOk(store->Migrate()));
    return store;
  }

  int64_t CountRows(const std::string& table) {
    int64_t n = -1;
    Status s = store_->db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run("SELECT COUNT(*) FROM " + table));
      n = r.rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(IsOk(s));
    return n;
  }

  template <typename T, typename ListFn>
  static std::vector<T> ReadAll(ListFn list) {
    std::vector<T> out;
    for (int offset = 0;; offset += 500) {
      auto page = list(PageRequest{.limit = 500, .offset = offset});
      EXPECT_TRUE(IsOk(page));
      if (!page.ok()) break;
      out.insert(out.end(), page->items.begin(), page->items.end());
      if (page->items.size() < 500) break;
    }
    return out;
  }
  static std::vector<Organisation> Organisations(Store& s) {
    return ReadAll<Organisation>([&](PageRequest p) { return s.ListOrganisations({}, p); });
  }
  static std::vector<User> Users(Store& s) {
    return ReadAll<User>([&](PageRequest p) { return s.ListUsers(p); });
  }
  static std::vector<Product> Products(Store& s) {
    return ReadAll<Product>([&](PageRequest p) { return s.ListProducts({}, p); });
  }
  static std::vector<Location> Locations(Store& s) {
    return ReadAll<Location>([&](PageRequest p) { return s.ListLocations({}, p); });
  }
  static std::vector<Lot> Lots(Store& s) {
    return ReadAll<Lot>([&](PageRequest p) { return s.ListLots({}, p); });
  }

  // Declared before store_ so that each store closes before its database goes.
  std::vector<std::unique_ptr<TestDatabase>> databases_;
  std::unique_ptr<Store> store_;
};
INSTANTIATE_TEST_SUITE_P(Backends, DemoTest,
                         testing::Values(TestBackend::kSqlite, TestBackend::kPostgres),
                         [](const testing::TestParamInfo<TestBackend>& info) {
                           return std::string(TestBackendName(info.param));
                         });

TEST_P(DemoTest, FillsAnEmptyDatabaseWithTheProvince) {
  DemoOptions options = Options();
  int64_t progress_calls = 0;
  DemoProgress last;
  options.progress = [&](const DemoProgress& p) {
    ++progress_calls;
    EXPECT_EQ(p.done, progress_calls);
    last = p;
  };
  DemoReport report;
  ASSERT_TRUE(IsOk(GenerateDemo(*store_, options, &report)));

  const std::vector<Organisation> orgs = Organisations(*store_);
  const std::vector<User> users = Users(*store_);
  const std::vector<Product> products = Products(*store_);
  const std::vector<Location> locations = Locations(*store_);
  const std::vector<Lot> lots = Lots(*store_);

  // The report tells what is in the store.
  EXPECT_EQ(report.province, "Bình Phước");
  EXPECT_EQ(report.organisations, static_cast<int64_t>(orgs.size()));
  EXPECT_EQ(report.users, static_cast<int64_t>(users.size()));
  EXPECT_EQ(report.products, static_cast<int64_t>(products.size()));
  EXPECT_EQ(report.locations, static_cast<int64_t>(locations.size()));
  EXPECT_EQ(report.lots, static_cast<int64_t>(lots.size()));
  EXPECT_EQ(report.approved + report.pending + report.rejected + report.draft,
            report.products + report.locations + report.lots);
  EXPECT_EQ(last.total,
            report.organisations + report.users + report.products + report.locations + report.lots);
  EXPECT_EQ(last.done, last.total);
  EXPECT_EQ(last.step, "lots");

  // Organisations: every kind, producers in all districts with unique tax
  // codes, GS1 company prefixes and GLNs.
  std::map<OrgKind, int> kinds;
  std::set<std::string> producer_districts, tax_codes, prefixes, glns, authority_names;
  std::map<int64_t, const Organisation*> by_id;
  for (const Organisation& o : orgs) {
    by_id[o.id] = &o;
    ++kinds[o.kind];
    if (o.kind == OrgKind::kAuthority) {
      authority_names.insert(o.name);
      continue;
    }
    producer_districts.insert(o.district);
    EXPECT_EQ(o.tax_code.size(), 10u) << o.name;
    EXPECT_EQ(o.tax_code.substr(0, 2), "38") << o.name;
    EXPECT_TRUE(tax_codes.insert(o.tax_code).second) << o.tax_code;
    EXPECT_EQ(o.gs1_company_prefix.size(), 7u);
    EXPECT_EQ(o.gs1_company_prefix.substr(0, 3), "893");
    EXPECT_TRUE(prefixes.insert(o.gs1_company_prefix).second) << o.gs1_company_prefix;
    EXPECT_TRUE(gs1::IsValidGln(o.gln)) << o.gln;
    EXPECT_EQ(o.gln.substr(0, 7), o.gs1_company_prefix);
    EXPECT_TRUE(glns.insert(o.gln).second) << o.gln;
    EXPECT_NE(o.address.find(o.district), std::string::npos) << o.address;
    EXPECT_NE(o.address.find("tỉnh Bình Phước"), std::string::npos) << o.address;
  }
  EXPECT_GE(orgs.size() - static_cast<size_t>(kinds[OrgKind::kAuthority]), 40u);
  EXPECT_GE(kinds[OrgKind::kEnterprise], 1);
  EXPECT_GE(kinds[OrgKind::kCooperative], 1);
  EXPECT_GE(kinds[OrgKind::kHousehold], 1);
  EXPECT_EQ(kinds[OrgKind::kAuthority], report.authorities);
  EXPECT_EQ(producer_districts, std::set<std::string>(kDistricts.begin(), kDistricts.end()));
  for (const char* name :
       {"Sở Khoa học và Công nghệ tỉnh Bình Phước",
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Phước", "Sở Công Thương tỉnh Bình Phước",
        "Sở Y tế tỉnh Bình Phước", "Ủy ban nhân dân thành phố Đồng Xoài",
        "Ủy ban nhân dân huyện Bù Gia Mập"}) {
    EXPECT_TRUE(authority_names.contains(name)) << name;
  }

  // Users: every role, the named staff accounts, one producer per producer.
  std::map<std::string, const User*> by_name;
  std::map<int64_t, int> producers_per_org;
  for (const User& u : users) {
    by_name[u.username] = &u;
    if (u.role == Role::kProducer) {
      ASSERT_TRUE(u.org_id.has_value()) << u.username;
      ++producers_per_org[*u.org_id];
    }
  }
  ASSERT_TRUE(by_name.contains("admin") && by_name.contains("reviewer") &&
              by_name.contains("officer.nn") && by_name.contains("officer.dongxoai"));
  EXPECT_EQ(by_name["admin"]->role, Role::kAdmin);
  EXPECT_EQ(by_name["reviewer"]->role, Role::kReviewer);
  EXPECT_EQ(by_id.at(*by_name["reviewer"]->org_id)->name,
            "Sở Khoa học và Công nghệ tỉnh Bình Phước");
  EXPECT_EQ(by_name["officer.nn"]->role, Role::kOfficer);
  EXPECT_EQ(by_name["officer.nn"]->scope_sector, "agriculture");
  EXPECT_EQ(by_name["officer.dongxoai"]->role, Role::kOfficer);
  EXPECT_EQ(by_name["officer.dongxoai"]->scope_district, "Đồng Xoài");
  EXPECT_TRUE(VerifyPassword(by_name["admin"]->password_hash, kPassword));
  EXPECT_TRUE(VerifyPassword(by_name["producer01"]->password_hash, kPassword));
  for (const Organisation& o : orgs) {
    if (o.kind != OrgKind::kAuthority) {
      EXPECT_EQ(producers_per_org[o.id], 1) << o.name;
    }
  }
  ASSERT_EQ(report.credentials.size(), users.size());
  EXPECT_EQ(report.credentials[0].username, "admin");
  EXPECT_EQ(report.credentials[0].password, kPassword);
  const int64_t reviewer_id = by_name["reviewer"]->id;

  // Products: valid GTIN-14s under their producer's prefix, OCOP ratings,
  // priority flags.
  std::set<std::string> gtins;
  std::set<int32_t> stars;
  std::set<std::string> priorities;
  std::map<ReviewStatus, int> product_states;
  for (const Product& p : products) {
    EXPECT_EQ(p.gtin.size(), 14u);
    EXPECT_EQ(gs1::NormalizeGtin(p.gtin), p.gtin) << p.gtin;
    EXPECT_TRUE(gs1::HasValidCheckDigit(p.gtin)) << p.gtin;
    EXPECT_EQ(p.gtin.substr(1, 7), by_id.at(p.org_id)->gs1_company_prefix) << p.gtin;
    EXPECT_TRUE(gtins.insert(p.gtin).second) << p.gtin;
    EXPECT_FALSE(p.name_vi.empty());
    EXPECT_FALSE(p.name_en.empty());
    EXPECT_EQ(p.name_vi.find('{'), std::string::npos) << p.name_vi;
    EXPECT_EQ(p.description.find('{'), std::string::npos) << p.description;
    EXPECT_EQ(p.standards.find('{'), std::string::npos) << p.standards;
    if (p.ocop_stars != 0) stars.insert(p.ocop_stars);
    if (!p.priority.empty()) priorities.insert(p.priority);
    ++product_states[p.review_status];
    if (p.review_status == ReviewStatus::kApproved) {
      EXPECT_EQ(p.reviewed_by, reviewer_id);
    }
    if (p.review_status == ReviewStatus::kRejected) {
      EXPECT_FALSE(p.review_reason.empty());
    }
  }
  EXPECT_GE(products.size(), 120u);
  EXPECT_EQ(stars, (std::set<int32_t>{3, 4, 5}));
  EXPECT_EQ(priorities, (std::set<std::string>{"key", "distinctive", "potential"}));
  for (ReviewStatus s : {ReviewStatus::kApproved, ReviewStatus::kPending, ReviewStatus::kRejected,
                         ReviewStatus::kDraft}) {
    EXPECT_GE(product_states[s], 1) << ToString(s);
  }
  EXPECT_GT(product_states[ReviewStatus::kApproved], static_cast<int>(products.size() * 3 / 4));
  // No GTIN-13 reads the same as a GLN.
  for (const Product& p : products) EXPECT_FALSE(glns.contains(p.gtin.substr(1))) << p.gtin;

  // Locations: valid GLNs, unique with their extension, inside the province,
  // every kind, codes for growing areas and packing houses.
  std::set<std::pair<std::string, std::string>> location_keys;
  std::set<LocationKind> location_kinds;
  std::map<ReviewStatus, int> location_states;
  int extensions = 0;
  for (const Location& l : locations) {
    EXPECT_TRUE(gs1::IsValidGln(l.gln)) << l.gln;
    EXPECT_EQ(l.gln.substr(0, 7), by_id.at(l.org_id)->gs1_company_prefix) << l.gln;
    EXPECT_TRUE(location_keys.insert({l.gln, l.gln_extension}).second) << l.gln;
    extensions += l.gln_extension.empty() ? 0 : 1;
    ASSERT_TRUE(l.latitude && l.longitude) << l.name;
    EXPECT_TRUE(*l.latitude >= 11.3 && *l.latitude <= 12.3) << l.name;
    EXPECT_TRUE(*l.longitude >= 106.4 && *l.longitude <= 107.4) << l.name;
    location_kinds.insert(l.kind);
    ++location_states[l.review_status];
    if (l.kind == LocationKind::kGrowingArea) {
      EXPECT_EQ(l.area_code.rfind("VN-BPTR-", 0), 0u) << l.area_code;
    }
    if (l.kind == LocationKind::kPackingHouse) {
      EXPECT_EQ(l.area_code.rfind("VN-BPDG-", 0), 0u) << l.area_code;
    }
  }
  EXPECT_EQ(location_kinds.size(), 6u);
  EXPECT_GE(extensions, 1);
  EXPECT_GE(location_states[ReviewStatus::kRejected], 1);
  EXPECT_GE(location_states[ReviewStatus::kPending], 1);

  // Lots: dates up to today, expiry after production, quantities with units.
  std::map<ReviewStatus, int> lot_states;
  for (const Lot& l : lots) {
    EXPECT_LE(l.production_date, kToday) << l.lot_code;
    if (!l.expiry_date.empty()) {
      EXPECT_GT(l.expiry_date, l.production_date) << l.lot_code;
    }
    ASSERT_TRUE(l.quantity.has_value());
    EXPECT_GT(*l.quantity, 0);
    EXPECT_FALSE(l.unit.empty());
    EXPECT_LE(l.lot_code.size(), 20u);
    ++lot_states[l.review_status];
  }
  EXPECT_GE(lots.size(), 2 * products.size());
  EXPECT_GE(lot_states[ReviewStatus::kRejected], 1);
  EXPECT_GE(lot_states[ReviewStatus::kApproved], static_cast<int>(lots.size() / 2));

  // Every write is attributed to the demo.
  AuditFilter product_audit;
  product_audit.entity = "product";
  auto audit = store_->ListAudit(product_audit, {.limit = 5, .offset = 0});
  ASSERT_TRUE(IsOk(audit));
  ASSERT_FALSE(audit->items.empty());
  EXPECT_EQ(audit->items[0].actor, "system:demo");
  EXPECT_EQ(audit->items[0].remote_addr, "cli");
}

TEST_P(DemoTest, ApprovedLotsWithAPlaceHaveTheirHarvestEvent) {
  ASSERT_TRUE(IsOk(GenerateDemo(*store_, Options(), nullptr)));
  int traced = 0;
  for (const Lot& lot : Lots(*store_)) {
    const bool expected = lot.review_status == ReviewStatus::kApproved && lot.location_id &&
                          !lot.production_date.empty();
    auto product = store_->GetProduct(lot.product_id);
    ASSERT_TRUE(IsOk(product));
    trace::TraceRequest r;
    r.root = "https://id.gs1.org/01/" + product->gtin + "/10/" + lot.lot_code;
    r.direction = trace::Direction::kBackward;
    auto answer = TraceIdentifier(*store_, r, Principal::Anonymous("127.0.0.1"));
    if (!expected) {
      EXPECT_EQ(answer.status().code(), StatusCode::kNotFound) << lot.lot_code;
      continue;
    }
    ASSERT_TRUE(IsOk(answer)) << lot.lot_code;
    const trace::Graph& g = answer->graph;
    ASSERT_TRUE(g.nodes[0].origin_event) << lot.lot_code;
    const trace::LineageEvent& harvest = g.events[*g.nodes[0].origin_event];
    EXPECT_EQ(harvest.biz_step, "https://ref.gs1.org/cbv/BizStep-commissioning");
    auto place = store_->GetLocation(*lot.location_id);
    ASSERT_TRUE(IsOk(place));
    EXPECT_TRUE(harvest.biz_location.starts_with("https://id.gs1.org/414/" + place->gln));
    // The public sees the place's name once the place is approved too.
    EXPECT_EQ(answer->names.at(harvest.biz_location).name_vi,
              place->review_status == ReviewStatus::kApproved ? place->name : "");
    ++traced;
  }
  EXPECT_GE(traced, 10);
}

TEST_P(DemoTest, SameSeedGivesTheSameGtins) {
  ASSERT_TRUE(IsOk(GenerateDemo(*store_, Options(11), nullptr)));
  std::unique_ptr<Store> other = NewStore();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(IsOk(GenerateDemo(*other, Options(11), nullptr)));

  const auto gtins = [](Store& s) {
    std::vector<std::string> out;
    for (const Product& p : Products(s)) out.push_back(p.gtin);
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<std::string> first = gtins(*store_);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, gtins(*other));
}

TEST_P(DemoTest, GeneratedPasswordsAreReportedAndWork) {
  DemoOptions options = Options();
  options.password.clear();
  DemoReport report;
  ASSERT_TRUE(IsOk(GenerateDemo(*store_, options, &report)));
  std::map<std::string, std::string> passwords;
  for (const DemoCredential& c : report.credentials) passwords[c.username] = c.password;
  EXPECT_GE(passwords["admin"].size(), 12u);
  EXPECT_NE(passwords["admin"], passwords["reviewer"]);
  EXPECT_EQ(passwords["producer01"], passwords["producer02"]);
  for (const char* name : {"admin", "officer.dongxoai", "producer02"}) {
    auto user = store_->GetUserByUsername(name);
    ASSERT_TRUE(IsOk(user));
    EXPECT_TRUE(VerifyPassword(user->password_hash, passwords[name])) << name;
  }
}

TEST_P(DemoTest, RefusesANonEmptyDatabaseAndChangesNothing) {
  Organisation o;
  o.name = "Hợp tác xã có sẵn";
  o.kind = OrgKind::kCooperative;
  Actor actor;
  actor.label = "test";
  ASSERT_TRUE(IsOk(store_->CreateOrganisation(o, actor)));
  const int64_t audit_before = CountRows("audit_log");

  const Status s = GenerateDemo(*store_, Options(), nullptr);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "the database is not empty (1 organisation, 0 users): txng demo only fills an empty "
            "database; use a new --db");
  EXPECT_EQ(CountRows("organisations"), 1);
  EXPECT_EQ(CountRows("users"), 0);
  EXPECT_EQ(CountRows("products"), 0);
  EXPECT_EQ(CountRows("audit_log"), audit_before);
}

TEST_P(DemoTest, BadProvinceOrOptionsChangeNothing) {
  DemoOptions options = Options();
  options.province_toml = "[province]\nname = 12\n";
  options.province_source = "mine.toml";
  Status s = GenerateDemo(*store_, options, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "mine.toml:2:8: province.name: expected a string, found an integer");

  options = Options();
  options.today = "2025-02-30";
  s = GenerateDemo(*store_, options, nullptr);
  EXPECT_EQ(s.message(), "today must be a calendar date written YYYY-MM-DD, not '2025-02-30'");
  EXPECT_EQ(s.field(), "today");

  options = Options();
  options.password = "short";
  s = GenerateDemo(*store_, options, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "password");

  auto empty = store_->IsEmpty();
  ASSERT_TRUE(IsOk(empty));
  EXPECT_TRUE(*empty);
  EXPECT_EQ(CountRows("audit_log"), 0);
}

}  // namespace
}  // namespace txng
