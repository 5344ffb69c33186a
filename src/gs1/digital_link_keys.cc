#include "gs1/digital_link_keys.h"

#include <string_view>
#include <utility>

#include "gs1/ai_table.h"

namespace txng::gs1 {
namespace {

// True when `qualifiers` is an in-order subsequence of the comma list
// `sequence`.
bool FollowsSequence(const std::vector<std::string>& path_ais, std::string_view sequence) {
  std::size_t next = 1;
  while (!sequence.empty() && next < path_ais.size()) {
    std::size_t comma = sequence.find(',');
    if (sequence.substr(0, comma) == path_ais[next]) ++next;
    sequence = comma == std::string_view::npos ? std::string_view() : sequence.substr(comma + 1);
  }
  return next == path_ais.size();
}

// Calls `fn` on each '|'-separated qualifier sequence of the path's primary
// key that the path's qualifiers follow; stops when `fn` returns true.
template <typename Fn>
bool AnyFollowedSequence(const std::vector<std::string>& path_ais, Fn fn) {
  if (path_ais.empty()) return false;
  const AiEntry* key = FindAi(path_ais[0]);
  if (key == nullptr || !key->dl_primary_key) return false;
  std::string_view alternatives = key->dl_qualifiers;
  while (!alternatives.empty()) {
    std::size_t bar = alternatives.find('|');
    std::string_view sequence = alternatives.substr(0, bar);
    if (FollowsSequence(path_ais, sequence) && fn(sequence)) return true;
    alternatives =
        bar == std::string_view::npos ? std::string_view() : alternatives.substr(bar + 1);
  }
  return false;
}

}  // namespace

bool IsPathQualifierOf(const std::vector<std::string>& path_ais, std::string_view ai) {
  return AnyFollowedSequence(path_ais, [ai](std::string_view sequence) {
    while (!sequence.empty()) {
      std::size_t comma = sequence.find(',');
      if (sequence.substr(0, comma) == ai) return true;
      sequence = comma == std::string_view::npos ? std::string_view() : sequence.substr(comma + 1);
    }
    return false;
  });
}

std::string_view AiOfConvenienceAlpha(std::string_view alpha) {
  // GS1 Digital Link 1.1 short names of primary keys and qualifiers.
  static constexpr std::pair<std::string_view, std::string_view> kAlphas[] = {
      {"sscc", "00"},   {"gtin", "01"},    {"lot", "10"},    {"ser", "21"},    {"cpv", "22"},
      {"tpx", "235"},   {"gdti", "253"},   {"glnx", "254"},  {"gcn", "255"},   {"ginc", "401"},
      {"gsin", "402"},  {"gln", "414"},    {"payTo", "415"}, {"party", "417"}, {"uic", "7040"},
      {"grai", "8003"}, {"giai", "8004"},  {"itip", "8006"}, {"cpid", "8010"}, {"cpsn", "8011"},
      {"gmn", "8013"},  {"gsrnp", "8017"}, {"gsrn", "8018"}, {"srin", "8019"},
  };
  for (const auto& [name, ai] : kAlphas) {
    if (name == alpha) return ai;
  }
  return {};
}

bool IsDigitalLinkPathSequence(const std::vector<std::string>& path_ais) {
  if (path_ais.empty()) return false;
  const AiEntry* key = FindAi(path_ais[0]);
  if (key == nullptr || !key->dl_primary_key) return false;
  if (path_ais.size() == 1) return true;
  return AnyFollowedSequence(path_ais, [](std::string_view) { return true; });
}

}  // namespace txng::gs1
