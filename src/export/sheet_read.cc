#include "export/sheet_read.h"

#include <zip.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>

#include "export/sheet.h"
#include "export/writers.h"

namespace txng::exports {
namespace {

Status TooLarge(const ReadLimits& limits) {
  return Status::PayloadTooLarge("the file is larger than " +
                                 std::to_string(limits.max_file_bytes / 1024) + " KiB");
}

// Appends `row` unless all its cells are blank; checks the limits.
Status Keep(std::vector<ReadRow>* rows, ReadRow row, const ReadLimits& limits) {
  while (!row.cells.empty() && row.cells.back().find_first_not_of(" \t") == std::string::npos) {
    row.cells.pop_back();
  }
  if (row.cells.empty()) return Status::Ok();
  if (row.cells.size() > limits.max_columns) {
    return Status::InvalidArgument("row " + std::to_string(row.number) + " has more than " +
                                   std::to_string(limits.max_columns) + " columns");
  }
  if (rows->size() >= limits.max_rows) {
    return Status::InvalidArgument("the file has more than " + std::to_string(limits.max_rows) +
                                   " rows");
  }
  rows->push_back(std::move(row));
  return Status::Ok();
}

}  // namespace

Result<std::vector<ReadRow>> ReadCsv(std::string_view data, const ReadLimits& limits) {
  if (data.size() > limits.max_file_bytes) return TooLarge(limits);
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  if (CleanText(data) != data) {
    return Status::InvalidArgument("the file is not UTF-8 text (save it as \"CSV UTF-8\")");
  }
  // The separator: ',' unless the first line holds more ';' outside quotes.
  char sep = ',';
  {
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : data) {
      if (c == '"') quoted = !quoted;
      if (!quoted && (c == '\n' || c == '\r')) break;
      if (!quoted && c == ',') ++commas;
      if (!quoted && c == ';') ++semicolons;
    }
    if (semicolons > commas) sep = ';';
  }
  std::vector<ReadRow> rows;
  ReadRow row{1, {}};
  std::string field;
  size_t line = 1;
  size_t i = 0;
  while (i < data.size()) {
    const char c = data[i];
    if (c == '"' && field.empty()) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      ++i;
      bool closed = false;
      while (i < data.size()) {
        if (data[i] == '"') {
          if (i + 1 < data.size() && data[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (data[i] == '\n') ++line;
        field += data[i++];
      }
      if (!closed) {
        return Status::InvalidArgument("row " + std::to_string(row.number) +
                                       ": a quoted field is not closed");
      }
      continue;
    }
    if (c == sep) {
      row.cells.push_back(std::move(field));
      field.clear();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      row.cells.push_back(std::move(field));
      field.clear();
      TXNG_RETURN_IF_ERROR(Keep(&rows, std::move(row), limits));
      i += (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ? 2 : 1;
      row = ReadRow{++line, {}};
      continue;
    }
    field += c;
    ++i;
  }
  if (!field.empty() || !row.cells.empty()) {
    row.cells.push_back(std::move(field));
    TXNG_RETURN_IF_ERROR(Keep(&rows, std::move(row), limits));
  }
  return rows;
}

std::string SerialDateText(double serial) {
  // Serials from 61 on (1900-03-01): Excel counts a 29 February 1900 that
  // never was, which only earlier serials would need.
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return "";
  const int64_t minutes = std::llround(serial * 24 * 60);
  int64_t z = minutes / (24 * 60) - 25569 + 719468;  // days since 0000-03-01
  const int64_t minute_of_day = minutes % (24 * 60);
  // Civil date from days (H. Hinnant's algorithm).
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1900 || y > 9999) return "";
  char text[64];
  const int year = static_cast<int>(y), month = static_cast<int>(m), day = static_cast<int>(d);
  const int hour = static_cast<int>(minute_of_day / 60),
            minute = static_cast<int>(minute_of_day % 60);
  if (minute_of_day == 0) {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", year, month, day, hour, minute);
  }
  return text;
}

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Reads entries of an archive, at most `budget` inflated bytes in all.
class Archive {
 public:
  static Result<Archive> Open(std::string_view data, size_t budget) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &error);
    if (src == nullptr) {
      zip_error_fini(&error);
      return Status::InvalidArgument("the file is not an XLSX workbook");
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (z == nullptr) {
      zip_source_free(src);
      return Status::InvalidArgument("the file is not an XLSX workbook (not a ZIP archive)");
    }
    Archive a;
    a.zip_.reset(z);
    a.budget_ = budget;
    return a;
  }

  // The entry's bytes; nullopt when there is no such entry.
  Result<std::optional<std::string>> Read(const char* name) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name, 0);
    if (index < 0) return std::optional<std::string>();
    std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen_index(zip_.get(), index, 0));
    if (!f) return Status::InvalidArgument(std::string("cannot read ") + name + " in the workbook");
    std::string out;
    char buffer[16384];
    while (true) {
      const zip_int64_t n = zip_fread(f.get(), buffer, sizeof buffer);
      if (n < 0) {
        return Status::InvalidArgument(std::string("the workbook's ") + name + " is corrupt");
      }
      if (n == 0) break;
      // Counted as it inflates, so a small file that claims small sizes but
      // inflates to gigabytes stops here.
      if (static_cast<size_t>(n) > budget_) {
        return Status::InvalidArgument("the workbook inflates to more than " +
                                       std::to_string(limit_ / (1024 * 1024)) +
                                       " MiB: refused as a possible zip bomb");
      }
      budget_ -= static_cast<size_t>(n);
      out.append(buffer, static_cast<size_t>(n));
    }
    return std::optional<std::string>(std::move(out));
  }

  void set_limit(size_t limit) { limit_ = limit; }

 private:
  std::unique_ptr<zip_t, ZipCloser> zip_;
  size_t budget_ = 0;
  size_t limit_ = 0;
};

