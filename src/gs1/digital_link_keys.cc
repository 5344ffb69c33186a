#include "gs1/digital_link_keys.h"

#include <string_view>
#include <utility>

#include "gs1/ai_table.h"

namespace txng::gs1 {
namespace {

// The piece of `list` before the first `separator`; `list` keeps what
// follows it. The lists here are a few characters long: a loop beats a call
// to memchr.
std::string_view NextPiece(std::string_view& list, char separator) {
  std::size_t i = 0;
  while (i < list.size() && list[i] != separator) ++i;
  std::string_view piece = list.substr(0, i);
  list.remove_prefix(i < list.size() ? i + 1 : i);
  return piece;
}

// Equality of short strings without a call to memcmp.
bool Same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// True when the qualifiers `path_ais[1..]` are an in-order subsequence of
// the comma list `sequence`.
bool FollowsSequence(const std::vector<std::string>& path_ais, std::string_view sequence) {
  std::size_t next = 1;
  while (!sequence.empty() && next < path_ais.size()) {
    if (Same(NextPiece(sequence, ','), path_ais[next])) ++next;
  }
  return next == path_ais.size();
}

// The entry of `path_ais[0]` when it is a Digital Link primary key, else
// nullptr.
const AiEntry* PrimaryKeyOf(const std::vector<std::string>& path_ais) {
  if (path_ais.empty()) return nullptr;
  const AiEntry* key = FindAi(path_ais[0]);
  return key != nullptr && key->dl_primary_key ? key : nullptr;
}

// True when `ai` is in any qualifier sequence of `key`: a quick answer for
// the many AIs that are no qualifier at all.
bool IsAnyQualifierOf(const AiEntry& key, std::string_view ai) {
  std::string_view list = key.dl_qualifiers;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    if (i == list.size() || list[i] == ',' || list[i] == '|') {
      if (Same(list.substr(start, i - start), ai)) return true;
      start = i + 1;
    }
  }
  return false;
}

// Calls `fn` on each '|'-separated qualifier sequence of the primary key
// `key` that the path's qualifiers follow; stops when `fn` returns true.
template <typename Fn>
bool AnyFollowedSequence(const AiEntry& key, const std::vector<std::string>& path_ais, Fn fn) {
  std::string_view alternatives = key.dl_qualifiers;
  while (!alternatives.empty()) {
    std::string_view sequence = NextPiece(alternatives, '|');
    if (FollowsSequence(path_ais, sequence) && fn(sequence)) return true;
  }
  return false;
}

}  // namespace

bool IsPathQualifierOf(const std::vector<std::string>& path_ais, std::string_view ai) {
  const AiEntry* key = PrimaryKeyOf(path_ais);
  if (key == nullptr || !IsAnyQualifierOf(*key, ai)) return false;
  return AnyFollowedSequence(*key, path_ais, [ai](std::string_view sequence) {
    while (!sequence.empty()) {
      if (Same(NextPiece(sequence, ','), ai)) return true;
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
  const AiEntry* key = PrimaryKeyOf(path_ais);
  if (key == nullptr) return false;
  if (path_ais.size() == 1) return true;
  return AnyFollowedSequence(*key, path_ais, [](std::string_view) { return true; });
}

}  // namespace txng::gs1
