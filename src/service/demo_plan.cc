#include "service/demo_plan.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <tuple>

#include "gs1/check_digit.h"
#include "service/demo_random.h"
#include "service/demo_text.h"

namespace txng::demo {
namespace {

std::string ZeroPad(uint64_t value, size_t width) {
  std::string s = std::to_string(value);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

std::string FormatDate(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return ZeroPad(static_cast<uint64_t>(static_cast<int>(ymd.year())), 4) + "-" +
         ZeroPad(static_cast<unsigned>(ymd.month()), 2) + "-" +
         ZeroPad(static_cast<unsigned>(ymd.day()), 2);
}

// A GS1 key: `digits` followed by their mod-10 check digit.
std::string WithCheckDigit(const std::string& digits) {
  return digits + gs1::Mod10CheckDigit(digits).value_or('0');
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Planning state of one producer organisation.
struct Producer {
  size_t org = 0;
  const Stage* stage = nullptr;
  const District* district = nullptr;
  std::string prefix;  // GS1 company prefix
  std::string brand;   // trade name, e.g. "Hưng Phát"
  std::string commune;
  std::string person;  // owner or contact person
  double latitude = 0;
  double longitude = 0;
  std::vector<size_t> locations;   // indices into Plan::locations
  uint64_t next_location_ref = 1;  // reference 0 is the organisation's own GLN
  uint64_t next_item_ref = 0;
};

class Planner {
 public:
  Planner(const Province& p, uint64_t seed, std::chrono::sys_days today)
      : p_(p), rng_(seed), today_(today) {
    // Half of the reference numbers of a prefix go to GLNs, the other half to
    // GTINs, so that no GTIN-13 reads the same as one of the company's GLNs.
    ref_digits_ = static_cast<size_t>(12 - p_.prefix_digits);
    uint64_t space = 1;
    for (size_t i = 0; i < ref_digits_; ++i) space *= 10;
    first_item_ref_ = space / 2;
  }

  Result<Plan> Run() {
    PlanAuthorities();
    PlanProducers();
    AssignReviewStates();
    AssignOcopStars();
    TXNG_RETURN_IF_ERROR(FinishUsers());
    return std::move(plan_);
  }

 private:
  std::string ProvinceSuffix() const { return ", " + p_.unit + " " + p_.name; }

  std::string Address(const District& d, const std::string& commune, bool street) {
    std::string place;
    if (street && !d.roads.empty()) {
      place = "Số " + std::to_string(rng_.Between(1, 899)) + ", " + rng_.Pick(d.roads);
    } else if (StartsWith(commune, "phường") || StartsWith(commune, "thị trấn")) {
      place = "Khu phố " + std::to_string(rng_.Between(1, 9));
    } else {
      place = "Ấp " + std::to_string(rng_.Between(1, 12));
    }
    return place + ", " + commune + ", " + d.unit + " " + d.name + ProvinceSuffix();
  }

  std::string Person() {
    const bool female = rng_.Index(2) == 0;
    return rng_.Pick(p_.family_names) + " " +
           rng_.Pick(female ? p_.middle_names_female : p_.middle_names_male) + " " +
           rng_.Pick(female ? p_.given_names_female : p_.given_names_male);
  }

  std::string Landline() {
    return p_.phone_area_code + " " + std::to_string(rng_.Between(3000, 3999)) + " " +
           ZeroPad(static_cast<uint64_t>(rng_.Between(0, 999)), 3);
  }

  std::string Mobile() {
    return "09" + std::to_string(rng_.Between(0, 9)) + std::to_string(rng_.Between(0, 9)) + " " +
           ZeroPad(static_cast<uint64_t>(rng_.Between(0, 999)), 3) + " " +
           ZeroPad(static_cast<uint64_t>(rng_.Between(0, 999)), 3);
  }

  // Degrees of jitter around a point, kept inside the province's box.
  void Scatter(double lat, double lon, double spread, std::optional<double>* out_lat,
               std::optional<double>* out_lon) {
    const auto round6 = [](double v) { return std::round(v * 1e6) / 1e6; };
    *out_lat =
        std::clamp(round6(lat + rng_.Real(-spread, spread)), p_.latitude_min, p_.latitude_max);
    *out_lon =
        std::clamp(round6(lon + rng_.Real(-spread, spread)), p_.longitude_min, p_.longitude_max);
  }

  void AddStaffUser(const StaffUser& s, size_t org) {
    PlannedUser u;
    u.record.username = s.username;
    u.record.display_name = s.display_name;
    u.record.role = s.role;
    u.record.scope_sector = s.scope_sector;
    u.record.scope_district = s.scope_district;
    u.org = org;
    plan_.users.push_back(std::move(u));
  }

  Organisation AuthorityOrg(std::string name, std::string sector, const District& d) {
    Organisation o;
    o.name = std::move(name);
    o.kind = OrgKind::kAuthority;
    o.sector = std::move(sector);
    o.district = d.name;
    o.address = Address(d, d.communes.front(), /*street=*/true);
    o.phone = Landline();
    o.review_status = ReviewStatus::kApproved;
    return o;
  }

  void PlanAuthorities() {
    for (const Authority& a : p_.authorities) {
      plan_.organisations.push_back(AuthorityOrg(a.name, a.sector, *p_.FindDistrict(a.district)));
      for (const StaffUser& s : a.users) AddStaffUser(s, plan_.organisations.size() - 1);
    }
    for (const District& d : p_.districts) {
      const std::string name =
          ExpandTemplate(p_.district_committee_name, {{"unit", d.unit}, {"district", d.name}});
      plan_.organisations.push_back(AuthorityOrg(name, "", d));
      if (d.officer) AddStaffUser(*d.officer, plan_.organisations.size() - 1);
    }
  }

  // Unique GS1 company prefixes, trade names and tax codes, one per producer.
  void DrawIdentities(size_t count) {
    std::set<uint64_t> prefixes;
    while (prefixes_.size() < count) {
      const auto span = static_cast<int64_t>(p_.prefix_last - p_.prefix_first);
      const uint64_t prefix = p_.prefix_first + static_cast<uint64_t>(rng_.Between(0, span));
      if (prefixes.insert(prefix).second) {
        prefixes_.push_back(ZeroPad(prefix, static_cast<size_t>(p_.prefix_digits)));
      }
    }
    for (const std::string& a : p_.brand_first) {
      for (const std::string& b : p_.brand_second) {
        if (a != b) brands_.push_back(a + " " + b);
      }
    }
    rng_.Shuffle(brands_);
    std::set<std::string> taxes;
    const size_t free_digits = 10 - p_.tax_code_prefix.size();
    while (tax_codes_.size() < count) {
      std::string code = p_.tax_code_prefix;
      for (size_t i = 0; i < free_digits; ++i) code += static_cast<char>('0' + rng_.Index(10));
      if (taxes.insert(code).second) tax_codes_.push_back(std::move(code));
    }
  }

  void PlanProducers() {
    size_t count = 0;
    for (const Chain& c : p_.chains) {
      for (const Stage& s : c.stages) count += static_cast<size_t>(s.organisations);
    }
    DrawIdentities(count);
    for (const Chain& c : p_.chains) {
      for (const Stage& s : c.stages) {
        // Districts and kinds are taken in turn from a seeded starting point,
        // so that a stage with enough organisations covers all of its own.
        std::vector<std::string> districts = s.districts;
        rng_.Shuffle(districts);
        const size_t kind_offset = rng_.Index(s.kinds.size());
        for (size_t i = 0; i < static_cast<size_t>(s.organisations); ++i) {
          PlanProducer(s, *p_.FindDistrict(districts[i % districts.size()]),
                       s.kinds[(kind_offset + i) % s.kinds.size()]);
        }
      }
    }
  }

  void PlanProducer(const Stage& stage, const District& district, OrgKind kind) {
    const size_t n = producers_.size();
    Producer pr;
    pr.stage = &stage;
    pr.district = &district;
    pr.prefix = prefixes_[n];
    pr.brand = brands_[n];
    pr.commune = rng_.Pick(district.communes);
    pr.person = Person();
    pr.next_item_ref = first_item_ref_;
    pr.latitude = district.latitude + rng_.Real(-0.04, 0.04);
    pr.longitude = district.longitude + rng_.Real(-0.04, 0.04);

    const std::vector<std::string>& names = kind == OrgKind::kEnterprise    ? p_.enterprise_names
                                            : kind == OrgKind::kCooperative ? p_.cooperative_names
                                                                            : p_.household_names;
    Organisation o;
    o.name = ExpandTemplate(rng_.Pick(names), {{"activity", rng_.Pick(stage.activities)},
                                               {"brand", pr.brand},
                                               {"person", pr.person},
                                               {"district", district.name}});
    o.tax_code = tax_codes_[n];
    o.kind = kind;
    o.sector = stage.sector;
    o.district = district.name;
    o.address = Address(district, pr.commune, /*street=*/kind == OrgKind::kEnterprise);
    o.phone = kind == OrgKind::kHousehold ? Mobile() : Landline();
    o.email = AsciiSlug(pr.brand) + "@" + p_.email_domain;
    o.gs1_company_prefix = pr.prefix;
    o.gln = WithCheckDigit(pr.prefix + ZeroPad(0, ref_digits_));
    o.review_status = ReviewStatus::kApproved;
    pr.org = plan_.organisations.size();
    plan_.organisations.push_back(std::move(o));

    PlanLocations(pr);
    PlanProducts(pr);
    producers_.push_back(std::move(pr));
  }

  std::string NextAreaCode(const std::string& prefix, uint64_t* counter) {
    // Codes are handed out in order with gaps, as a registry would.
    if (*counter == 0) *counter = static_cast<uint64_t>(rng_.Between(10, 99));
    *counter += static_cast<uint64_t>(rng_.Between(1, 9));
    return prefix + ZeroPad(*counter, 4);
  }

  void PlanLocations(Producer& pr) {
    const Organisation& org = plan_.organisations[pr.org];
    for (const LocationSpec& spec : pr.stage->locations) {
      std::optional<size_t> parent;
      if (spec.within) {
        for (size_t i : pr.locations) {
          const Location& l = plan_.locations[i].record;
          if (l.kind == *spec.within && l.gln_extension.empty()) {
            parent = i;
            break;
          }
        }
      }
      const int count = static_cast<int>(rng_.Between(spec.count_min, spec.count_max));
      for (int n = 1; n <= count; ++n) {
        PlannedLocation pl;
        pl.org = pr.org;
        Location& l = pl.record;
        std::string commune;
        if (parent) {
          const Location& p = plan_.locations[*parent].record;
          commune = location_communes_[*parent];
          l.gln = p.gln;
          l.gln_extension = spec.extension + ZeroPad(static_cast<uint64_t>(n), 2);
          l.address = p.address;
          Scatter(*p.latitude, *p.longitude, 0.004, &l.latitude, &l.longitude);
        } else {
          commune = pr.locations.empty() ? pr.commune : rng_.Pick(pr.district->communes);
          l.gln = WithCheckDigit(pr.prefix + ZeroPad(pr.next_location_ref++, ref_digits_));
          const bool street = spec.kind == LocationKind::kFactory ||
                              spec.kind == LocationKind::kWarehouse ||
                              spec.kind == LocationKind::kShop;
          l.address = pr.locations.empty() && org.kind == OrgKind::kEnterprise
                          ? org.address
                          : Address(*pr.district, commune, street);
          Scatter(pr.latitude, pr.longitude, 0.02, &l.latitude, &l.longitude);
        }
        l.name = ExpandTemplate(spec.name, {{"brand", pr.brand},
                                            {"commune", commune},
                                            {"district", pr.district->name},
                                            {"n", std::to_string(n)}});
        l.kind = spec.kind;
        l.district = pr.district->name;
        if (spec.kind == LocationKind::kGrowingArea) {
          l.area_code = NextAreaCode(p_.growing_area_code, &growing_area_counter_);
        } else if (spec.kind == LocationKind::kPackingHouse) {
          l.area_code = NextAreaCode(p_.packing_house_code, &packing_house_counter_);
        }
        l.review_status = ReviewStatus::kApproved;
        pr.locations.push_back(plan_.locations.size());
        plan_.locations.push_back(std::move(pl));
        location_communes_.push_back(std::move(commune));
      }
    }
  }

  void PlanProducts(Producer& pr) {
    const Stage& stage = *pr.stage;
    const Organisation& org = plan_.organisations[pr.org];
    // Every template × variant × pack the stage may make; a seeded subset.
    std::vector<std::tuple<size_t, size_t, size_t>> combos;
    for (size_t t : stage.products) {
      for (size_t v = 0; v < p_.products[t].variants.size(); ++v) {
        for (size_t k = 0; k < p_.products[t].packs.size(); ++k) combos.emplace_back(t, v, k);
      }
    }
    rng_.Shuffle(combos);
    combos.resize(static_cast<size_t>(rng_.Between(stage.products_min, stage.products_max)));
    std::sort(combos.begin(), combos.end());

    const std::string year =
        std::to_string(static_cast<int>(std::chrono::year_month_day{today_}.year()));
    for (const auto& [t, v, k] : combos) {
      const ProductTemplate& pt = p_.products[t];
      const BilingualText& variant = pt.variants[v];
      const BilingualText& pack = pt.packs[k];
      PlannedProduct pp;
      pp.org = pr.org;
      Product& r = pp.record;
      r.gtin = "0" + WithCheckDigit(pr.prefix + ZeroPad(pr.next_item_ref++, ref_digits_));
      r.name_vi = ExpandTemplate(pt.name_vi,
                                 {{"variant", variant.vi}, {"pack", pack.vi}, {"brand", pr.brand}});
      r.name_en = ExpandTemplate(pt.name_en,
                                 {{"variant", variant.en}, {"pack", pack.en}, {"brand", pr.brand}});
      r.category = pt.category;
      r.brand = pr.brand;
      r.description = ExpandTemplate(pt.description, {{"variant", variant.vi},
                                                      {"pack", pack.vi},
                                                      {"brand", pr.brand},
                                                      {"org", org.name},
                                                      {"commune", pr.commune},
                                                      {"district", pr.district->name},
                                                      {"province", p_.name}});
      r.standards =
          ExpandTemplate(pt.standards, {{"year", year}, {"code", AsciiInitials(pr.brand)}});
      r.shelf_life_days = pt.shelf_life_days;
      r.priority = pt.priority;
      r.review_status = ReviewStatus::kApproved;
      if (stage.ocop) ocop_products_.push_back(plan_.products.size());
      plan_.products.push_back(std::move(pp));
      PlanLots(pr, pt, plan_.products.size() - 1);
    }
  }

  static bool InHarvest(const ProductTemplate& pt, std::chrono::sys_days day) {
    if (pt.harvest_months.empty()) return true;
    const int month =
        static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{day}.month()));
    return std::find(pt.harvest_months.begin(), pt.harvest_months.end(), month) !=
           pt.harvest_months.end();
  }

  void PlanLots(const Producer& pr, const ProductTemplate& pt, size_t product) {
    std::optional<size_t> location;
    for (LocationKind kind : pt.made_at) {
      for (size_t i : pr.locations) {
        if (plan_.locations[i].record.kind == kind) {
          location = i;
          break;
        }
      }
      if (location) break;
    }
    // Oldest lot first, so that lot numbers grow with the date.
    std::vector<int64_t> days;  // how long ago a lot may have been made
    for (int64_t age = 0; age <= p_.lot_max_age_days; ++age) {
      if (InHarvest(pt, today_ - std::chrono::days(age))) days.push_back(age);
    }
    if (days.empty()) {  // no harvest month in the window: any day will do
      for (int64_t age = 0; age <= p_.lot_max_age_days; ++age) days.push_back(age);
    }
    std::vector<int64_t> ages(static_cast<size_t>(rng_.Between(p_.lots_min, p_.lots_max)));
    for (int64_t& age : ages) age = rng_.Pick(days);
    std::sort(ages.rbegin(), ages.rend());
    for (size_t i = 0; i < ages.size(); ++i) {
      const std::chrono::sys_days made = today_ - std::chrono::days(ages[i]);
      const std::string date = FormatDate(made);
      PlannedLot pl;
      pl.org = pr.org;
      pl.product = product;
      pl.location = location;
      Lot& l = pl.record;
      // e.g. "NH240512-01": template prefix, YYMMDD, sequence within the product.
      l.lot_code = pt.lot_prefix + date.substr(2, 2) + date.substr(5, 2) + date.substr(8, 2) + "-" +
                   ZeroPad(i + 1, 2);
      l.production_date = date;
      if (pt.shelf_life_days) {
        l.expiry_date = FormatDate(made + std::chrono::days(*pt.shelf_life_days));
      }
      l.quantity = std::round(rng_.Real(pt.lot_quantity_min, pt.lot_quantity_max));
      l.unit = pt.unit;
      l.review_status = ReviewStatus::kApproved;
      plan_.lots.push_back(std::move(pl));
    }
  }

  // Leaves a seeded share of the eligible records rejected, pending or draft;
  // the rest stay approved.
  template <typename Planned>
  void ShareOut(std::vector<Planned>& items, const std::vector<bool>& eligible,
                const std::vector<std::string>& reasons) {
    std::vector<size_t> pool;
    for (size_t i = 0; i < items.size(); ++i) {
      if (eligible[i]) pool.push_back(i);
    }
    rng_.Shuffle(pool);
    const auto count = [&](double share) -> size_t {
      if (share <= 0) return 0;
      return std::max<size_t>(
          1, static_cast<size_t>(std::llround(share * static_cast<double>(pool.size()))));
    };
    size_t next = 0;
    const auto take = [&](size_t n, ReviewStatus status) {
      for (size_t k = 0; k < n && next < pool.size(); ++k) {
        auto& record = items[pool[next++]].record;
        record.review_status = status;
        if (status == ReviewStatus::kRejected) {
          record.review_reason = reasons[reason_counter_++ % reasons.size()];
        }
      }
    };
    take(count(p_.rejected_share), ReviewStatus::kRejected);
    take(count(p_.pending_share), ReviewStatus::kPending);
    take(count(p_.draft_share), ReviewStatus::kDraft);
  }

  void AssignReviewStates() {
    // A few producers registered recently: they and all they made wait for review.
    std::vector<size_t> order(producers_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = producers_[i].org;
    rng_.Shuffle(order);
    for (size_t i = 0; i < static_cast<size_t>(p_.pending_organisations); ++i) {
      plan_.organisations[order[i]].review_status = ReviewStatus::kPending;
    }
    const auto org_approved = [&](size_t org) {
      return plan_.organisations[org].review_status == ReviewStatus::kApproved;
    };

    std::vector<bool> eligible(plan_.locations.size());
    for (size_t i = 0; i < plan_.locations.size(); ++i) {
      eligible[i] = org_approved(plan_.locations[i].org);
      if (!eligible[i]) plan_.locations[i].record.review_status = ReviewStatus::kPending;
    }
    ShareOut(plan_.locations, eligible, p_.location_reasons);

    eligible.assign(plan_.products.size(), false);
    for (size_t i = 0; i < plan_.products.size(); ++i) {
      eligible[i] = org_approved(plan_.products[i].org);
      if (!eligible[i]) plan_.products[i].record.review_status = ReviewStatus::kPending;
    }
    ShareOut(plan_.products, eligible, p_.product_reasons);

    // Lots follow their product: only lots of approved products are
    // reviewed; lots of a pending product wait with it, lots of a draft or
    // rejected product stay drafts until the product is fixed.
    eligible.assign(plan_.lots.size(), false);
    for (size_t i = 0; i < plan_.lots.size(); ++i) {
      const ReviewStatus product = plan_.products[plan_.lots[i].product].record.review_status;
      eligible[i] = product == ReviewStatus::kApproved;
      if (product == ReviewStatus::kPending) {
        plan_.lots[i].record.review_status = ReviewStatus::kPending;
      } else if (!eligible[i]) {
        plan_.lots[i].record.review_status = ReviewStatus::kDraft;
      }
    }
    ShareOut(plan_.lots, eligible, p_.lot_reasons);
  }

  void AssignOcopStars() {
    std::vector<int32_t> stars;
    // Every rating appears once when there are enough products, the rest
    // follow the weights.
    if (ocop_products_.size() >= 3) stars = {3, 4, 5};
    while (stars.size() < ocop_products_.size()) {
      stars.push_back(3 + static_cast<int32_t>(rng_.Weighted(p_.star_weights)));
    }
    rng_.Shuffle(stars);
    for (size_t i = 0; i < ocop_products_.size(); ++i) {
      plan_.products[ocop_products_[i]].record.ocop_stars = stars[i];
    }
  }

  Status FinishUsers() {
    std::set<std::string> staff;
    for (const PlannedUser& u : plan_.users) staff.insert(u.record.username);
    const size_t width = std::max<size_t>(2, std::to_string(producers_.size()).size());
    for (size_t i = 0; i < producers_.size(); ++i) {
      PlannedUser u;
      u.record.username = kProducerUsernamePrefix + ZeroPad(i + 1, width);
      if (staff.contains(u.record.username)) {
        return Status::InvalidArgument("authorities: the staff username '" + u.record.username +
                                           "' is also the name of a generated producer account; "
                                           "choose another",
                                       "authorities.users.username");
      }
      u.record.display_name = producers_[i].person;
      u.record.role = Role::kProducer;
      u.org = producers_[i].org;
      plan_.users.push_back(std::move(u));
    }
    for (size_t i = 0; i < plan_.users.size(); ++i) {
      if (plan_.users[i].record.role == Role::kReviewer) {
        plan_.reviewer = i;
        break;
      }
    }
    return Status::Ok();
  }

  const Province& p_;
  DemoRandom rng_;
  std::chrono::sys_days today_;
  size_t ref_digits_ = 5;
  uint64_t first_item_ref_ = 0;

  Plan plan_;
  std::vector<Producer> producers_;
  std::vector<std::string> prefixes_;
  std::vector<std::string> brands_;
  std::vector<std::string> tax_codes_;
  std::vector<std::string> location_communes_;  // parallel to plan_.locations
  std::vector<size_t> ocop_products_;
  uint64_t growing_area_counter_ = 0;
  uint64_t packing_house_counter_ = 0;
  size_t reason_counter_ = 0;
};

}  // namespace

Result<Plan> PlanProvince(const Province& province, uint64_t seed, std::chrono::sys_days today) {
  return Planner(province, seed, today).Run();
}

}  // namespace txng::demo
