#include "service/demo_province.h"

#include <algorithm>
#include <set>
#include <utility>

#include "service/demo_text.h"
#include "service/toml_reader.h"

namespace txng::demo {
namespace {

// An error unless `text` is a {name} template accepting `allowed`.
Status CheckText(TomlTableReader& t, std::string_view key, const std::string& text,
                 const std::vector<std::string_view>& allowed) {
  const std::string problem = CheckTemplate(text, allowed);
  return problem.empty() ? Status::Ok() : t.Fail(t.Find(key), key, problem);
}

bool AllOf(std::string_view s, bool (*ok)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), ok);
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAlnum(char c) { return IsDigit(c) || (c >= 'A' && c <= 'Z'); }
bool IsUsernameChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '_' || c == '-';
}

// Turns the TOML document into a Province, checking names across sections
// (districts, product templates, location kinds) as it goes.
class ProvinceParser {
 public:
  ProvinceParser(std::string_view source, const toml::table& root)
      : root_(source, root, ""), source_(source) {}

  Result<Province> Parse() {
    TXNG_RETURN_IF_ERROR(ParseHeader());
    TXNG_RETURN_IF_ERROR(ParseGs1AndCodes());
    TXNG_RETURN_IF_ERROR(ParseReview());
    TXNG_RETURN_IF_ERROR(ParseNames());
    TXNG_RETURN_IF_ERROR(ParseDistricts());
    TXNG_RETURN_IF_ERROR(ParseAuthorities());
    TXNG_RETURN_IF_ERROR(ParseProducts());
    TXNG_RETURN_IF_ERROR(ParseChains());
    TXNG_RETURN_IF_ERROR(root_.Finish());
    TXNG_RETURN_IF_ERROR(CheckTotals());
    return std::move(p_);
  }

 private:
  Status ParseHeader() {
    std::optional<TomlTableReader> t;
    TXNG_RETURN_IF_ERROR(root_.Table("province", &t));
    TXNG_RETURN_IF_ERROR(t->String("name", &p_.name));
    TXNG_RETURN_IF_ERROR(t->String("name_en", &p_.name_en));
    TXNG_RETURN_IF_ERROR(t->String("unit", &p_.unit));
    TXNG_RETURN_IF_ERROR(t->String("tax_code_prefix", &p_.tax_code_prefix));
    if (!AllOf(p_.tax_code_prefix, IsDigit) || p_.tax_code_prefix.size() > 5) {
      return t->Fail(t->Find("tax_code_prefix"), "tax_code_prefix", "must be 1 to 5 digits");
    }
    TXNG_RETURN_IF_ERROR(t->String("phone_area_code", &p_.phone_area_code));
    if (!AllOf(p_.phone_area_code, IsDigit)) {
      return t->Fail(t->Find("phone_area_code"), "phone_area_code", "must be digits");
    }
    TXNG_RETURN_IF_ERROR(t->String("email_domain", &p_.email_domain));
    TXNG_RETURN_IF_ERROR(t->NumberPair("latitude", &p_.latitude_min, &p_.latitude_max, -90, 90));
    TXNG_RETURN_IF_ERROR(
        t->NumberPair("longitude", &p_.longitude_min, &p_.longitude_max, -180, 180));
    return t->Finish();
  }

  Status ParseGs1AndCodes() {
    std::optional<TomlTableReader> gs1;
    TXNG_RETURN_IF_ERROR(root_.Table("gs1", &gs1));
    std::vector<std::string> range;
    TXNG_RETURN_IF_ERROR(gs1->Strings("company_prefixes", &range));
    const toml::node* at = gs1->Find("company_prefixes");
    // The prefix plus at least two reference digits and the check digit make
    // a GTIN-13 or GLN.
    if (range.size() != 2 || range[0].size() != range[1].size() || range[0].size() < 6 ||
        range[0].size() > 10 || !AllOf(range[0], IsDigit) || !AllOf(range[1], IsDigit)) {
      return gs1->Fail(at, "company_prefixes",
                       "must be [first, last]: two GS1 company prefixes of 6 to 10 digits and "
                       "the same length");
    }
    p_.prefix_first = std::stoull(range[0]);
    p_.prefix_last = std::stoull(range[1]);
    p_.prefix_digits = static_cast<int>(range[0].size());
    if (p_.prefix_first > p_.prefix_last) {
      return gs1->Fail(at, "company_prefixes", "the first prefix must not exceed the last");
    }
    TXNG_RETURN_IF_ERROR(gs1->Finish());

    std::optional<TomlTableReader> codes;
    TXNG_RETURN_IF_ERROR(root_.Table("codes", &codes));
    TXNG_RETURN_IF_ERROR(codes->String("growing_area", &p_.growing_area_code));
    TXNG_RETURN_IF_ERROR(codes->String("packing_house", &p_.packing_house_code));
    return codes->Finish();
  }

