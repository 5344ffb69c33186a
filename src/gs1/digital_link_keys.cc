#include "gs1/digital_link_keys.h"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "gs1/ai_lookup.h"
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

// A half-open range of indexes into a vector.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// The qualifier sequences of every primary key, parsed once from the table
// into the AI codes (AiCode) of their qualifiers, in order.
class QualifierSequences {
 public:
  QualifierSequences() : entries_(AllAis().data()) {
    for (const AiEntry& entry : AllAis()) {
      Range sequences{Size(sequences_), Size(sequences_)};
      std::string_view alternatives = entry.dl_primary_key ? entry.dl_qualifiers : "";
      while (!alternatives.empty()) {
        std::string_view sequence = NextPiece(alternatives, '|');
        Range codes{Size(codes_), Size(codes_)};
        while (!sequence.empty()) codes_.push_back(AiCode(NextPiece(sequence, ',')));
        codes.end = Size(codes_);
        sequences_.push_back(codes);
      }
      sequences.end = Size(sequences_);
      of_entry_.push_back(sequences);
    }
  }

  static const QualifierSequences& Get() {
    static const QualifierSequences sequences;
    return sequences;
  }

  // The sequences of the primary key `key`, each a Range for Codes().
  std::span<const Range> Of(const AiEntry& key) const {
    Range r = of_entry_[static_cast<std::size_t>(&key - entries_)];
    return {sequences_.data() + r.begin, r.end - r.begin};
  }

  std::span<const std::uint64_t> Codes(Range sequence) const {
    return {codes_.data() + sequence.begin, sequence.end - sequence.begin};
  }

 private:
  template <typename T>
  static std::uint32_t Size(const std::vector<T>& v) {
    return static_cast<std::uint32_t>(v.size());
  }

  const AiEntry* entries_;  // the table, which FindAi points into
  std::vector<std::uint64_t> codes_;
  std::vector<Range> sequences_;
  std::vector<Range> of_entry_;  // into sequences_, by entry
};

// True when the qualifiers `path_codes[1..]` are an in-order subsequence of
// `sequence`.
bool FollowsSequence(std::span<const std::uint64_t> path_codes,
                     std::span<const std::uint64_t> sequence) {
  std::size_t next = 1;
  for (std::size_t i = 0; i < sequence.size() && next < path_codes.size(); ++i) {
    if (sequence[i] == path_codes[next]) ++next;
  }
  return next == path_codes.size();
}

bool Contains(std::span<const std::uint64_t> codes, std::uint64_t code) {
  for (std::uint64_t c : codes) {
    if (c == code) return true;
  }
  return false;
}

// The codes of `path_ais`, and the entry of the first.
struct PathCodes {
  explicit PathCodes(std::span<const AiValue> path_ais)
      : first(path_ais.empty() ? nullptr : FindAi(path_ais[0].ai)) {
    for (const AiValue& pair : path_ais) codes.push_back(AiCode(pair.ai));
  }

  const AiEntry* first;
  InlineVector<std::uint64_t, 8> codes;
};

}  // namespace

bool IsPathQualifierOf(const AiEntry* first, std::span<const std::uint64_t> path_codes,
                       std::uint64_t code) {
  if (first == nullptr || !first->dl_primary_key || path_codes.empty()) return false;
  const QualifierSequences& all = QualifierSequences::Get();
  for (Range sequence : all.Of(*first)) {
    std::span<const std::uint64_t> codes = all.Codes(sequence);
    if (Contains(codes, code) && FollowsSequence(path_codes, codes)) return true;
  }
  return false;
}

bool IsPathQualifierOf(std::span<const AiValue> path_ais, std::string_view ai) {
  PathCodes path(path_ais);
  return IsPathQualifierOf(path.first, path.codes.span(), AiCode(ai));
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

bool IsDigitalLinkPathSequence(const AiEntry* first, std::span<const std::uint64_t> path_codes) {
  if (first == nullptr || !first->dl_primary_key || path_codes.empty()) return false;
  if (path_codes.size() == 1) return true;
  const QualifierSequences& all = QualifierSequences::Get();
  for (Range sequence : all.Of(*first)) {
    if (FollowsSequence(path_codes, all.Codes(sequence))) return true;
  }
  return false;
}

bool IsDigitalLinkPathSequence(std::span<const AiValue> path_ais) {
  PathCodes path(path_ais);
  return IsDigitalLinkPathSequence(path.first, path.codes.span());
}

}  // namespace txng::gs1
