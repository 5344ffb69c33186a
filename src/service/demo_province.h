// The demo province as configuration: the model of data/demo/*.toml that
// `txng demo` turns into organisations, users, products, locations and lots.
// The TOML file documents each field; this header holds the checked result.
#ifndef TXNG_SERVICE_DEMO_PROVINCE_H_
#define TXNG_SERVICE_DEMO_PROVINCE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/model.h"

namespace txng::demo {

// A text in the portal's two languages (a variant or pack of a product).
struct BilingualText {
  std::string vi;
  std::string en;
};

// An account for a state body's staff (admin, reviewer, officer).
struct StaffUser {
  std::string username;
  std::string display_name;
  Role role = Role::kOfficer;
  std::string scope_sector;
  std::string scope_district;
};

struct District {
  std::string name;  // "Đồng Xoài"
  std::string unit;  // "thành phố", "thị xã", "huyện"
  double latitude = 0;
  double longitude = 0;
  std::vector<std::string> communes;  // "phường Tân Phú", "xã Tiến Hưng", ...
  std::vector<std::string> roads;     // for street addresses; may be empty
  // An officer of the district committee, scoped to this district.
  std::optional<StaffUser> officer;
};

struct Authority {
  std::string name;
  std::string sector;
  std::string district;
  std::vector<StaffUser> users;
};

struct ProductTemplate {
  std::string id;
  std::string category;
  std::string name_vi;  // placeholders {variant} {pack} {brand}
  std::string name_en;
  std::string description;  // {variant} {pack} {brand} {org} {commune} {district} {province}
  std::string standards;    // {year} {code}
  std::optional<int32_t> shelf_life_days;
  std::string priority;  // "", "key", "distinctive" or "potential"
  std::string unit;      // UN/ECE Rec 20 code of lot quantities
  double lot_quantity_min = 0;
  double lot_quantity_max = 0;
  std::string lot_prefix;  // upper-case letters and digits
  // Months (1-12) in which lots are harvested; empty: all year.
  std::vector<int> harvest_months;
  std::vector<LocationKind> made_at;
  // Never empty: a template without variants (packs) has one empty entry,
  // and then its texts may not use {variant} ({pack}).
  std::vector<BilingualText> variants;
  std::vector<BilingualText> packs;
};

struct LocationSpec {
  LocationKind kind = LocationKind::kFarm;
  std::string name;  // {brand} {commune} {district} {n}
  int count_min = 1;
  int count_max = 1;
  // When set, these locations share the GLN of the producer's first location
  // of this kind (planned earlier in the same stage) and are told apart by
  // GLN extensions `extension` + "01", "02", ...
  std::optional<LocationKind> within;
  std::string extension;
};

// One kind of producer in a value chain, e.g. the cashew processors.
struct Stage {
  std::string id;
  std::string name_vi;
  std::string sector;  // the stage's own, else its chain's
  std::vector<OrgKind> kinds;
  int organisations = 0;
  std::vector<std::string> districts;  // all districts when the file lists none
  std::vector<std::string> activities;
  int products_min = 1;
  int products_max = 1;
  std::vector<size_t> products;  // indices into Province::products
  std::vector<LocationSpec> locations;
  bool ocop = false;
};

struct Chain {
  std::string id;
  std::string name_vi;
  std::string name_en;
  std::string sector;
  std::vector<Stage> stages;
};

struct Province {
  std::string name;
  std::string name_en;
  std::string unit;  // "tỉnh"
  std::string tax_code_prefix;
  std::string phone_area_code;
  std::string email_domain;
  double latitude_min = 0, latitude_max = 0;
  double longitude_min = 0, longitude_max = 0;

  // GS1 company prefixes, inclusive range; both have `prefix_digits` digits.
  uint64_t prefix_first = 0;
  uint64_t prefix_last = 0;
  int prefix_digits = 0;

  std::string growing_area_code;  // prefix of mã số vùng trồng
  std::string packing_house_code;

  double pending_share = 0;
  double rejected_share = 0;
  double draft_share = 0;
  int pending_organisations = 0;
  std::vector<std::string> product_reasons;
  std::vector<std::string> location_reasons;
  std::vector<std::string> lot_reasons;

  std::array<int64_t, 3> star_weights{};  // of 3, 4 and 5 OCOP stars
  int lots_min = 1;
  int lots_max = 1;
  int lot_max_age_days = 365;  // lots are made at most this many days before today

  std::vector<std::string> family_names;
  std::vector<std::string> middle_names_male;
  std::vector<std::string> middle_names_female;
  std::vector<std::string> given_names_male;
  std::vector<std::string> given_names_female;
  std::vector<std::string> brand_first;
  std::vector<std::string> brand_second;

  // Organisation name templates by kind: {activity} {brand} {person} {district}.
  std::vector<std::string> enterprise_names;
  std::vector<std::string> cooperative_names;
  std::vector<std::string> household_names;
  std::string district_committee_name;  // {unit} {district}

  std::vector<District> districts;
  std::vector<Authority> authorities;
  std::vector<ProductTemplate> products;
  std::vector<Chain> chains;

  // The district named `name`, or nullptr.
  const District* FindDistrict(std::string_view name) const;
};

// Parses and checks a province file. Errors are InvalidArgument with the
// message "SOURCE:LINE:COLUMN: KEY: what is wrong" and the key path
// ("chains[0].stages[2].organisations") as the field; unknown keys are errors
// too, so that a typo is never silently ignored.
Result<Province> ParseProvince(std::string_view toml_text, std::string_view source_name);

}  // namespace txng::demo

#endif  // TXNG_SERVICE_DEMO_PROVINCE_H_
