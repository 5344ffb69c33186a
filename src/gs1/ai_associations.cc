#include "gs1/ai_associations.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace txng::gs1 {
namespace {

// A pattern where 'n' stands for any digit: an AI matches when its code
// (AiCode), masked, equals `code`.
struct Pattern {
  std::uint64_t code;
  std::uint64_t mask;

  bool Matches(std::uint64_t ai_code) const { return (ai_code & mask) == code; }
};

Pattern PatternOf(std::string_view text) {
  std::uint64_t digit_positions = 0;
  std::string exact(text);
  for (std::size_t i = 0; i < exact.size() && i < 4; ++i) {
    if (exact[i] == 'n') {
      exact[i] = '\0';
    } else {
      digit_positions |= std::uint64_t{0xFF} << (8 * i);
    }
  }
  std::uint64_t mask = (std::uint64_t{0xFF} << 32) | digit_positions;
  return {AiCode(exact) & mask, mask};
}

// Calls `fn` on each non-empty piece of `list` between `separator`s.
template <typename Fn>
void ForEachPiece(std::string_view list, char separator, Fn fn) {
  while (!list.empty()) {
    std::size_t cut = list.find(separator);
    std::string_view piece = list.substr(0, cut);
    if (!piece.empty()) fn(piece);
    list = cut == std::string_view::npos ? std::string_view() : list.substr(cut + 1);
  }
}

// A half-open range of indexes into one of the vectors of Rules.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// The "req" and "ex" lists of every entry of the table, parsed once rather
// than on each check: a "req" rule is met when all the patterns of one of its
// groups match AIs present.
//
// For the quick check the rules are also held as bit masks: each distinct
// pattern of the "req" lists is a bit of a word and each of the "ex" lists a
// bit of an ExMask, so that what the AIs present match is a word and a rule
// check a mask test. The masks are there (HasMasks) when the table's
// patterns fit them.
class Rules {
 public:
  struct Requisite {
    std::string_view text;
    Range groups;  // into groups_
  };
  using ExMask = std::bitset<128>;
  struct Masks {
    std::uint64_t requisite_patterns = 0;  // the "req" patterns the entry's AI matches
    ExMask exclusion_patterns;             // the "ex" patterns the entry's AI matches
    ExMask excludes;                       // the "ex" patterns of the entry's own list
    Range requisites;                      // the entry's "req" rules, into requisites_
  };

  Rules() : entries_(AllAis().data()) {
    auto range_of = [](auto& vector, auto fill) {
      Range range;
      range.begin = static_cast<std::uint32_t>(vector.size());
      fill();
      range.end = static_cast<std::uint32_t>(vector.size());
      return range;
    };
    for (const AiEntry& entry : AllAis()) {
      Range excludes = range_of(patterns_, [&] {
        ForEachPiece(entry.excludes_ais, ',',
                     [&](std::string_view p) { patterns_.push_back(PatternOf(p)); });
      });
      Range requisites = range_of(requisites_, [&] {
        ForEachPiece(entry.requires_ais, ' ', [&](std::string_view rule) {
          Range groups = range_of(groups_, [&] {
            ForEachPiece(rule, ',', [&](std::string_view group) {
              groups_.push_back(range_of(patterns_, [&] {
                ForEachPiece(group, '+',
                             [&](std::string_view p) { patterns_.push_back(PatternOf(p)); });
              }));
            });
          });
          requisites_.push_back({rule, groups});
        });
      });
      of_entry_.push_back({excludes, requisites});
    }
    has_masks_ = BuildMasks();
  }

  static const Rules& Get() {
    static const Rules rules;
    return rules;
  }

  std::span<const Pattern> Excludes(const AiEntry& entry) const {
    return Patterns(Of(entry).excludes);
  }
  std::span<const Requisite> Requisites(const AiEntry& entry) const {
    Range r = Of(entry).requisites;
    return {requisites_.data() + r.begin, r.end - r.begin};
  }
  std::span<const Range> Groups(const Requisite& requisite) const {
    return {groups_.data() + requisite.groups.begin, requisite.groups.end - requisite.groups.begin};
  }
  std::span<const Pattern> Patterns(Range r) const {
    return {patterns_.data() + r.begin, r.end - r.begin};
  }

