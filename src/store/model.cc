#include "store/model.h"

#include <array>
#include <utility>

namespace txng {
namespace {

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<ReviewStatus, std::string_view>, 4> kReviewStatuses{{
    {ReviewStatus::kDraft, "draft"},
    {ReviewStatus::kPending, "pending"},
    {ReviewStatus::kApproved, "approved"},
    {ReviewStatus::kRejected, "rejected"},
}};

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::kAdmin, "admin"},
    {Role::kReviewer, "reviewer"},
    {Role::kOfficer, "officer"},
    {Role::kProducer, "producer"},
}};

constexpr std::array<std::pair<OrgKind, std::string_view>, 4> kOrgKinds{{
    {OrgKind::kEnterprise, "enterprise"},
    {OrgKind::kCooperative, "cooperative"},
    {OrgKind::kHousehold, "household"},
    {OrgKind::kAuthority, "authority"},
}};

constexpr std::array<std::pair<LocationKind, std::string_view>, 6> kLocationKinds{{
    {LocationKind::kFarm, "farm"},
    {LocationKind::kGrowingArea, "growing_area"},
    {LocationKind::kPackingHouse, "packing_house"},
    {LocationKind::kFactory, "factory"},
    {LocationKind::kWarehouse, "warehouse"},
    {LocationKind::kShop, "shop"},
}};

}  // namespace

std::string_view ToString(ReviewStatus s) { return NameOf(kReviewStatuses, s); }
std::optional<ReviewStatus> ParseReviewStatus(std::string_view s) {
  return ValueOf(kReviewStatuses, s);
}
std::string_view ToString(Role r) { return NameOf(kRoles, r); }
std::optional<Role> ParseRole(std::string_view s) { return ValueOf(kRoles, s); }
std::string_view ToString(OrgKind k) { return NameOf(kOrgKinds, k); }
std::optional<OrgKind> ParseOrgKind(std::string_view s) { return ValueOf(kOrgKinds, s); }
std::string_view ToString(LocationKind k) { return NameOf(kLocationKinds, k); }
std::optional<LocationKind> ParseLocationKind(std::string_view s) {
  return ValueOf(kLocationKinds, s);
}

}  // namespace txng