Result<pugi::xml_document> ParseXml(const std::string& text, const char* name) {
  pugi::xml_document doc;
  // No DOCTYPE processing in pugixml: no entity expansion to fear.
  if (!doc.load_buffer(text.data(), text.size())) {
    return Status::InvalidArgument(std::string("the workbook's ") + name + " is not valid XML");
  }
  return doc;
}

// All <t> text below `node`, leaving out phonetic runs (<rPh>).
std::string TextOf(const pugi::xml_node& node) {
  std::string out;
  for (const pugi::xml_node& child : node.children()) {
    if (std::string_view(child.name()) == "t") {
      out += child.text().get();
    } else if (std::string_view(child.name()) == "r") {
      out += child.child("t").text().get();
    }
  }
  return out;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30).
bool BuiltinDateFormat(int id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

// A custom format code shows a date or time when it has d, m, y, h or s
// outside quotes, brackets ([Red], [$-409]) and escaped characters.
bool DateFormatCode(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (bracket > 0) continue;
    const char l = static_cast<char>(c | 0x20);
    if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's') return true;
  }
  return false;
}

// The style indexes (cellXfs) whose number format is a date or time.
std::set<int> DateStyles(const pugi::xml_document& styles) {
  std::set<int> custom_dates;
  const pugi::xml_node sheet = styles.child("styleSheet");
  for (const pugi::xml_node& f : sheet.child("numFmts").children("numFmt")) {
    if (DateFormatCode(f.attribute("formatCode").as_string())) {
      custom_dates.insert(f.attribute("numFmtId").as_int());
    }
  }
  std::set<int> out;
  int index = 0;
  for (const pugi::xml_node& xf : sheet.child("cellXfs").children("xf")) {
    const int id = xf.attribute("numFmtId").as_int();
    if (BuiltinDateFormat(id) || custom_dates.count(id)) out.insert(index);
    ++index;
  }
  return out;
}

// "BC12" → column 54 (from 0); false when it is no cell reference.
bool ColumnOf(std::string_view ref, size_t* col) {
  size_t c = 0, i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    c = c * 26 + static_cast<size_t>(ref[i++] - 'A' + 1);
  }
  if (c == 0 || i == ref.size() || ref[i] < '0' || ref[i] > '9') return false;
  *col = c - 1;
  return true;
}

// The archive path of the workbook's first worksheet in the order the
// workbook lists its sheets (xl/workbook.xml, through the relationship in
// xl/_rels/workbook.xml.rels): once a user reorders, renames or deletes
// sheets, the first one is not always sheet1.xml. A file without those
// parts (some generators write only the worksheet) is read from
// xl/worksheets/sheet1.xml.
Result<std::string> FirstSheetPath(Archive& zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  TXNG_ASSIGN_OR_RETURN(std::optional<std::string> workbook_xml, zip.Read("xl/workbook.xml"));
  TXNG_ASSIGN_OR_RETURN(std::optional<std::string> rels_xml,
                        zip.Read("xl/_rels/workbook.xml.rels"));
  if (!workbook_xml || !rels_xml) return fallback;
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document workbook, ParseXml(*workbook_xml, "workbook.xml"));
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document rels, ParseXml(*rels_xml, "workbook.xml.rels"));
  const pugi::xml_node first = workbook.child("workbook").child("sheets").child("sheet");
  std::string id;
  for (const pugi::xml_attribute& a : first.attributes()) {
    const std::string_view name = a.name();
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") id = a.value();
  }
  if (id.empty()) return fallback;
  for (const pugi::xml_node& r : rels.child("Relationships").children("Relationship")) {
    if (id != r.attribute("Id").as_string()) continue;
    const std::string target = r.attribute("Target").as_string();
    if (target.empty()) break;
    return target.front() == '/' ? target.substr(1) : "xl/" + target;
  }
  return Status::InvalidArgument("the workbook's first sheet (" + id +
                                 ") has no part in the archive");
}

}  // namespace

