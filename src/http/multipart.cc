#include "http/multipart.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace txng::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `name` in a header value such as
// `form-data; name="a"; filename="b.png"` (quoted or bare; a quoted value
// may hold ';' and escaped quotes). nullopt when absent.
std::optional<std::string> HeaderParam(std::string_view value, std::string_view name) {
  size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    const size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string key = Lower(Trim(value.substr(i, eq - i)));
    size_t j = eq + 1;
    std::string param;
    if (j < value.size() && value[j] == '"') {
      for (++j; j < value.size() && value[j] != '"'; ++j) {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        param += value[j];
      }
      i = value.find(';', j);
    } else {
      const size_t end = value.find(';', j);
      param = std::string(Trim(value.substr(j, end == std::string_view::npos ? end : end - j)));
      i = end;
    }
    if (key == name) return param;
  }
  return std::nullopt;
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
  const std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  return type == "multipart/form-data";
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
  if (!IsMultipartFormData(content_type)) {
    return Status::InvalidArgument("the body is not multipart/form-data");
  }
  const std::optional<std::string> boundary = HeaderParam(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) {
    return Status::InvalidArgument("multipart/form-data without a valid boundary parameter");
  }
  const std::string delimiter = "--" + *boundary;
  // The body starts with the first delimiter (a preamble before it is
  // ignored); each part ends at CRLF + delimiter.
  size_t pos = body.starts_with(delimiter) ? 0 : body.find("\r\n" + delimiter);
  if (pos == std::string_view::npos) {
    return Status::InvalidArgument("multipart/form-data body without its boundary");
  }
  pos = body.find(delimiter, pos) + delimiter.size();
  std::vector<FormPart> parts;
  const std::string next_delimiter = "\r\n" + delimiter;
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") {
      return Status::InvalidArgument("multipart/form-data: malformed boundary line");
    }
    pos += 2;
    const size_t headers_end = body.find("\r\n\r\n", pos);
    const size_t part_end = body.find(next_delimiter, pos);
    if (part_end == std::string_view::npos) {
      return Status::InvalidArgument("multipart/form-data: the closing boundary is missing");
    }
    FormPart part;
    bool has_disposition = false;
    // A part with no headers at all starts with the blank line.
    const bool no_headers = body.substr(pos, 2) == "\r\n";
    const size_t data_start = no_headers ? pos + 2 : headers_end + 4;
    if (!no_headers && (headers_end == std::string_view::npos || headers_end > part_end)) {
      return Status::InvalidArgument("multipart/form-data: a part's headers do not end");
    }
    for (size_t line = pos; !no_headers && line < headers_end;) {
      size_t eol = body.find("\r\n", line);
      if (eol > headers_end) eol = headers_end;
      const std::string_view header = body.substr(line, eol - line);
      const size_t colon = header.find(':');
      if (colon != std::string_view::npos) {
        const std::string name = Lower(Trim(header.substr(0, colon)));
        const std::string_view value = Trim(header.substr(colon + 1));
        if (name == "content-disposition") {
          has_disposition = Lower(Trim(value.substr(0, value.find(';')))) == "form-data";
          part.name = HeaderParam(value, "name").value_or("");
          if (auto filename = HeaderParam(value, "filename")) {
            part.is_file = true;
            // Browsers send the base name; keep only that in any case.
            const size_t slash = filename->find_last_of("/\\");
            part.filename = slash == std::string::npos ? *filename : filename->substr(slash + 1);
          }
        } else if (name == "content-type") {
          part.content_type = Lower(value);
        }
      }
      line = eol + 2;
    }
    if (!has_disposition || part.name.empty()) {
      return Status::InvalidArgument(
          "multipart/form-data: a part without Content-Disposition: form-data and a name");
    }
    part.data = std::string(body.substr(data_start, part_end - data_start));
    parts.push_back(std::move(part));
    pos = part_end + next_delimiter.size();
  }
}

}  // namespace txng::http
