// Records kept by the store: organisations, users, sessions, API keys,
// products, locations, lots and the audit log. Plain data, no behaviour
// beyond conversions of the enumerations to and from their stable names
// (the names are what the database and the JSON API hold).
#ifndef TXNG_STORE_MODEL_H_
#define TXNG_STORE_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/clock.h"

namespace txng {

// Where a publishable record stands in the review workflow. Only kApproved
// records are visible to the public and forwarded to the national portal.
enum class ReviewStatus { kDraft, kPending, kApproved, kRejected };
std::string_view ToString(ReviewStatus s);
std::optional<ReviewStatus> ParseReviewStatus(std::string_view s);

enum class Role {
  kAdmin,     // quản trị hệ thống
  kReviewer,  // Sở Khoa học và Công nghệ: reviews data before publication
  kOfficer,   // sector or district officer, scoped by User::scope_*
  kProducer,  // member of one producing organisation
};
std::string_view ToString(Role r);
std::optional<Role> ParseRole(std::string_view s);

enum class OrgKind {
  kEnterprise,   // doanh nghiệp
  kCooperative,  // hợp tác xã
  kHousehold,    // hộ kinh doanh
  kAuthority,    // a state body (Sở KH&CN, Sở NN&PTNT, UBND huyện, ...)
};
std::string_view ToString(OrgKind k);
std::optional<OrgKind> ParseOrgKind(std::string_view s);

enum class LocationKind { kFarm, kGrowingArea, kPackingHouse, kFactory, kWarehouse, kShop };
std::string_view ToString(LocationKind k);
std::optional<LocationKind> ParseLocationKind(std::string_view s);

struct Organisation {
  int64_t id = 0;
  std::string name;
  std::string tax_code;  // mã số thuế, unique when set
  OrgKind kind = OrgKind::kEnterprise;
  std::string sector;    // e.g. "agriculture", "industry_trade", "health"
  std::string district;  // e.g. "Đồng Xoài"
  std::string address;
  std::string phone;
  std::string email;
  std::string gs1_company_prefix;  // e.g. "8930001"; empty when none
  std::string gln;                 // 13 digits; empty when none
  ReviewStatus review_status = ReviewStatus::kDraft;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

struct User {
  int64_t id = 0;
  std::string username;  // unique, case-sensitive, [a-z0-9._-]
  std::string display_name;
  Role role = Role::kProducer;
  std::optional<int64_t> org_id;  // required for producers
  std::string scope_sector;       // officers: the sector they may see, or empty
  std::string scope_district;     // officers: the district they may see, or empty
  std::string password_hash;      // Argon2id encoded string (libsodium crypto_pwhash_str)
  bool disabled = false;
  bool must_change_password = false;  // an administrator set the password
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

// A login session. The cookie holds the token; the store keeps only its hash.
struct Session {
  std::string token_hash;  // hex SHA-256 of the cookie token
  int64_t user_id = 0;
  std::string csrf_token;  // sent back in forms and the X-CSRF-Token header
  std::string remote_addr;
  UnixMillis created_at = 0;
  UnixMillis expires_at = 0;
};

// An API key for an organisation's own systems. The secret is shown once;
// the store keeps its hash. `key_id` is the public, non-secret part that
// prefixes the token ("txng_<key_id>_<secret>") and finds the row.
struct ApiKey {
  int64_t id = 0;
  std::string key_id;
  std::string secret_hash;  // hex SHA-256 of the secret
  int64_t org_id = 0;
  std::string label;
  std::optional<int64_t> created_by;  // user id
  UnixMillis created_at = 0;
  std::optional<UnixMillis> revoked_at;
  std::optional<UnixMillis> last_used_at;
};

struct Product {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string gtin;  // 14 digits, valid check digit; unique
  std::string name_vi;
  std::string name_en;
  std::string category;  // e.g. "cashew", "pepper", "durian", "honey"
  std::string brand;
  std::string description;
  std::string standards;  // TCVN / QCVN / TCCS / international, comma separated
  std::optional<int32_t> shelf_life_days;
  int32_t ocop_stars = 0;  // 0 = not OCOP rated; else 3, 4 or 5
  std::string
      priority;  // "" or "key", "distinctive", "potential" (chủ lực / đặc trưng / tiềm năng)
  std::string image_url;
  ReviewStatus review_status = ReviewStatus::kDraft;
  std::string review_reason;  // the reviewer's reason for the last rejection
  std::optional<int64_t> reviewed_by;
  std::optional<UnixMillis> reviewed_at;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

struct Location {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string gln;            // 13 digits, valid check digit
  std::string gln_extension;  // AI (254), empty when none; (gln, extension) unique
  std::string name;
  LocationKind kind = LocationKind::kFarm;
  std::string address;
  std::string district;
  std::string area_code;  // mã số vùng trồng / cơ sở đóng gói, empty when none
  std::optional<double> latitude;
  std::optional<double> longitude;
  ReviewStatus review_status = ReviewStatus::kDraft;
  std::string review_reason;
  std::optional<int64_t> reviewed_by;
  std::optional<UnixMillis> reviewed_at;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

struct Lot {
  int64_t id = 0;
  int64_t org_id = 0;
  int64_t product_id = 0;
  std::string lot_code;         // AI (10); (product_id, lot_code) unique
  std::string production_date;  // YYYY-MM-DD or empty
  std::string expiry_date;      // YYYY-MM-DD or empty
  std::optional<double> quantity;
  std::string unit;                    // UN/ECE rec 20 code, e.g. "KGM"
  std::optional<int64_t> location_id;  // where it was produced
  ReviewStatus review_status = ReviewStatus::kDraft;
  std::string review_reason;
  std::optional<int64_t> reviewed_by;
  std::optional<UnixMillis> reviewed_at;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

// A product photo: the JPEG thumbnails made from one uploaded picture
// (image/image.h), kept in the database so every app server can serve them.
struct ImageVariant {
  int width = 0;
  int height = 0;
  std::string jpeg;  // the JPEG file's bytes
};

struct StoredImage {
  int64_t id = 0;
  int64_t org_id = 0;  // the organisation that uploaded it
  std::string sha256;  // hex digest of the uploaded file
  int width = 0;       // of the uploaded picture
  int height = 0;
  ImageVariant small;  // 160 px wide (or narrower, never enlarged)
  ImageVariant large;  // 640 px wide (or narrower)
  UnixMillis created_at = 0;
};

// Who is writing, from where: attached to every write and copied into the audit log.
struct Actor {
  std::optional<int64_t> user_id;  // empty for the system (migrations, demo) and API keys
  std::optional<int64_t> api_key_id;
  std::string label;        // "user:admin", "apikey:ab12cd", "system:demo"
  std::string remote_addr;  // peer address or "cli"

  // The system itself (demo, tests, maintenance) acting from the command line.
  static Actor System(std::string label) {
    Actor a;
    a.label = std::move(label);
    a.remote_addr = "cli";
    return a;
  }
};

struct AuditEntry {
  int64_t id = 0;
  UnixMillis at = 0;
  std::optional<int64_t> user_id;
  std::optional<int64_t> api_key_id;
  std::string actor;        // Actor::label
  std::string remote_addr;  // Actor::remote_addr
  std::string action;       // "product.create", "user.passwd", "session.login", ...
  std::string entity;       // "product", "user", ...
  std::string entity_id;    // the record's id as text, empty when none
  std::string detail;       // a small JSON object, e.g. the changed fields
};

}  // namespace txng

#endif  // TXNG_STORE_MODEL_H_