  Status ParseReview() {
    std::optional<TomlTableReader> r;
    TXNG_RETURN_IF_ERROR(root_.Table("review", &r));
    TXNG_RETURN_IF_ERROR(r->Number("pending", &p_.pending_share, 0, 1));
    TXNG_RETURN_IF_ERROR(r->Number("rejected", &p_.rejected_share, 0, 1));
    TXNG_RETURN_IF_ERROR(r->Number("draft", &p_.draft_share, 0, 1));
    if (p_.pending_share + p_.rejected_share + p_.draft_share >= 1) {
      return r->Fail(nullptr, "", "pending + rejected + draft must stay below 1");
    }
    int64_t pending_orgs = 0;
    TXNG_RETURN_IF_ERROR(r->Int("pending_organisations", &pending_orgs, 0, 1000));
    p_.pending_organisations = static_cast<int>(pending_orgs);
    TXNG_RETURN_IF_ERROR(r->Strings("product_reasons", &p_.product_reasons));
    TXNG_RETURN_IF_ERROR(r->Strings("location_reasons", &p_.location_reasons));
    TXNG_RETURN_IF_ERROR(r->Strings("lot_reasons", &p_.lot_reasons));
    TXNG_RETURN_IF_ERROR(r->Finish());

    std::optional<TomlTableReader> ocop;
    TXNG_RETURN_IF_ERROR(root_.Table("ocop", &ocop));
    const toml::node* w = nullptr;
    TXNG_RETURN_IF_ERROR(ocop->Require("star_weights", &w));
    const toml::array* weights = w->as_array();
    if (weights == nullptr || weights->size() != 3) {
      return ocop->Mistyped(*w, "star_weights", "three weights [3 stars, 4 stars, 5 stars]");
    }
    int64_t total = 0;
    for (size_t i = 0; i < 3; ++i) {
      const toml::node& e = *weights->get(i);
      if (!e.is_integer() || e.as_integer()->get() < 0) {
        return ocop->Fail(&e, "star_weights", "weights are non-negative integers");
      }
      p_.star_weights[i] = e.as_integer()->get();
      total += p_.star_weights[i];
    }
    if (total == 0) return ocop->Fail(w, "star_weights", "at least one weight must be positive");
    TXNG_RETURN_IF_ERROR(ocop->Finish());

    std::optional<TomlTableReader> lots;
    TXNG_RETURN_IF_ERROR(root_.Table("lots", &lots));
    TXNG_RETURN_IF_ERROR(lots->IntRange("per_product", &p_.lots_min, &p_.lots_max, 0, 99, true));
    int64_t age = 0;
    TXNG_RETURN_IF_ERROR(lots->Int("max_age_days", &age, 0, 3650));
    p_.lot_max_age_days = static_cast<int>(age);
    return lots->Finish();
  }