  bool HasMasks() const { return has_masks_; }
  // Only when HasMasks().
  const Masks& MasksOf(const AiEntry& entry) const { return masks_[IndexOf(entry)]; }
  // Whether one of the groups of the requisites `masks.requisites` is all
  // in `present` (a mask of "req" patterns), when HasMasks().
  bool RequisitesMet(const Masks& masks, std::uint64_t present) const {
    for (std::uint32_t r = masks.requisites.begin; r < masks.requisites.end; ++r) {
      const Requisite& requisite = requisites_[r];
      bool met = false;
      for (std::uint32_t g = requisite.groups.begin; g < requisite.groups.end && !met; ++g) {
        met = (group_masks_[g] & ~present) == 0;
      }
      if (!met) return false;
    }
    return true;
  }

 private:
  struct OfEntry {
    Range excludes;    // into patterns_
    Range requisites;  // into requisites_
  };

  std::size_t IndexOf(const AiEntry& entry) const {
    return static_cast<std::size_t>(&entry - entries_);
  }
  const OfEntry& Of(const AiEntry& entry) const { return of_entry_[IndexOf(entry)]; }

  // The bit of `pattern` among `distinct`, added when new; -1 beyond `limit`.
  static int BitOf(std::vector<Pattern>& distinct, const Pattern& pattern, std::size_t limit) {
    for (std::size_t i = 0; i < distinct.size(); ++i) {
      if (distinct[i].code == pattern.code && distinct[i].mask == pattern.mask) {
        return static_cast<int>(i);
      }
    }
    if (distinct.size() == limit) return -1;
    distinct.push_back(pattern);
    return static_cast<int>(distinct.size() - 1);
  }

  // Fills masks_ and group_masks_; false when the patterns do not fit.
  bool BuildMasks() {
    std::vector<Pattern> requisite_patterns;
    std::vector<Pattern> exclusion_patterns;
    masks_.resize(of_entry_.size());
    group_masks_.resize(groups_.size());
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (const Pattern& pattern : Patterns(groups_[g])) {
        int bit = BitOf(requisite_patterns, pattern, 64);
        if (bit < 0) return false;
        group_masks_[g] |= std::uint64_t{1} << bit;
      }
    }
    for (std::size_t e = 0; e < of_entry_.size(); ++e) {
      for (const Pattern& pattern : Patterns(of_entry_[e].excludes)) {
        int bit = BitOf(exclusion_patterns, pattern, masks_[e].excludes.size());
        if (bit < 0) return false;
        masks_[e].excludes.set(static_cast<std::size_t>(bit));
      }
    }
    for (std::size_t e = 0; e < of_entry_.size(); ++e) {
      masks_[e].requisites = of_entry_[e].requisites;
      std::uint64_t code = AiCode(entries_[e].ai);
      for (std::size_t b = 0; b < requisite_patterns.size(); ++b) {
        if (requisite_patterns[b].Matches(code))
          masks_[e].requisite_patterns |= std::uint64_t{1} << b;
      }
      for (std::size_t b = 0; b < exclusion_patterns.size(); ++b) {
        if (exclusion_patterns[b].Matches(code)) masks_[e].exclusion_patterns.set(b);
      }
    }
    return true;
  }

  const AiEntry* entries_;  // the table, which FindAi points into
  std::vector<Pattern> patterns_;
  std::vector<Range> groups_;
  std::vector<Requisite> requisites_;
  std::vector<OfEntry> of_entry_;
  bool has_masks_ = false;
  std::vector<Masks> masks_;                // by entry
  std::vector<std::uint64_t> group_masks_;  // parallel to groups_
};

// Whether any of `codes` matches `pattern`.
bool AnyMatches(std::span<const std::uint64_t> codes, const Pattern& pattern) {
  for (std::uint64_t code : codes) {
    if (pattern.Matches(code)) return true;
  }
  return false;
}

