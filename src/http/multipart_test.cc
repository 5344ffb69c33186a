#include "http/multipart.h"

#include <gtest/gtest.h>

#include <string>

#include "http/message.h"

namespace txng::http {
namespace {

using namespace std::string_literals;

constexpr std::string_view kType = "multipart/form-data; boundary=----b0undary";

std::string Body() {
  return "------b0undary\r\n"
         "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
         "tok\r\n"
         "------b0undary\r\n"
         "Content-Disposition: form-data; name=\"name_vi\"\r\n\r\n"
         "Hạt điều\r\nrang muối\r\n"
         "------b0undary\r\n"
         "Content-Disposition: form-data; name=\"image\"; filename=\"C:\\\\ảnh\\\\a;b.png\"\r\n"
         "Content-Type: IMAGE/PNG\r\n\r\n"
         "\x89PNG\r\n\x1a\n\0\r\n--not-the-boundary"
         "\r\n------b0undary--\r\n"s;
}

TEST(Multipart, ReadsFieldsAndFiles) {
  auto parts = ParseMultipart(kType, Body());
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "csrf_token");
  EXPECT_EQ((*parts)[0].data, "tok");
  EXPECT_FALSE((*parts)[0].is_file);
  EXPECT_EQ((*parts)[1].data, "Hạt điều\r\nrang muối");
  const FormPart& file = (*parts)[2];
  EXPECT_TRUE(file.is_file);
  EXPECT_EQ(file.filename, "a;b.png");
  EXPECT_EQ(file.content_type, "image/png");
  EXPECT_EQ(file.data, "\x89PNG\r\n\x1a\n\0\r\n--not-the-boundary"s);
}

TEST(Multipart, QuotedBoundaryAndEmptyFileField) {
  const std::string body =
      "--x y\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--x y--";
  auto parts = ParseMultipart("Multipart/Form-Data; boundary=\"x y\"", body);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_TRUE((*parts)[0].is_file);
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "");
}

TEST(Multipart, SaysWhatIsWrong) {
  EXPECT_EQ(ParseMultipart("text/plain", "").status().message(),
            "the body is not multipart/form-data");
  EXPECT_EQ(ParseMultipart("multipart/form-data", "").status().message(),
            "multipart/form-data without a valid boundary parameter");
  EXPECT_EQ(ParseMultipart(kType, "no boundary here").status().message(),
            "multipart/form-data body without its boundary");
  EXPECT_EQ(ParseMultipart(kType,
                           "------b0undary\r\nContent-Disposition: form-data; "
                           "name=\"a\"\r\n\r\nnever closed")
                .status()
                .message(),
            "multipart/form-data: the closing boundary is missing");
  EXPECT_EQ(ParseMultipart(kType,
                           "------b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n"
                           "------b0undary--")
                .status()
                .message(),
            "multipart/form-data: a part without Content-Disposition: form-data and a name");
  EXPECT_EQ(ParseMultipart(kType, "------b0undaryXX").status().message(),
            "multipart/form-data: malformed boundary line");
}

TEST(Multipart, RequestFormFieldsReadsTheNonFileFields) {
  Request req;
  req.headers = {{"content-type", std::string(kType)}};
  req.body = Body();
  const auto fields = req.FormFields();
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0], (std::pair<std::string, std::string>{"csrf_token", "tok"}));
  EXPECT_EQ(fields[1].first, "name_vi");

  req.body = "broken";
  EXPECT_TRUE(req.FormFields().empty());
  req.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  req.body = "a=1&b=%C4%91";
  EXPECT_EQ(req.FormFields().size(), 2u);
}

}  // namespace
}  // namespace txng::http