  Status ParseNames() {
    std::optional<TomlTableReader> n;
    TXNG_RETURN_IF_ERROR(root_.Table("names", &n));
    TXNG_RETURN_IF_ERROR(n->Strings("family", &p_.family_names));
    TXNG_RETURN_IF_ERROR(n->Strings("middle_male", &p_.middle_names_male));
    TXNG_RETURN_IF_ERROR(n->Strings("middle_female", &p_.middle_names_female));
    TXNG_RETURN_IF_ERROR(n->Strings("given_male", &p_.given_names_male));
    TXNG_RETURN_IF_ERROR(n->Strings("given_female", &p_.given_names_female));
    TXNG_RETURN_IF_ERROR(n->Strings("brand_first", &p_.brand_first));
    TXNG_RETURN_IF_ERROR(n->Strings("brand_second", &p_.brand_second));
    TXNG_RETURN_IF_ERROR(n->Finish());

    std::optional<TomlTableReader> o;
    TXNG_RETURN_IF_ERROR(root_.Table("organisation_names", &o));
    const std::pair<std::string_view, std::vector<std::string>*> kinds[] = {
        {"enterprise", &p_.enterprise_names},
        {"cooperative", &p_.cooperative_names},
        {"household", &p_.household_names},
    };
    for (const auto& [key, names] : kinds) {
      TXNG_RETURN_IF_ERROR(o->Strings(key, names));
      for (const std::string& name : *names) {
        TXNG_RETURN_IF_ERROR(CheckText(*o, key, name, {"activity", "brand", "person", "district"}));
      }
    }
    TXNG_RETURN_IF_ERROR(o->Finish());

    std::optional<TomlTableReader> c;
    TXNG_RETURN_IF_ERROR(root_.Table("district_committee", &c));
    TXNG_RETURN_IF_ERROR(c->String("name", &p_.district_committee_name));
    TXNG_RETURN_IF_ERROR(CheckText(*c, "name", p_.district_committee_name, {"unit", "district"}));
    return c->Finish();
  }

  Status ParseStaffUser(TomlTableReader& t, StaffUser* u) {
    TXNG_RETURN_IF_ERROR(t.String("username", &u->username));
    if (!AllOf(u->username, IsUsernameChar)) {
      return t.Fail(t.Find("username"), "username", "may hold only a-z, 0-9, '.', '_' and '-'");
    }
    if (!usernames_.insert(u->username).second) {
      return t.Fail(t.Find("username"), "username", "'" + u->username + "' is used twice");
    }
    TXNG_RETURN_IF_ERROR(t.String("display_name", &u->display_name));
    return Status::Ok();
  }

  Status ParseDistricts() {
    std::vector<TomlTableReader> items;
    TXNG_RETURN_IF_ERROR(root_.Tables("districts", &items));
    for (TomlTableReader& t : items) {
      District d;
      TXNG_RETURN_IF_ERROR(t.String("name", &d.name));
      if (p_.FindDistrict(d.name) != nullptr) {
        return t.Fail(t.Find("name"), "name", "district '" + d.name + "' is listed twice");
      }
      TXNG_RETURN_IF_ERROR(t.String("unit", &d.unit));
      const toml::node* center = nullptr;
      TXNG_RETURN_IF_ERROR(t.Require("center", &center));
      double lat = 0, lon = 0;
      const toml::array* a = center->as_array();
      if (a == nullptr || a->size() != 2 || !a->get(0)->is_number() || !a->get(1)->is_number()) {
        return t.Mistyped(*center, "center", "a pair [latitude, longitude]");
      }
      lat = a->get(0)->value<double>().value_or(0);
      lon = a->get(1)->value<double>().value_or(0);
      if (lat < p_.latitude_min || lat > p_.latitude_max || lon < p_.longitude_min ||
          lon > p_.longitude_max) {
        return t.Fail(center, "center", "lies outside the province's latitude and longitude");
      }
      d.latitude = lat;
      d.longitude = lon;
      TXNG_RETURN_IF_ERROR(t.Strings("communes", &d.communes));
      TXNG_RETURN_IF_ERROR(t.Strings("roads", &d.roads, /*required=*/false, /*non_empty=*/false));
      std::optional<TomlTableReader> officer;
      TXNG_RETURN_IF_ERROR(t.Table("officer", &officer, /*required=*/false));
      if (officer) {
        StaffUser u;
        TXNG_RETURN_IF_ERROR(ParseStaffUser(*officer, &u));
        u.role = Role::kOfficer;
        u.scope_district = d.name;
        TXNG_RETURN_IF_ERROR(officer->Finish());
        d.officer = std::move(u);
      }
      TXNG_RETURN_IF_ERROR(t.Finish());
      p_.districts.push_back(std::move(d));
    }
    return Status::Ok();
  }

  Status KnownDistrict(TomlTableReader& t, std::string_view key, const std::string& name) {
    if (p_.FindDistrict(name) != nullptr) return Status::Ok();
    return t.Fail(t.Find(key), key, "unknown district '" + name + "' (not in [[districts]])");
  }

