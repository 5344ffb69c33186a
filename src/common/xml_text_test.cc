#include "common/xml_text.h"

#include <gtest/gtest.h>

namespace txng {
namespace {

TEST(EscapeXmlTest, EscapesWhatEndsTextOrAttributesAndKeepsTheRest) {
  EXPECT_EQ(EscapeXml(R"(<a href="x">Điều & tiêu</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Điều &amp; tiêu&lt;/a&gt;");
  EXPECT_EQ(EscapeXml("Sầu riêng Ri6 'Bù Đăng'"), "Sầu riêng Ri6 'Bù Đăng'");
  EXPECT_EQ(EscapeXml(""), "");
}

}  // namespace
}  // namespace txng
