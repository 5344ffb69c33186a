// multipart/form-data bodies (RFC 7578): the form fields and uploaded files
// of an HTML form with enctype="multipart/form-data".
#ifndef TXNG_HTTP_MULTIPART_H_
#define TXNG_HTTP_MULTIPART_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace txng::http {

struct FormPart {
  std::string name;          // the form field's name
  std::string filename;      // the uploaded file's name as the browser sent it; "" for fields
  bool is_file = false;      // the part had a filename parameter (even an empty one)
  std::string content_type;  // the part's Content-Type, lower-cased; "" when absent
  std::string data;          // the field's value or the file's bytes
};

// True when `content_type` is multipart/form-data (parameters ignored).
bool IsMultipartFormData(std::string_view content_type);

// The parts of a multipart/form-data `body` whose Content-Type header is
// `content_type`. kInvalidArgument, naming what is wrong, when the boundary
// parameter is missing, a part lacks Content-Disposition: form-data with a
// name, or the closing boundary is missing.
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace txng::http

#endif  // TXNG_HTTP_MULTIPART_H_
