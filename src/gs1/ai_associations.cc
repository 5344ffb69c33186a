#include "gs1/ai_associations.h"

#include <array>
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
class Rules {
 public:
  struct Requisite {
    std::string_view text;
    Range groups;  // into groups_
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

 private:
  struct OfEntry {
    Range excludes;    // into patterns_
    Range requisites;  // into requisites_
  };

  const OfEntry& Of(const AiEntry& entry) const {
    return of_entry_[static_cast<std::size_t>(&entry - entries_)];
  }

  const AiEntry* entries_;  // the table, which FindAi points into
  std::vector<Pattern> patterns_;
  std::vector<Range> groups_;
  std::vector<Requisite> requisites_;
  std::vector<OfEntry> of_entry_;
};

// The codes of a set of AIs, computed once; held in place for the usual few.
class Codes {
 public:
  explicit Codes(const std::vector<AiValue>& ais) {
    std::uint64_t* out = inline_.data();
    if (ais.size() > inline_.size()) {
      heap_.resize(ais.size());
      out = heap_.data();
    }
    for (std::size_t i = 0; i < ais.size(); ++i) out[i] = AiCode(ais[i].ai);
    codes_ = {out, ais.size()};
  }
  Codes(const Codes&) = delete;
  Codes& operator=(const Codes&) = delete;

  std::uint64_t operator[](std::size_t i) const { return codes_[i]; }

  bool AnyMatches(const Pattern& pattern) const {
    for (std::uint64_t code : codes_) {
      if (pattern.Matches(code)) return true;
    }
    return false;
  }

 private:
  std::array<std::uint64_t, 8> inline_;
  std::vector<std::uint64_t> heap_;
  std::span<const std::uint64_t> codes_;
};

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

Status ValidateExclusionsAndRepeats(const std::vector<AiValue>& ais,
                                    std::span<const AiEntry* const> entries) {
  Codes codes(ais);
  for (std::size_t i = 0; i < ais.size(); ++i) {
    for (std::size_t j = i + 1; j < ais.size(); ++j) {
      if (codes[j] == codes[i] && ais[i].ai == ais[j].ai && ais[i].value != ais[j].value) {
        return Status::InvalidArgument(
            "AI (" + ais[i].ai + ") is given twice with different values", ais[i].ai);
      }
    }
  }
  const Rules& rules = Rules::Get();
  const std::uint64_t signature = AiCode("8030");
  bool signed_data = false;
  for (std::size_t i = 0; i < ais.size(); ++i) signed_data = signed_data || codes[i] == signature;
  for (std::size_t i = 0; i < ais.size(); ++i) {
    const AiEntry* entry = entries[i];
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

Status ValidateRequisites(const std::vector<AiValue>& ais,
                          std::span<const AiEntry* const> entries) {
  const Rules& rules = Rules::Get();
  Codes codes(ais);
  for (std::size_t i = 0; i < ais.size(); ++i) {
    const AiEntry* entry = entries[i];
    if (entry == nullptr) continue;
    const AiValue& a = ais[i];
    for (const Rules::Requisite& requisite : rules.Requisites(*entry)) {
      bool met = false;
      for (Range group : rules.Groups(requisite)) {
        bool all = true;
        for (const Pattern& pattern : rules.Patterns(group)) {
          if (!codes.AnyMatches(pattern)) {
            all = false;
            break;
          }
        }
        if (all) {
          met = true;
          break;
        }
      }
      if (!met) {
        return Status::InvalidArgument(
            "AI (" + a.ai + ") requires one of: " + std::string(requisite.text), a.ai);
      }
    }
  }
  return Status::Ok();
}

}  // namespace txng::gs1