// Whether one group of `requisite`, all its patterns, matches `codes`.
bool IsMet(const Rules& rules, const Rules::Requisite& requisite,
           std::span<const std::uint64_t> codes) {
  for (Range group : rules.Groups(requisite)) {
    bool all = true;
    for (const Pattern& pattern : rules.Patterns(group)) {
      if (!AnyMatches(codes, pattern)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

constexpr std::uint64_t kSignature = AiCode("8030");

// The keys whose signed form (with AI 8030) must carry their optional serial
// component.
bool IsSerialisableKey(std::uint64_t code) {
  return code == AiCode("253") || code == AiCode("255") || code == AiCode("8003");
}

std::size_t MandatoryLength(const AiEntry& entry) {
  std::size_t length = 0;
  for (const AiComponent& c : ComponentsOf(entry)) {
    if (!c.optional) length += c.max_length;
  }
  return length;
}

}  // namespace

Status ValidateExclusionsAndRepeats(const std::vector<AiValue>& ais, const AiLookup& lookup) {
  std::span<const std::uint64_t> codes = lookup.codes();
  for (std::size_t i = 0; i < ais.size(); ++i) {
    for (std::size_t j = i + 1; j < ais.size(); ++j) {
      if (codes[j] == codes[i] && ais[i].ai == ais[j].ai && ais[i].value != ais[j].value) {
        return Status::InvalidArgument(
            "AI (" + ais[i].ai + ") is given twice with different values", ais[i].ai);
      }
    }
  }
  const Rules& rules = Rules::Get();
  bool signed_data = false;
  for (std::size_t i = 0; i < ais.size(); ++i) signed_data = signed_data || codes[i] == kSignature;
  for (std::size_t i = 0; i < ais.size(); ++i) {
    const AiEntry* entry = lookup.entry(i);
    if (entry == nullptr) continue;
    const AiValue& a = ais[i];
    for (const Pattern& pattern : rules.Excludes(*entry)) {
      for (std::size_t j = 0; j < ais.size(); ++j) {
        if (pattern.Matches(codes[j]) && ais[j].ai != a.ai) {
          return Status::InvalidArgument(
              "AI (" + a.ai + ") may not be used with AI (" + ais[j].ai + ")", a.ai);
        }
      }
    }
    if (signed_data && IsSerialisableKey(codes[i]) && a.value.size() <= MandatoryLength(*entry)) {
      return Status::InvalidArgument(
          "AI (" + a.ai + "): a digitally signed (8030) key must include its serial component",
          a.ai);
    }
  }
  return Status::Ok();
}

Status ValidateRequisites(const std::vector<AiValue>& ais, const AiLookup& lookup) {
  const Rules& rules = Rules::Get();
  for (std::size_t i = 0; i < ais.size(); ++i) {
    const AiEntry* entry = lookup.entry(i);
    if (entry == nullptr) continue;
    for (const Rules::Requisite& requisite : rules.Requisites(*entry)) {
      if (!IsMet(rules, requisite, lookup.codes())) {
        return Status::InvalidArgument(
            "AI (" + ais[i].ai + ") requires one of: " + std::string(requisite.text), ais[i].ai);
      }
    }
  }
  return Status::Ok();
}

bool AssociationsHoldQuickly(const AiLookup& lookup, bool exclusions, bool requisites) {
  if (!exclusions && !requisites) return true;
  const Rules& rules = Rules::Get();
  // Beyond kMaxAis AIs, and for AIs outside the table, which the masks do
  // not cover, the long way.
  constexpr std::size_t kMaxAis = 8;
  std::size_t n = lookup.size();
  if (!rules.HasMasks() || n > kMaxAis) return false;
  const std::uint64_t* codes = lookup.codes().data();
  const AiEntry* const* entries = lookup.entries().data();
  std::array<const Rules::Masks*, kMaxAis> masks;
  std::uint64_t present = 0;  // the "req" patterns the AIs match
  for (std::size_t i = 0; i < n; ++i) {
    if (entries[i] == nullptr) return false;
    masks[i] = &rules.MasksOf(*entries[i]);
    present |= masks[i]->requisite_patterns;
  }
  if (exclusions) {
    for (std::size_t i = 0; i < n; ++i) {
      if (codes[i] == kSignature) return false;
      for (std::size_t j = i + 1; j < n; ++j) {
        if (codes[j] == codes[i]) return false;
      }
    }
    // No AI is repeated (checked above), so another index is another AI.
    for (std::size_t i = 0; i < n; ++i) {
      if (masks[i]->excludes.none()) continue;
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i && (masks[i]->excludes & masks[j]->exclusion_patterns).any()) return false;
      }
    }
  }
  if (requisites) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!rules.RequisitesMet(*masks[i], present)) return false;
    }
  }
  return true;
}

}  // namespace txng::gs1
