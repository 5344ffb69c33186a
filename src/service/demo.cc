#include "service/demo.h"

#include <chrono>
#include <map>
#include <utility>

#include "common/clock.h"
#include "common/embedded.h"
#include "epcis/event_hash.h"
#include "gs1/digital_link.h"
#include "service/demo_plan.h"
#include "service/demo_province.h"
#include "service/passwords.h"

namespace txng {
namespace {

constexpr std::string_view kEmbeddedProvince = "binh-phuoc.toml";

std::string Counted(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

Status CheckEmpty(Store& store) {
  TXNG_ASSIGN_OR_RETURN(bool empty, store.IsEmpty());
  if (empty) return Status::Ok();
  TXNG_ASSIGN_OR_RETURN(Page<Organisation> orgs, store.ListOrganisations({}, {1, 0}));
  TXNG_ASSIGN_OR_RETURN(Page<User> users, store.ListUsers({1, 0}));
  return Status::FailedPrecondition("the database is not empty (" +
                                    Counted(orgs.total, "organisation", "organisations") + ", " +
                                    Counted(users.total, "user", "users") +
                                    "): txng demo only fills an empty database; use a new --db");
}

Result<std::chrono::sys_days> ResolveToday(const std::string& text) {
  using namespace std::chrono;
  if (text.empty()) {
    // Vietnam keeps UTC+7 all year (no daylight saving time).
    const sys_time<milliseconds> now{milliseconds(NowMillis() + 7 * 3600 * 1000)};
    return floor<days>(now);
  }
  const auto digits = [&](size_t from, size_t n, int* out) {
    *out = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      *out = *out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(0, 4, &y) &&
      digits(5, 2, &m) && digits(8, 2, &d)) {
    const year_month_day ymd{year(y), month(static_cast<unsigned>(m)),
                             day(static_cast<unsigned>(d))};
    if (ymd.ok()) return sys_days(ymd);
  }
  return Status::InvalidArgument(
      "today must be a calendar date written YYYY-MM-DD, not '" + text + "'", "today");
}

std::string Scope(const User& u) {
  if (!u.scope_sector.empty()) return "sector " + u.scope_sector;
  if (!u.scope_district.empty()) return "district " + u.scope_district;
  return {};
}

// Writes a plan through the Store, in dependency order, mapping the plan's
// indices to the ids the store assigns.
class DemoWriter {
 public:
  DemoWriter(Store& store, const demo::Plan& plan,
             const std::function<void(const DemoProgress&)>& progress)
      : store_(store), plan_(plan), progress_(progress) {
    total_ = static_cast<int64_t>(plan.organisations.size() + plan.users.size() +
                                  plan.locations.size() + plan.products.size() + plan.lots.size());
  }

  // `password_hashes` is parallel to plan.users.
  Status Run(const std::vector<std::string>& password_hashes) {
    for (const Organisation& o : plan_.organisations) {
      Result<Organisation> created = store_.CreateOrganisation(o, actor_);
      if (!created.ok()) return created.status().WithContext("organisation '" + o.name + "'");
      org_ids_.push_back(created->id);
      Advance("organisations");
    }
    for (size_t i = 0; i < plan_.users.size(); ++i) {
      User u = plan_.users[i].record;
      u.password_hash = password_hashes[i];
      if (plan_.users[i].org) u.org_id = org_ids_[*plan_.users[i].org];
      Result<User> created = store_.CreateUser(u, actor_);
      if (!created.ok()) return created.status().WithContext("user '" + u.username + "'");
      user_ids_.push_back(created->id);
      Advance("users");
    }
    reviewer_ = user_ids_[plan_.reviewer];

    for (const demo::PlannedLocation& pl : plan_.locations) {
      Location l = pl.record;
      l.org_id = org_ids_[pl.org];
      Result<int64_t> id = CreateAndReview(
          l, [&](const Location& r) { return store_.CreateLocation(r, actor_); },
          [&](int64_t record_id, const ReviewDecision& d) {
            return store_.ReviewLocation(record_id, d, actor_);
          });
      if (!id.ok()) return id.status().WithContext("location '" + l.name + "'");
      location_ids_.push_back(*id);
      Advance("locations");
    }
    for (const demo::PlannedProduct& pp : plan_.products) {
      Product p = pp.record;
      p.org_id = org_ids_[pp.org];
      Result<int64_t> id = CreateAndReview(
          p, [&](const Product& r) { return store_.CreateProduct(r, actor_); },
          [&](int64_t record_id, const ReviewDecision& d) {
            return store_.ReviewProduct(record_id, d, actor_);
          });
      if (!id.ok()) return id.status().WithContext("product " + p.gtin);
      product_ids_.push_back(*id);
      Advance("products");
    }
    for (const demo::PlannedLot& pl : plan_.lots) {
      Lot l = pl.record;
      l.org_id = org_ids_[pl.org];
      l.product_id = product_ids_[pl.product];
      if (pl.location) l.location_id = location_ids_[*pl.location];
      Result<int64_t> id = CreateAndReview(
          l, [&](const Lot& r) { return store_.CreateLot(r, actor_); },
          [&](int64_t record_id, const ReviewDecision& d) {
            return store_.ReviewLot(record_id, d, actor_);
          });
      if (!id.ok()) return id.status().WithContext("lot " + l.lot_code);
      Advance("lots");
    }
    return CaptureHarvests();
  }

 private:
  // Creates `record` as a draft (when it is to stay one) or as submitted
  // for review, then lets the reviewer approve or reject it, so that the
  // audit log and the review columns read as the real workflow would.
  template <typename Record, typename Create, typename Review>
  Result<int64_t> CreateAndReview(Record record, const Create& create, const Review& review) {
    const ReviewStatus target = record.review_status;
    const ReviewDecision decision{target, record.review_reason, reviewer_};
    record.review_status =
        target == ReviewStatus::kDraft ? ReviewStatus::kDraft : ReviewStatus::kPending;
    record.review_reason.clear();
    TXNG_ASSIGN_OR_RETURN(Record created, create(record));
    if (target == ReviewStatus::kApproved || target == ReviewStatus::kRejected) {
      TXNG_RETURN_IF_ERROR(review(created.id, decision).status());
    }
    return created.id;
  }

  // Each approved lot with a place and a production date gets the EPCIS
  // event of its making there (ObjectEvent ADD, commissioning), so that
  // product pages and /trace show a journey; one document per producer,
  // approved as the lots are.
  Status CaptureHarvests() {
    std::map<size_t, std::vector<NewEvent>> by_org;
    for (const demo::PlannedLot& pl : plan_.lots) {
      const Lot& lot = pl.record;
      if (lot.review_status != ReviewStatus::kApproved || !pl.location ||
          lot.production_date.empty()) {
        continue;
      }
      const Location& place = plan_.locations[*pl.location].record;
      const std::string& gtin = plan_.products[pl.product].record.gtin;
      std::vector<gs1::AiValue> where = {{"414", place.gln}};
      if (!place.gln_extension.empty()) where.push_back({"254", place.gln_extension});
      TXNG_ASSIGN_OR_RETURN(std::string lot_id,
                            gs1::ToDigitalLink({{"01", gtin}, {"10", lot.lot_code}}, "", {}));
      TXNG_ASSIGN_OR_RETURN(std::string place_id, gs1::ToDigitalLink(where, "", {}));
      NewEvent n;
      n.event.type = epcis::EventType::kObject;
      n.event.action = epcis::Action::kAdd;
      n.event.event_time = lot.production_date + "T07:00:00+07:00";
      n.event.event_time_zone_offset = "+07:00";
      n.event.biz_step = "https://ref.gs1.org/cbv/BizStep-commissioning";
      n.event.quantity_list.push_back({lot_id, lot.quantity, lot.quantity ? lot.unit : ""});
      n.event.biz_location = epcis::Location{place_id, {}};
      n.hash_id = epcis::EventHashId(n.event);
      by_org[pl.org].push_back(std::move(n));
    }
    for (auto& [org, events] : by_org) {
      CaptureContext ctx;
      ctx.org_id = org_ids_[org];
      ctx.review_status = ReviewStatus::kApproved;
      TXNG_RETURN_IF_ERROR(store_.CaptureEvents(events, ctx, actor_).status());
    }
    return Status::Ok();
  }

  void Advance(std::string_view step) {
    ++done_;
    if (progress_) progress_(DemoProgress{step, done_, total_});
  }

  Store& store_;
  const demo::Plan& plan_;
  const std::function<void(const DemoProgress&)>& progress_;
  const Actor actor_{.user_id = std::nullopt,
                     .api_key_id = std::nullopt,
                     .label = "system:demo",
                     .remote_addr = "cli"};
  int64_t total_ = 0;
  int64_t done_ = 0;
  int64_t reviewer_ = 0;
  std::vector<int64_t> org_ids_;
  std::vector<int64_t> user_ids_;
  std::vector<int64_t> location_ids_;
  std::vector<int64_t> product_ids_;
};

// Passwords and their Argon2id hashes, parallel to plan.users. Hashing takes
// ~70 ms, so one shared password is hashed once; generated passwords are one
// per staff account and one shared by all producers.
Status MakePasswords(const demo::Plan& plan, const std::string& shared,
                     std::vector<std::string>* passwords, std::vector<std::string>* hashes) {
  const auto hash = [](const std::string& password) -> Result<std::string> {
    Result<std::string> h = HashPassword(password);
    if (!h.ok() && h.status().code() == StatusCode::kInvalidArgument) {
      return Status::InvalidArgument("the demo " + h.status().message(), "password");
    }
    return h;
  };
  const std::string producer_password = shared.empty() ? RandomToken(9) : shared;
  TXNG_ASSIGN_OR_RETURN(const std::string producer_hash, hash(producer_password));
  for (const demo::PlannedUser& u : plan.users) {
    if (u.record.role == Role::kProducer || !shared.empty()) {
      passwords->push_back(producer_password);
      hashes->push_back(producer_hash);
    } else {
      passwords->push_back(RandomToken(9));
      TXNG_ASSIGN_OR_RETURN(std::string h, hash(passwords->back()));
      hashes->push_back(std::move(h));
    }
  }
  return Status::Ok();
}

void FillReport(const demo::Province& province, const demo::Plan& plan, uint64_t seed,
                const std::vector<std::string>& passwords, DemoReport* report) {
  *report = DemoReport{};
  report->province = province.name;
  report->seed = seed;
  report->organisations = static_cast<int64_t>(plan.organisations.size());
  for (const Organisation& o : plan.organisations) {
    report->authorities += o.kind == OrgKind::kAuthority ? 1 : 0;
  }
  report->users = static_cast<int64_t>(plan.users.size());
  report->locations = static_cast<int64_t>(plan.locations.size());
  report->products = static_cast<int64_t>(plan.products.size());
  report->lots = static_cast<int64_t>(plan.lots.size());
  const auto tally = [&](ReviewStatus s) {
    switch (s) {
      case ReviewStatus::kDraft:
        ++report->draft;
        break;
      case ReviewStatus::kPending:
        ++report->pending;
        break;
      case ReviewStatus::kApproved:
        ++report->approved;
        break;
      case ReviewStatus::kRejected:
        ++report->rejected;
        break;
    }
  };
  for (const auto& l : plan.locations) tally(l.record.review_status);
  for (const auto& p : plan.products) {
    tally(p.record.review_status);
    report->ocop_products += p.record.ocop_stars > 0 ? 1 : 0;
  }
  for (const auto& l : plan.lots) tally(l.record.review_status);
  for (size_t i = 0; i < plan.users.size(); ++i) {
    const demo::PlannedUser& u = plan.users[i];
    report->credentials.push_back(DemoCredential{
        .username = u.record.username,
        .password = passwords[i],
        .role = u.record.role,
        .display_name = u.record.display_name,
        .organisation = u.org ? plan.organisations[*u.org].name : std::string(),
        .scope = Scope(u.record),
    });
  }
}

}  // namespace

Status GenerateDemo(Store& store, const DemoOptions& options, DemoReport* report) {
  TXNG_RETURN_IF_ERROR(InitCrypto());
  TXNG_RETURN_IF_ERROR(CheckEmpty(store));

  std::string_view text = options.province_toml;
  if (text.empty()) {
    const std::optional<std::string_view> embedded =
        FindEmbedded(EmbeddedDemo(), kEmbeddedProvince);
    if (!embedded) return Status::Internal("the demo province file is not compiled in");
    text = *embedded;
  }
  TXNG_ASSIGN_OR_RETURN(const demo::Province province,
                        demo::ParseProvince(text, options.province_source));
  TXNG_ASSIGN_OR_RETURN(const std::chrono::sys_days today, ResolveToday(options.today));
  TXNG_ASSIGN_OR_RETURN(const demo::Plan plan, demo::PlanProvince(province, options.seed, today));

  std::vector<std::string> passwords, hashes;
  TXNG_RETURN_IF_ERROR(MakePasswords(plan, options.password, &passwords, &hashes));
  TXNG_RETURN_IF_ERROR(DemoWriter(store, plan, options.progress).Run(hashes));
  if (report != nullptr) FillReport(province, plan, options.seed, passwords, report);
  return Status::Ok();
}

}  // namespace txng
