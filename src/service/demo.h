// `txng demo`: fills an empty database with a realistic demo province
// (DESIGN.md §6) — authorities and their staff, producers along the value
// chains with their accounts, locations, products and lots, most of them
// approved by the reviewer and some left in the review queue.
//
// The province is configuration (data/demo/binh-phuoc.toml, compiled in);
// the generator only knows how to turn a province file into records.
#ifndef TXNG_SERVICE_DEMO_H_
#define TXNG_SERVICE_DEMO_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "store/store.h"

namespace txng {

// How far the generator is, for a progress bar: `done` of `total` records
// written, the current one being of kind `step` ("organisations", "users",
// "locations", "products", "lots").
struct DemoProgress {
  std::string_view step;
  int64_t done = 0;
  int64_t total = 0;
};

struct DemoOptions {
  // The province file's text; empty: the embedded data/demo/binh-phuoc.toml.
  std::string province_toml;
  // The name errors in the province file are reported under.
  std::string province_source = "binh-phuoc.toml";
  // The same seed (and `today`) gives the same province: names, GTINs, GLNs,
  // tax codes, dates and review states.
  uint64_t seed = 1;
  // The password of every demo account (8 to 1024 bytes). Empty: each staff
  // account (admin, reviewer, officers) gets its own random password and all
  // producer accounts share one more.
  std::string password;
  // YYYY-MM-DD; lots are produced on the days before it. Empty: today in
  // Vietnam (UTC+7).
  std::string today;
  // Called after each record is written; may be empty.
  std::function<void(const DemoProgress&)> progress;
};

// One demo account, for the command to print.
struct DemoCredential {
  std::string username;
  std::string password;
  Role role = Role::kProducer;
  std::string display_name;
  std::string organisation;  // its name, empty when none
  std::string scope;         // officers: "sector agriculture", "district Đồng Xoài"
};

struct DemoReport {
  std::string province;  // "Bình Phước"
  uint64_t seed = 0;
  int64_t organisations = 0;  // all, authorities included
  int64_t authorities = 0;
  int64_t users = 0;
  int64_t locations = 0;
  int64_t products = 0;
  int64_t ocop_products = 0;
  int64_t lots = 0;
  // Review states over locations, products and lots together.
  int64_t approved = 0;
  int64_t pending = 0;
  int64_t rejected = 0;
  int64_t draft = 0;
  // Staff accounts first, then one per producer organisation.
  std::vector<DemoCredential> credentials;
};

// Writes the demo province into `store`, which must be migrated and empty
// (no organisations and no users): otherwise kFailedPrecondition and nothing
// is written. A bad province file or option is kInvalidArgument naming the
// file, line and key, also before anything is written. Writes are attributed
// to the actor "system:demo" from "cli"; reviews name the province's reviewer
// account. Should a write fail part-way (the database went away), the records
// written so far stay: run again on a new database.
Status GenerateDemo(Store& store, const DemoOptions& options, DemoReport* report);

}  // namespace txng

#endif  // TXNG_SERVICE_DEMO_H_
