// Internal: lays text out in a box, wrapped and sized so that it never
// leaves the box, measured with the fonts cairo will draw it in.
#ifndef TXNG_LABEL_TEXT_FIT_H_
#define TXNG_LABEL_TEXT_FIT_H_

#include <cairo.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "label/sheet_geometry.h"

namespace txng::label {

// DejaVu Sans (regular and bold) and DejaVu Sans Mono: they hold every
// precomposed Vietnamese letter.
enum class Face { kRegular, kBold, kMono };

// The fonts of a sheet and the widths of what was measured with them on the
// drawing `cr`, kept for the whole sheet: labels repeat names and producers.
class TextMeasure {
 public:
  explicit TextMeasure(cairo_t* cr);
  ~TextMeasure();
  TextMeasure(const TextMeasure&) = delete;
  TextMeasure& operator=(const TextMeasure&) = delete;

  // Makes `face` at `size` points the font of `cr` (the measured drawing or another).
  void Select(cairo_t* cr, Face face, double size);
  // The advance width of `text` in `face` at `size` points.
  double Width(Face face, double size, const std::string& text);

 private:
  cairo_t* cr_;
  cairo_font_face_t* faces_[3];
  std::unordered_map<std::string, double> widths_;
};

struct Paragraph {
  std::string text;  // UTF-8
  Face face = Face::kRegular;
  double size = 7;          // points, at scale 1
  int max_lines = 2;        // 0: as many as it needs, never shortened
  bool code = false;        // an element string: breaks before '(' rather than at spaces
  double space_before = 0;  // extra space above, as a fraction of `size`
};

struct TextLine {
  std::string text;
  Face face = Face::kRegular;
  double size = 0;      // points
  double x = 0;         // left end of the baseline
  double baseline = 0;  // y of the baseline
};

// The lines of `paragraphs`, top-aligned in `box`, at the largest common
// scale (up to 2×) at which every paragraph fits its `max_lines`. When none
// fits at the smallest scale (0.6×), paragraphs with a line limit lose lines
// (longest limit first) and end in "…". Words wider than the box are broken
// between characters. Fails when even that does not fit the box.
Result<std::vector<TextLine>> FitText(TextMeasure& measure,
                                      const std::vector<Paragraph>& paragraphs, const Rect& box);

}  // namespace txng::label

#endif  // TXNG_LABEL_TEXT_FIT_H_