  Status ParseAuthorities() {
    std::vector<TomlTableReader> items;
    TXNG_RETURN_IF_ERROR(root_.Tables("authorities", &items));
    bool has_reviewer = false;
    for (TomlTableReader& t : items) {
      Authority a;
      TXNG_RETURN_IF_ERROR(t.String("name", &a.name));
      TXNG_RETURN_IF_ERROR(t.String("sector", &a.sector));
      TXNG_RETURN_IF_ERROR(t.String("district", &a.district));
      TXNG_RETURN_IF_ERROR(KnownDistrict(t, "district", a.district));
      std::vector<TomlTableReader> users;
      TXNG_RETURN_IF_ERROR(t.Tables("users", &users, /*required=*/false));
      for (TomlTableReader& ut : users) {
        StaffUser u;
        TXNG_RETURN_IF_ERROR(ParseStaffUser(ut, &u));
        std::string role;
        TXNG_RETURN_IF_ERROR(ut.String("role", &role));
        const std::optional<Role> parsed = ParseRole(role);
        if (!parsed || *parsed == Role::kProducer) {
          return ut.Fail(ut.Find("role"), "role",
                         "must be 'admin', 'reviewer' or 'officer' (producer accounts are "
                         "generated for each producer)");
        }
        u.role = *parsed;
        has_reviewer = has_reviewer || u.role == Role::kReviewer;
        TXNG_RETURN_IF_ERROR(ut.String("scope_sector", &u.scope_sector, /*required=*/false));
        TXNG_RETURN_IF_ERROR(ut.String("scope_district", &u.scope_district, /*required=*/false));
        if (!u.scope_district.empty()) {
          TXNG_RETURN_IF_ERROR(KnownDistrict(ut, "scope_district", u.scope_district));
        }
        TXNG_RETURN_IF_ERROR(ut.Finish());
        a.users.push_back(std::move(u));
      }
      TXNG_RETURN_IF_ERROR(t.Finish());
      p_.authorities.push_back(std::move(a));
    }
    if (!has_reviewer) {
      return root_.Fail(root_.Find("authorities"), "authorities",
                        "no user has role 'reviewer'; one is needed to review the demo records");
    }
    return Status::Ok();
  }

  // Variants or packs: strings (the same in both languages) or { vi, en }.
  Status ParseBilingualList(TomlTableReader& t, std::string_view key,
                            std::vector<BilingualText>* out) {
    out->clear();
    const toml::node* n = t.Find(key);
    if (n == nullptr) {
      out->push_back({});
      return Status::Ok();
    }
    const toml::array* a = n->as_array();
    if (a == nullptr || a->empty()) {
      return t.Fail(n, key, "expected a non-empty array of strings or { vi, en } tables");
    }
    for (size_t i = 0; i < a->size(); ++i) {
      const toml::node& e = *a->get(i);
      const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
      if (e.is_string()) {
        out->push_back({e.as_string()->get(), e.as_string()->get()});
      } else if (e.is_table()) {
        TomlTableReader et(source_, *e.as_table(), t.PathOf(item));
        BilingualText b;
        TXNG_RETURN_IF_ERROR(et.String("vi", &b.vi));
        TXNG_RETURN_IF_ERROR(et.String("en", &b.en));
        TXNG_RETURN_IF_ERROR(et.Finish());
        out->push_back(std::move(b));
      } else {
        return t.Mistyped(e, item, "a string or a { vi, en } table");
      }
    }
    return Status::Ok();
  }

  Status LocationKinds(TomlTableReader& t, std::string_view key, std::vector<LocationKind>* out) {
    std::vector<std::string> names;
    TXNG_RETURN_IF_ERROR(t.Strings(key, &names));
    for (const std::string& name : names) {
      const std::optional<LocationKind> kind = ParseLocationKind(name);
      if (!kind) return t.Fail(t.Find(key), key, UnknownLocationKind(name));
      out->push_back(*kind);
    }
    return Status::Ok();
  }

  static std::string UnknownLocationKind(const std::string& name) {
    return "unknown location kind '" + name +
           "' (farm, growing_area, packing_house, factory, warehouse or shop)";
  }

  Status HarvestMonths(TomlTableReader& t, std::vector<int>* out) {
    const toml::node* n = t.Find("harvest_months");
    if (n == nullptr) return Status::Ok();
    const toml::array* a = n->as_array();
    if (a == nullptr || a->empty()) {
      return t.Mistyped(*n, "harvest_months", "a non-empty array of months 1 to 12");
    }
    for (const toml::node& e : *a) {
      if (!e.is_integer() || e.as_integer()->get() < 1 || e.as_integer()->get() > 12) {
        return t.Fail(&e, "harvest_months", "months are integers from 1 to 12");
      }
      out->push_back(static_cast<int>(e.as_integer()->get()));
    }
    return Status::Ok();
  }

