#include "gs1/ai_value.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

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

// Membership of GS1 character set 82 by byte, for the quick acceptance below.
constexpr std::array<bool, 256> kCset82Table = [] {
  constexpr std::string_view kCset82 =
      "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
  std::array<bool, 256> table{};
  for (char c : kCset82) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// Values are short: reading their digits eight at a time from a word beats
// a loop over the bytes.
static_assert(std::endian::native == std::endian::little);

constexpr std::uint64_t kZeros = 0x3030303030303030;  // eight '0'

std::uint64_t LoadWord(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Whether each byte of `word` is a digit: its high nibble 3, and its low
// nibble at most 9, so that adding 6 does not carry into the high one.
bool EightDigits(std::uint64_t word) {
  constexpr std::uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0;
  constexpr std::uint64_t kSixes = 0x0606060606060606;
  return (word & kHighNibbles) == kZeros && ((word + kSixes) & kHighNibbles) == kZeros;
}

bool AllDigits(std::string_view part) {
  if (part.size() < 8) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  // Whole words, the last one overlapping its predecessor when the size is
  // no multiple of eight.
  for (std::size_t i = 0; i + 8 < part.size(); i += 8) {
    if (!EightDigits(LoadWord(part.data() + i))) return false;
  }
  return EightDigits(LoadWord(part.data() + part.size() - 8));
}

// Adds the digit values in the even bytes of `values` (eight digit values,
// one a byte) to `even` and those in the odd bytes to `odd`: each half is
// four 16-bit lanes, summed into the top lane by one multiplication.
void AddDigitSums(std::uint64_t values, unsigned& even, unsigned& odd) {
  constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FF;
  constexpr std::uint64_t kLaneSum = 0x0001000100010001;
  even += static_cast<unsigned>(((values & kEvenBytes) * kLaneSum) >> 48);
  odd += static_cast<unsigned>((((values >> 8) & kEvenBytes) * kLaneSum) >> 48);
}

// True when the last of `digits` (all digits, at least two) is their GS1
// mod-10 check digit: with weights 1, 3, 1, ... from the right, the check
// digit included, the digits sum to a multiple of 10.
bool HasValidMod10(std::string_view digits) {
  if (digits.size() < 2) return false;
  unsigned even = 0;  // the digits at even positions from the left
  unsigned odd = 0;
  if (digits.size() < 8) {
    for (std::size_t i = 0; i < digits.size(); ++i) {
      (i % 2 == 0 ? even : odd) += static_cast<unsigned>(digits[i] - '0');
    }
  } else {
    std::size_t i = 0;
    for (; i + 8 <= digits.size(); i += 8)
      AddDigitSums(LoadWord(digits.data() + i) - kZeros, even, odd);
    if (i < digits.size()) {
      // The last word, shifted so that only the digits not summed yet are
      // left, at positions i, i + 1, ... (i is even, so the parities hold).
      std::size_t fresh = digits.size() - i;
      std::uint64_t values = LoadWord(digits.data() + digits.size() - 8) - kZeros;
      AddDigitSums(values >> (8 * (8 - fresh)), even, odd);
    }
  }
  bool check_at_even = (digits.size() - 1) % 2 == 0;
  unsigned sum = check_at_even ? even + 3 * odd : odd + 3 * even;
  return sum % 10 == 0;
}

// Quick acceptance of the two character sets nearly every value uses; the
// linter runs only when this says no, to find and describe the fault.
[[gnu::always_inline]] inline bool PassesCharSetQuickly(CharSet charset, std::string_view part) {
  switch (charset) {
    case CharSet::kNumeric:
      return AllDigits(part);
    case CharSet::kCset82:
      return std::all_of(part.begin(), part.end(),
                         [](char c) { return kCset82Table[static_cast<unsigned char>(c)]; });
    case CharSet::kCset39:
    case CharSet::kCset64:
      return false;
  }
  return false;
}

// How a linter of a component can be passed without running it, once the
// component's digits (numeric components only) have passed the quick test.
enum class Shortcut : std::uint8_t {
  kNone,            // run the linter
  kPassedByDigits,  // a company-prefix linter over at least its digits
  kMod10,           // "csum": HasValidMod10
  kDate,            // "yymmdd": IsDate, day 00 not allowed
  kDateDayZero,     // "yymmd0": IsDate, day 00 allowed
};

struct ResolvedLinter {
  Linter linter;
  Shortcut shortcut;
};

// The shortcut for `linter` on `component`: only numeric components have
// them, whose parts are known to be digits (and at least min_length long)
// by the time a shortcut is taken.
Shortcut ShortcutOf(Linter linter, const AiComponent& component) {
  if (component.charset != CharSet::kNumeric) return Shortcut::kNone;
  // LintGcpPos1 needs four digits at the start, LintGcpPos2 four after the first.
  if (linter == LintGcpPos1 && component.min_length >= 4) return Shortcut::kPassedByDigits;
  if (linter == LintGcpPos2 && component.min_length >= 5) return Shortcut::kPassedByDigits;
  if (linter == LintCsum) return Shortcut::kMod10;
  if (linter == LintYymmdd) return Shortcut::kDate;
  if (linter == LintYymmd0) return Shortcut::kDateDayZero;
  return Shortcut::kNone;
}

// The linters named by every component of the table, looked up by name
// once rather than on each value.
class ResolvedLinters {
 public:
  ResolvedLinters() {
    const AiEntry& first = AllAis().front();
    base_ = gs1::ComponentsOf(first).data() - first.first_component;
    std::size_t count = 0;
    for (const AiEntry& entry : AllAis()) {
      count = std::max<std::size_t>(count, entry.first_component + entry.component_count);
    }
    begin_.reserve(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
      begin_.push_back(linters_.size());
      std::string_view names = base_[i].linters;
      while (!names.empty()) {
        std::size_t comma = names.find(',');
        if (Linter linter = FindLinter(names.substr(0, comma))) {
          linters_.push_back({linter, ShortcutOf(linter, base_[i])});
        }
        names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
      }
    }
    begin_.push_back(linters_.size());
  }

  static const ResolvedLinters& Get() {
    static const ResolvedLinters resolved;
    return resolved;
  }

  // The components of `entry`, as ComponentsOf without the call.
  std::span<const AiComponent> ComponentsOf(const AiEntry& entry) const {
    return {base_ + entry.first_component, entry.component_count};
  }

  // The linters of `component`, one of the table's, that TXNG implements.
  std::span<const ResolvedLinter> Of(const AiComponent& component) const {
    auto i = static_cast<std::size_t>(&component - base_);
    return {linters_.data() + begin_[i], begin_[i + 1] - begin_[i]};
  }

 private:
  const AiComponent* base_;
  std::vector<std::size_t> begin_;
  std::vector<ResolvedLinter> linters_;
};

// Runs the char-set check then each named linter over one component;
// positions in the result are relative to the whole value.
std::optional<LintError> LintComponent(const AiComponent& component, std::string_view part,
                                       std::size_t offset) {
  auto shifted = [offset](LintError e) {
    e.position += offset;
    return e;
  };
  if (!PassesCharSetQuickly(component.charset, part)) {
    if (auto bad = CharSetLinter(component.charset)(part)) return shifted(*bad);
  }
  for (const ResolvedLinter& resolved : ResolvedLinters::Get().Of(component)) {
    if (auto bad = resolved.linter(part)) return shifted(*bad);
  }
  return std::nullopt;
}

// True when `part` passes the char-set check and the linters of `component`,
// taking the shortcuts; false when it fails one or might.
bool PassesComponentQuickly(const ResolvedLinters& resolved_linters, const AiComponent& component,
                            std::string_view part) {
  if (!PassesCharSetQuickly(component.charset, part)) {
    // Shortcuts need digits: a numeric part that is not goes the long way.
    if (component.charset == CharSet::kNumeric || CharSetLinter(component.charset)(part)) {
      return false;
    }
  }
  for (const ResolvedLinter& resolved : resolved_linters.Of(component)) {
    bool passed = false;
    switch (resolved.shortcut) {
      case Shortcut::kNone:
        passed = !resolved.linter(part);
        break;
      case Shortcut::kPassedByDigits:
        passed = true;
        break;
      case Shortcut::kMod10:
        passed = HasValidMod10(part);
        break;
      case Shortcut::kDate:
        passed = IsDate(part, 2, false);
        break;
      case Shortcut::kDateDayZero:
        passed = IsDate(part, 2, true);
        break;
    }
    if (!passed) return false;
  }
  return true;
}

// How many of the `left` characters still to check `component` takes: its
// length when fixed, else as many as it may hold.
std::size_t PartLength(const AiComponent& component, std::size_t left) {
  return component.min_length == component.max_length
             ? component.min_length
             : std::min<std::size_t>(left, component.max_length);
}

}  // namespace

std::optional<LintError> CheckAiValue(const AiEntry& entry, std::string_view value) {
  std::size_t offset = 0;
  for (const AiComponent& component : ComponentsOf(entry)) {
    std::size_t left = value.size() - offset;
    if (left == 0 && component.optional) break;
    std::size_t take = PartLength(component, left);
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

bool PassesAiValueQuickly(const AiEntry& entry, std::string_view value) {
  const ResolvedLinters& resolved = ResolvedLinters::Get();
  std::size_t offset = 0;
  for (const AiComponent& component : resolved.ComponentsOf(entry)) {
    std::size_t left = value.size() - offset;
    if (left == 0 && component.optional) break;
    std::size_t take = PartLength(component, left);
    if (left < take || take < component.min_length) return false;
    if (!PassesComponentQuickly(resolved, component, value.substr(offset, take))) return false;
    offset += take;
  }
  return offset == value.size();
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
  if (PassesAiValueQuickly(entry, value)) return Status::Ok();
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
