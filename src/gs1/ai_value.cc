#include "gs1/ai_value.h"

#include <algorithm>
#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

constexpr std::size_t kMaxUnknownValueLength = 90;

Status ValueError(std::string_view ai, std::string_view value, std::size_t position,
                  const std::string& rule) {
  return Status::InvalidArgument("AI (" + std::string(ai) + "): " + rule + " (position " +
                                     std::to_string(position + 1) + " of \"" + std::string(value) +
                                     "\")",
                                 std::string(ai));
}

Linter CharSetLinter(CharSet charset) {
  switch (charset) {
    case CharSet::kNumeric:
      return LintNumeric;
    case CharSet::kCset82:
      return LintCset82;
    case CharSet::kCset39:
      return LintCset39;
    case CharSet::kCset64:
      return LintCset64;
  }
  return LintCset82;
}

// Runs the char-set check then each named linter over one component;
// positions in the result are relative to the whole value.
std::optional<LintError> LintComponent(const AiComponent& component, std::string_view part,
                                       std::size_t offset) {
  auto shifted = [offset](LintError e) {
    e.position += offset;
    return e;
  };
  if (auto bad = CharSetLinter(component.charset)(part)) return shifted(*bad);
  std::string_view names = component.linters;
  while (!names.empty()) {
    std::size_t comma = names.find(',');
    std::string_view name = names.substr(0, comma);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    if (Linter linter = FindLinter(name)) {
      if (auto bad = linter(part)) return shifted(*bad);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LintError> CheckAiValue(const AiEntry& entry, std::string_view value) {
  std::size_t offset = 0;
  for (const AiComponent& component : ComponentsOf(entry)) {
    std::size_t left = value.size() - offset;
    if (left == 0 && component.optional) break;
    std::size_t take = component.min_length == component.max_length
                           ? component.min_length
                           : std::min<std::size_t>(left, component.max_length);
    if (left < take || take < component.min_length) {
      return LintError{
          "TOO_SHORT", offset, left,
          "too short: expected " + std::to_string(component.min_length) + " more characters"};
    }
    if (auto bad = LintComponent(component, value.substr(offset, take), offset)) return bad;
    offset += take;
  }
  if (offset < value.size()) {
    return LintError{"TOO_LONG", offset, value.size() - offset,
                     "too long: at most " + std::to_string(MaxValueLength(entry)) + " characters"};
  }
  return std::nullopt;
}

std::optional<std::string> MarkUpAiValueError(const AiEntry& entry, std::string_view value) {
  auto error = CheckAiValue(entry, value);
  if (!error) return std::nullopt;
  std::size_t bad_end = std::min(value.size(), error->position + error->length);
  std::size_t component_end = value.size();
  std::size_t boundary = 0;
  for (const AiComponent& component : ComponentsOf(entry)) {
    boundary += component.max_length;
    if (boundary >= bad_end) {
      component_end = std::min(boundary, value.size());
      break;
    }
  }
  return "(" + std::string(entry.ai) + ")" + std::string(value.substr(0, error->position)) + "|" +
         std::string(value.substr(error->position, bad_end - error->position)) + "|" +
         std::string(value.substr(bad_end, component_end - bad_end));
}

Status ValidateAiValue(const AiEntry& entry, std::string_view value) {
  if (auto bad = CheckAiValue(entry, value)) {
    return ValueError(entry.ai, value, bad->position, bad->message);
  }
  return Status::Ok();
}

Status ValidateUnknownAiValue(std::string_view ai, std::string_view value) {
  if (value.empty()) return ValueError(ai, value, 0, "value is empty");
  if (value.size() > kMaxUnknownValueLength) {
    return ValueError(ai, value, kMaxUnknownValueLength, "too long: at most 90 characters");
  }
  if (auto bad = LintCset82(value)) return ValueError(ai, value, bad->position, bad->message);
  return Status::Ok();
}

}  // namespace txng::gs1