  Status ParseProducts() {
    std::vector<TomlTableReader> items;
    TXNG_RETURN_IF_ERROR(root_.Tables("products", &items));
    for (TomlTableReader& t : items) {
      ProductTemplate pt;
      TXNG_RETURN_IF_ERROR(t.String("id", &pt.id));
      for (const ProductTemplate& other : p_.products) {
        if (other.id == pt.id) {
          return t.Fail(t.Find("id"), "id", "product template '" + pt.id + "' is defined twice");
        }
      }
      TXNG_RETURN_IF_ERROR(t.String("category", &pt.category));
      TXNG_RETURN_IF_ERROR(ParseBilingualList(t, "variants", &pt.variants));
      TXNG_RETURN_IF_ERROR(ParseBilingualList(t, "packs", &pt.packs));
      // A template without variants (packs) cannot name them; names describe
      // the product itself, the producer and place are shown beside them.
      std::vector<std::string_view> name_vars = {"brand"};
      if (t.Find("variants") != nullptr) name_vars.push_back("variant");
      if (t.Find("packs") != nullptr) name_vars.push_back("pack");
      std::vector<std::string_view> description_vars = name_vars;
      description_vars.insert(description_vars.end(), {"org", "commune", "district", "province"});
      TXNG_RETURN_IF_ERROR(t.String("name_vi", &pt.name_vi));
      TXNG_RETURN_IF_ERROR(CheckText(t, "name_vi", pt.name_vi, name_vars));
      TXNG_RETURN_IF_ERROR(t.String("name_en", &pt.name_en));
      TXNG_RETURN_IF_ERROR(CheckText(t, "name_en", pt.name_en, name_vars));
      TXNG_RETURN_IF_ERROR(t.String("description", &pt.description));
      TXNG_RETURN_IF_ERROR(CheckText(t, "description", pt.description, description_vars));
      TXNG_RETURN_IF_ERROR(t.String("standards", &pt.standards, /*required=*/false));
      TXNG_RETURN_IF_ERROR(CheckText(t, "standards", pt.standards, {"year", "code"}));
      int64_t shelf_life = 0;
      if (t.Find("shelf_life_days") != nullptr) {
        TXNG_RETURN_IF_ERROR(t.Int("shelf_life_days", &shelf_life, 1, 36500));
        pt.shelf_life_days = static_cast<int32_t>(shelf_life);
      }
      TXNG_RETURN_IF_ERROR(t.String("priority", &pt.priority, /*required=*/false));
      if (!pt.priority.empty() && pt.priority != "key" && pt.priority != "distinctive" &&
          pt.priority != "potential") {
        return t.Fail(t.Find("priority"), "priority",
                      "must be 'key', 'distinctive' or 'potential' (or absent)");
      }
      TXNG_RETURN_IF_ERROR(t.String("unit", &pt.unit));
      TXNG_RETURN_IF_ERROR(
          t.NumberPair("lot_quantity", &pt.lot_quantity_min, &pt.lot_quantity_max, 1, 1e12));
      TXNG_RETURN_IF_ERROR(t.String("lot_prefix", &pt.lot_prefix));
      if (!AllOf(pt.lot_prefix, IsUpperAlnum) || pt.lot_prefix.size() > 8) {
        return t.Fail(t.Find("lot_prefix"), "lot_prefix",
                      "must be 1 to 8 upper-case letters or digits (lot codes are GS1 AI 10)");
      }
      TXNG_RETURN_IF_ERROR(HarvestMonths(t, &pt.harvest_months));
      TXNG_RETURN_IF_ERROR(LocationKinds(t, "made_at", &pt.made_at));
      TXNG_RETURN_IF_ERROR(t.Finish());
      p_.products.push_back(std::move(pt));
    }
    return Status::Ok();
  }

