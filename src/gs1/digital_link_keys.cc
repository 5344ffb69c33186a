#include "gs1/digital_link_keys.h"

#include <string_view>

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

}  // namespace

bool IsDigitalLinkPathSequence(const std::vector<std::string>& path_ais) {
  if (path_ais.empty()) return false;
  const AiEntry* key = FindAi(path_ais[0]);
  if (key == nullptr || !key->dl_primary_key) return false;
  if (path_ais.size() == 1) return true;
  std::string_view alternatives = key->dl_qualifiers;
  while (!alternatives.empty()) {
    std::size_t bar = alternatives.find('|');
    if (FollowsSequence(path_ais, alternatives.substr(0, bar))) return true;
    alternatives =
        bar == std::string_view::npos ? std::string_view() : alternatives.substr(bar + 1);
  }
  return false;
}

}  // namespace txng::gs1