Result<std::vector<ReadRow>> ReadXlsxRows(std::string_view data, const ReadLimits& limits) {
  if (data.size() > limits.max_file_bytes) return TooLarge(limits);
  TXNG_ASSIGN_OR_RETURN(Archive zip, Archive::Open(data, limits.max_inflated_bytes));
  zip.set_limit(limits.max_inflated_bytes);
  TXNG_ASSIGN_OR_RETURN(const std::string sheet_path, FirstSheetPath(zip));
  TXNG_ASSIGN_OR_RETURN(std::optional<std::string> sheet_xml, zip.Read(sheet_path.c_str()));
  if (!sheet_xml) {
    return Status::InvalidArgument("the file is not an XLSX workbook (it has no first worksheet)");
  }
  std::vector<std::string> shared;
  TXNG_ASSIGN_OR_RETURN(std::optional<std::string> shared_xml, zip.Read("xl/sharedStrings.xml"));
  if (shared_xml) {
    TXNG_ASSIGN_OR_RETURN(pugi::xml_document doc, ParseXml(*shared_xml, "sharedStrings.xml"));
    for (const pugi::xml_node& si : doc.child("sst").children("si")) shared.push_back(TextOf(si));
  }
  std::set<int> date_styles;
  TXNG_ASSIGN_OR_RETURN(std::optional<std::string> styles_xml, zip.Read("xl/styles.xml"));
  if (styles_xml) {
    TXNG_ASSIGN_OR_RETURN(pugi::xml_document doc, ParseXml(*styles_xml, "styles.xml"));
    date_styles = DateStyles(doc);
  }
  const std::string sheet_name = sheet_path.substr(sheet_path.rfind('/') + 1);
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document sheet, ParseXml(*sheet_xml, sheet_name.c_str()));
  std::vector<ReadRow> rows;
  size_t next_number = 1;
  for (const pugi::xml_node& r : sheet.child("worksheet").child("sheetData").children("row")) {
    ReadRow row;
    row.number = r.attribute("r") ? r.attribute("r").as_ullong() : next_number;
    next_number = row.number + 1;
    if (row.number == 0 || row.number > kXlsxMaxRows) {
      return Status::InvalidArgument("the worksheet has a row number out of range");
    }
    size_t next_col = 0;
    for (const pugi::xml_node& c : r.children("c")) {
      size_t col = next_col;
      if (c.attribute("r") && !ColumnOf(c.attribute("r").as_string(), &col)) {
        return Status::InvalidArgument("row " + std::to_string(row.number) +
                                       ": a cell reference is malformed");
      }
      if (col >= limits.max_columns) {
        return Status::InvalidArgument("row " + std::to_string(row.number) + " has more than " +
                                       std::to_string(limits.max_columns) + " columns");
      }
      next_col = col + 1;
      const std::string_view type = c.attribute("t").as_string();
      const std::string value = c.child("v").text().get();
      std::string text;
      if (type == "s") {
        char* end = nullptr;
        const unsigned long index = std::strtoul(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || index >= shared.size()) {
          return Status::InvalidArgument("row " + std::to_string(row.number) +
                                         ": a cell names a shared string the workbook lacks");
        }
        text = shared[index];
      } else if (type == "inlineStr") {
        text = TextOf(c.child("is"));
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : value.empty() ? "" : "FALSE";
      } else if (type == "str" || type == "e") {
        text = value;  // a formula's cached text, or an error such as #N/A
      } else {
        text = value;  // a number (a formula's cached number too)
        if (!value.empty() && date_styles.count(c.attribute("s").as_int())) {
          char* end = nullptr;
          const double serial = std::strtod(value.c_str(), &end);
          if (*end == '\0') {
            const std::string date = SerialDateText(serial);
            if (!date.empty()) text = date;
          }
        }
      }
      if (row.cells.size() <= col) row.cells.resize(col + 1);
      row.cells[col] = CleanText(text);
    }
    TXNG_RETURN_IF_ERROR(Keep(&rows, std::move(row), limits));
  }
  return rows;
}

}  // namespace txng::exports