  Status ParseLocationSpec(TomlTableReader& t, const std::vector<LocationSpec>& earlier,
                           LocationSpec* spec) {
    std::string kind;
    TXNG_RETURN_IF_ERROR(t.String("kind", &kind));
    const std::optional<LocationKind> parsed = ParseLocationKind(kind);
    if (!parsed) return t.Fail(t.Find("kind"), "kind", UnknownLocationKind(kind));
    spec->kind = *parsed;
    TXNG_RETURN_IF_ERROR(t.String("name", &spec->name));
    TXNG_RETURN_IF_ERROR(CheckText(t, "name", spec->name, {"brand", "commune", "district", "n"}));
    TXNG_RETURN_IF_ERROR(t.IntRange("count", &spec->count_min, &spec->count_max, 0, 99, true));
    std::string within;
    TXNG_RETURN_IF_ERROR(t.String("within", &within, /*required=*/false));
    if (!within.empty()) {
      const std::optional<LocationKind> w = ParseLocationKind(within);
      if (!w) return t.Fail(t.Find("within"), "within", UnknownLocationKind(within));
      const bool found = std::any_of(earlier.begin(), earlier.end(), [&](const LocationSpec& s) {
        return s.kind == *w && s.count_min >= 1 && !s.within;
      });
      if (!found) {
        return t.Fail(t.Find("within"), "within",
                      "needs an earlier location of kind '" + within +
                          "' in this stage with a count of at least 1 and its own GLN");
      }
      spec->within = *w;
      TXNG_RETURN_IF_ERROR(t.String("extension", &spec->extension));
      if (spec->extension.size() > 8 ||
          !std::all_of(spec->extension.begin(), spec->extension.end(), IsUpperAlnum)) {
        return t.Fail(t.Find("extension"), "extension",
                      "must be at most 8 upper-case letters or digits (GS1 AI 254)");
      }
    }
    return t.Finish();
  }

  Status ParseStage(TomlTableReader& t, const Chain& chain, Stage* s) {
    TXNG_RETURN_IF_ERROR(t.String("id", &s->id));
    if (!stage_ids_.insert(s->id).second) {
      return t.Fail(t.Find("id"), "id", "stage '" + s->id + "' is defined twice");
    }
    TXNG_RETURN_IF_ERROR(t.String("name_vi", &s->name_vi));
    s->sector = chain.sector;
    TXNG_RETURN_IF_ERROR(t.String("sector", &s->sector, /*required=*/false));
    std::vector<std::string> kinds;
    TXNG_RETURN_IF_ERROR(t.Strings("kinds", &kinds));
    for (const std::string& k : kinds) {
      const std::optional<OrgKind> kind = ParseOrgKind(k);
      if (!kind || *kind == OrgKind::kAuthority) {
        return t.Fail(t.Find("kinds"), "kinds",
                      "unknown producer kind '" + k + "' (enterprise, cooperative or household)");
      }
      s->kinds.push_back(*kind);
    }
    int64_t orgs = 0;
    TXNG_RETURN_IF_ERROR(t.Int("organisations", &orgs, 1, 500));
    s->organisations = static_cast<int>(orgs);
    if (t.Find("districts") != nullptr) {
      TXNG_RETURN_IF_ERROR(t.Strings("districts", &s->districts));
      for (const std::string& d : s->districts)
        TXNG_RETURN_IF_ERROR(KnownDistrict(t, "districts", d));
    } else {
      for (const District& d : p_.districts) s->districts.push_back(d.name);
    }
    TXNG_RETURN_IF_ERROR(t.Strings("activity", &s->activities));
    TXNG_RETURN_IF_ERROR(t.Bool("ocop", &s->ocop));

    std::vector<std::string> product_ids;
    TXNG_RETURN_IF_ERROR(t.Strings("products", &product_ids));
    size_t combinations = 0;
    for (const std::string& id : product_ids) {
      auto it = std::find_if(p_.products.begin(), p_.products.end(),
                             [&](const ProductTemplate& pt) { return pt.id == id; });
      if (it == p_.products.end()) {
        return t.Fail(t.Find("products"), "products",
                      "unknown product template '" + id + "' (not in [[products]])");
      }
      s->products.push_back(static_cast<size_t>(it - p_.products.begin()));
      combinations += it->variants.size() * it->packs.size();
    }
    TXNG_RETURN_IF_ERROR(
        t.IntRange("products_per_org", &s->products_min, &s->products_max, 1, 1000, true));
    if (static_cast<size_t>(s->products_max) > combinations) {
      return t.Fail(t.Find("products_per_org"), "products_per_org",
                    "asks for up to " + std::to_string(s->products_max) +
                        " distinct products, but its templates have only " +
                        std::to_string(combinations) + " variant and pack combinations");
    }

    std::vector<TomlTableReader> specs;
    TXNG_RETURN_IF_ERROR(t.Tables("locations", &specs));
    for (TomlTableReader& st : specs) {
      LocationSpec spec;
      TXNG_RETURN_IF_ERROR(ParseLocationSpec(st, s->locations, &spec));
      s->locations.push_back(std::move(spec));
    }
    return t.Finish();
  }

