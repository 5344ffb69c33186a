#include <algorithm>
#include <charconv>
#include <cmath>

#include "export/writers.h"

namespace txng::exports {
namespace {

void AppendField(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendText(std::string& out, std::string_view raw) {
  const std::string text = CleanText(raw);
  // The apostrophe makes Excel, LibreOffice and Google Sheets show the
  // value as text instead of evaluating it.
  AppendField(out, LooksLikeFormula(text) ? "'" + text : text);
}

void AppendCell(std::string& out, const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::kEmpty:
      return;
    case Cell::Kind::kText:
      AppendText(out, cell.text);
      return;
    case Cell::Kind::kNumber: {
      if (!std::isfinite(cell.number)) return;
      // The shortest text that reads back exactly, without an exponent
      // for the magnitudes quantities have (people read these files too).
      char buf[64];
      const double a = std::fabs(cell.number);
      const bool fixed = a == 0 || (a >= 1e-6 && a < 1e15);
      const auto r =
          fixed ? std::to_chars(buf, buf + sizeof buf, cell.number, std::chars_format::fixed)
                : std::to_chars(buf, buf + sizeof buf, cell.number);
      out.append(buf, r.ptr);
      return;
    }
    case Cell::Kind::kDate: {
      int y, m, d;
      if (ParseDate(cell.text, &y, &m, &d)) {
        out += cell.text;
      } else {
        AppendText(out, cell.text);
      }
      return;
    }
  }
}

}  // namespace

std::string WriteCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < sheet.columns.size(); ++i) {
    if (i > 0) out += ',';
    AppendText(out, sheet.columns[i]);
  }
  out += "\r\n";
  for (const std::vector<Cell>& row : sheet.rows) {
    // Every record has as many fields as the header (RFC 4180 §2.4).
    const size_t fields = std::max(row.size(), sheet.columns.size());
    for (size_t i = 0; i < fields; ++i) {
      if (i > 0) out += ',';
      if (i < row.size()) AppendCell(out, row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace txng::exports
