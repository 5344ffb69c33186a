#include "gs1/ai_associations.h"

#include <string>

namespace txng::gs1 {
namespace {

// True when `ai` matches `pattern`, where 'n' stands for any digit.
bool Matches(std::string_view ai, std::string_view pattern) {
  if (ai.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < ai.size(); ++i) {
    if (pattern[i] != 'n' && pattern[i] != ai[i]) return false;
  }
  return true;
}

bool AnyMatches(const std::vector<AiValue>& ais, std::string_view pattern) {
  for (const AiValue& a : ais) {
    if (Matches(a.ai, pattern)) return true;
  }
  return false;
}

// Splits `list` at `separator`, calling `fn` on each non-empty piece until it
// returns true; returns whether it did.
template <typename Fn>
bool AnyPiece(std::string_view list, char separator, Fn fn) {
  while (!list.empty()) {
    std::size_t cut = list.find(separator);
    std::string_view piece = list.substr(0, cut);
    if (!piece.empty() && fn(piece)) return true;
    list = cut == std::string_view::npos ? std::string_view() : list.substr(cut + 1);
  }
  return false;
}

// The keys whose signed form (with AI 8030) must carry their optional serial
// component.
bool IsSerialisableKey(std::string_view ai) { return ai == "253" || ai == "255" || ai == "8003"; }

std::size_t MandatoryLength(const AiEntry& entry) {
  std::size_t length = 0;
  for (const AiComponent& c : ComponentsOf(entry)) {
    if (!c.optional) length += c.max_length;
  }
  return length;
}

}  // namespace

Status ValidateExclusionsAndRepeats(const std::vector<AiValue>& ais) {
  for (std::size_t i = 0; i < ais.size(); ++i) {
    for (std::size_t j = i + 1; j < ais.size(); ++j) {
      if (ais[i].ai == ais[j].ai && ais[i].value != ais[j].value) {
        return Status::InvalidArgument(
            "AI (" + ais[i].ai + ") is given twice with different values", ais[i].ai);
      }
    }
  }
  bool signed_data = AnyMatches(ais, "8030");
  for (const AiValue& a : ais) {
    const AiEntry* entry = FindAi(a.ai);
    if (entry == nullptr) continue;
    std::string excluded;
    AnyPiece(entry->excludes_ais, ',', [&](std::string_view pattern) {
      for (const AiValue& other : ais) {
        if (other.ai != a.ai && Matches(other.ai, pattern)) {
          excluded = other.ai;
          return true;
        }
      }
      return false;
    });
    if (!excluded.empty()) {
      return Status::InvalidArgument("AI (" + a.ai + ") may not be used with AI (" + excluded + ")",
                                     a.ai);
    }
    if (signed_data && IsSerialisableKey(a.ai) && a.value.size() <= MandatoryLength(*entry)) {
      return Status::InvalidArgument(
          "AI (" + a.ai + "): a digitally signed (8030) key must include its serial component",
          a.ai);
    }
  }
  return Status::Ok();
}

Status ValidateRequisites(const std::vector<AiValue>& ais) {
  for (const AiValue& a : ais) {
    const AiEntry* entry = FindAi(a.ai);
    if (entry == nullptr) continue;
    std::string_view failed;
    AnyPiece(entry->requires_ais, ' ', [&](std::string_view rule) {
      bool met = AnyPiece(rule, ',', [&](std::string_view group) {
        return !AnyPiece(group, '+', [&](std::string_view p) { return !AnyMatches(ais, p); });
      });
      if (!met) failed = rule;
      return !met;
    });
    if (!failed.empty()) {
      return Status::InvalidArgument("AI (" + a.ai + ") requires one of: " + std::string(failed),
                                     a.ai);
    }
  }
  return Status::Ok();
}

}  // namespace txng::gs1