  Status ParseChains() {
    std::vector<TomlTableReader> items;
    TXNG_RETURN_IF_ERROR(root_.Tables("chains", &items));
    for (TomlTableReader& t : items) {
      Chain c;
      TXNG_RETURN_IF_ERROR(t.String("id", &c.id));
      TXNG_RETURN_IF_ERROR(t.String("name_vi", &c.name_vi));
      TXNG_RETURN_IF_ERROR(t.String("name_en", &c.name_en));
      TXNG_RETURN_IF_ERROR(t.String("sector", &c.sector));
      std::vector<TomlTableReader> stages;
      TXNG_RETURN_IF_ERROR(t.Tables("stages", &stages));
      for (TomlTableReader& st : stages) {
        Stage s;
        TXNG_RETURN_IF_ERROR(ParseStage(st, c, &s));
        c.stages.push_back(std::move(s));
      }
      TXNG_RETURN_IF_ERROR(t.Finish());
      p_.chains.push_back(std::move(c));
    }
    return Status::Ok();
  }

  // Limits that depend on several sections: enough prefixes, trade names and
  // reference numbers for the producers the chains ask for.
  Status CheckTotals() {
    uint64_t producers = 0;
    int max_products = 0;
    int max_locations = 0;
    for (const Chain& c : p_.chains) {
      for (const Stage& s : c.stages) {
        producers += static_cast<uint64_t>(s.organisations);
        max_products = std::max(max_products, s.products_max);
        int locations = 0;
        for (const LocationSpec& l : s.locations) locations += l.count_max;
        max_locations = std::max(max_locations, locations);
      }
    }
    const uint64_t prefixes = p_.prefix_last - p_.prefix_first + 1;
    if (prefixes < producers) {
      return root_.Fail(root_.Find("gs1"), "gs1.company_prefixes",
                        "the range holds " + std::to_string(prefixes) +
                            " prefixes, fewer than the " + std::to_string(producers) +
                            " producer organisations of the chains");
    }
    uint64_t brands = 0;
    for (const std::string& a : p_.brand_first) {
      for (const std::string& b : p_.brand_second) brands += a != b ? 1 : 0;
    }
    if (brands < producers) {
      return root_.Fail(root_.Find("names"), "names.brand_first",
                        "brand_first and brand_second make " + std::to_string(brands) +
                            " trade names, fewer than the " + std::to_string(producers) +
                            " producer organisations");
    }
    if (static_cast<uint64_t>(p_.pending_organisations) >= producers) {
      return root_.Fail(root_.Find("review"), "review.pending_organisations",
                        "must be smaller than the number of producer organisations (" +
                            std::to_string(producers) + ")");
    }
    // Half of the reference numbers of a prefix go to GLNs, half to GTINs.
    int64_t half = 1;
    for (int i = p_.prefix_digits; i < 12; ++i) half *= 10;
    half /= 2;
    if (max_products >= half || max_locations >= half) {
      return root_.Fail(root_.Find("gs1"), "gs1.company_prefixes",
                        "prefixes of " + std::to_string(p_.prefix_digits) +
                            " digits leave room for " + std::to_string(half - 1) +
                            " products and locations per producer, fewer than a stage asks for");
    }
    return Status::Ok();
  }

  TomlTableReader root_;
  std::string_view source_;
  Province p_;
  std::set<std::string> usernames_;
  std::set<std::string> stage_ids_;
};

}  // namespace

const District* Province::FindDistrict(std::string_view name) const {
  for (const District& d : districts) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

Result<Province> ParseProvince(std::string_view toml_text, std::string_view source_name) {
  TXNG_ASSIGN_OR_RETURN(const toml::table root, ParseToml(toml_text, source_name));
  return ProvinceParser(source_name, root).Parse();
}

}  // namespace txng::demo
