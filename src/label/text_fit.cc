#include "label/text_fit.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace txng::label {
namespace {

constexpr double kMaxScale = 2.0;
constexpr double kMinScale = 0.6;
constexpr double kLineHeight = 1.2;  // times the font size
constexpr const char* kEllipsis = "…";

// Bytes in the UTF-8 sequence that starts with `lead` (1 for stray bytes).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Removes the last UTF-8 character of `s`.
void PopCharacter(std::string& s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    s.pop_back();
    if ((c & 0xC0) != 0x80) break;
  }
}

class Wrapper {
 public:
  Wrapper(TextMeasure& measure, const Paragraph& p, double size, double width)
      : measure_(measure), face_(p.face), size_(size), code_(p.code), width_(width) {}

  bool FitsWidth(const std::string& s) const { return measure_.Width(face_, size_, s) <= width_; }

  std::vector<std::string> Wrap(const std::string& text) const {
    std::vector<std::string> lines;
    std::string line;
    for (const std::string& token : Tokens(text)) {
      const std::string candidate = line.empty() ? token : line + Separator() + token;
      if (FitsWidth(candidate)) {
        line = candidate;
        continue;
      }
      if (!line.empty()) lines.push_back(line);
      line = token;
      // A token wider than the box on its own: break it between characters.
      while (!FitsWidth(line)) {
        size_t cut = 0;
        for (size_t next = SequenceLength(line[0]); next <= line.size();
             next += SequenceLength(line[next])) {
          if (!FitsWidth(line.substr(0, next))) break;
          cut = next;
          if (next == line.size()) break;
        }
        if (cut == 0) cut = SequenceLength(line[0]);  // one character always goes
        if (cut >= line.size()) break;
        lines.push_back(line.substr(0, cut));
        line = line.substr(cut);
      }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
  }

  // `lines` cut to `max_lines`, the last one ending in "…" within the width.
  void Truncate(std::vector<std::string>& lines, size_t max_lines) const {
    if (lines.size() <= max_lines) return;
    lines.resize(max_lines);
    std::string& last = lines.back();
    while (!last.empty() && !FitsWidth(last + kEllipsis)) PopCharacter(last);
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += kEllipsis;
  }

 private:
  std::string Separator() const { return code_ ? "" : " "; }

  // Words (split at any ASCII white space, which is not drawn), or for
  // element strings the "(AI)value" pieces.
  std::vector<std::string> Tokens(const std::string& text) const {
    std::vector<std::string> tokens;
    std::string token;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      const bool boundary = code_ ? c == '(' && i > 0 && text[i - 1] != '\\' : space;
      if (boundary && !token.empty()) {
        tokens.push_back(token);
        token.clear();
      }
      if (!code_ && space) continue;
      token += c;
    }
    if (!token.empty()) tokens.push_back(token);
    return tokens;
  }

  TextMeasure& measure_;
  Face face_;
  double size_;
  bool code_;
  double width_;
};

std::optional<std::vector<TextLine>> TryLayOut(TextMeasure& measure,
                                               const std::vector<Paragraph>& paragraphs,
                                               const Rect& box, double scale, bool shorten) {
  std::vector<TextLine> out;
  double y = box.y;
  for (const Paragraph& p : paragraphs) {
    if (p.text.empty()) continue;
    const double size = p.size * scale;
    const Wrapper wrapper(measure, p, size, box.width);
    std::vector<std::string> lines = wrapper.Wrap(p.text);
    if (p.max_lines > 0 && lines.size() > static_cast<size_t>(p.max_lines)) {
      if (!shorten) return std::nullopt;
      wrapper.Truncate(lines, p.max_lines);
    }
    if (!out.empty()) y += p.space_before * size;
    for (std::string& line : lines) {
      // The ascent of DejaVu is about 0.93 em; a line is kLineHeight em.
      const double baseline = y + size * (kLineHeight - 0.2);
      y += size * kLineHeight;
      if (y > box.y + box.height) return std::nullopt;
      TextLine t;
      t.text = std::move(line);
      t.face = p.face;
      t.size = size;
      t.x = box.x;
      t.baseline = baseline;
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace

TextMeasure::TextMeasure(cairo_t* cr) : cr_(cr) {
  faces_[static_cast<int>(Face::kRegular)] =
      cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  faces_[static_cast<int>(Face::kBold)] =
      cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  faces_[static_cast<int>(Face::kMono)] = cairo_toy_font_face_create(
      "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
}

TextMeasure::~TextMeasure() {
  for (cairo_font_face_t* face : faces_) cairo_font_face_destroy(face);
}

void TextMeasure::Select(cairo_t* cr, Face face, double size) {
  cairo_set_font_face(cr, faces_[static_cast<int>(face)]);
  cairo_set_font_size(cr, size);
}

double TextMeasure::Width(Face face, double size, const std::string& text) {
  std::string key(1 + sizeof size, static_cast<char>(face));
  std::memcpy(key.data() + 1, &size, sizeof size);
  key += text;
  auto [it, added] = widths_.try_emplace(std::move(key), 0);
  if (added) {
    Select(cr_, face, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr_, text.c_str(), &e);
    it->second = e.x_advance;
  }
  return it->second;
}

Result<std::vector<TextLine>> FitText(TextMeasure& measure,
                                      const std::vector<Paragraph>& paragraphs, const Rect& box) {
  if (auto lines = TryLayOut(measure, paragraphs, box, kMaxScale, false)) return std::move(*lines);
  if (auto smallest = TryLayOut(measure, paragraphs, box, kMinScale, false)) {
    // The largest scale that fits, to within 1%.
    double fits = kMinScale;
    double fails = kMaxScale;
    std::vector<TextLine> best = std::move(*smallest);
    while (fails - fits > 0.01) {
      const double mid = (fits + fails) / 2;
      if (auto lines = TryLayOut(measure, paragraphs, box, mid, false)) {
        fits = mid;
        best = std::move(*lines);
      } else {
        fails = mid;
      }
    }
    return best;
  }
  std::vector<Paragraph> shortened = paragraphs;
  for (;;) {
    if (auto lines = TryLayOut(measure, shortened, box, kMinScale, true)) return std::move(*lines);
    auto longest = std::max_element(
        shortened.begin(), shortened.end(),
        [](const Paragraph& a, const Paragraph& b) { return a.max_lines < b.max_lines; });
    if (longest == shortened.end() || longest->max_lines <= 1) break;
    --longest->max_lines;
  }
  return Status::InvalidArgument(
      "its text does not fit the label even at the smallest type size; use fewer columns or rows");
}

}  // namespace txng::label
