#include "service/epcis_query_master_data.h"

#include <gtest/gtest.h>

namespace txng {
namespace {

TEST(EpcisQueryMasterDataTest, ReadsWithDescendantsAndAttributes) {
  MasterDataQuery q;
  auto wd = ReadMasterDataParameter("WD_readPoint", "urn:epc:id:sgln:8930001.00001.0", q);
  ASSERT_TRUE(wd.ok()) << wd.status().message();
  EXPECT_TRUE(*wd);
  EXPECT_EQ(q.wd_read_points, std::vector<std::string>{"https://id.gs1.org/414/8930001000018"});
  ASSERT_TRUE(*ReadMasterDataParameter("WD_bizLocation",
                                       "https://id.gs1.org/414/8930001000018|"
                                       "urn:epc:id:sgln:8930001.00001.dock",
                                       q));
  EXPECT_EQ(q.wd_biz_locations.size(), 2u);
  EXPECT_EQ(q.wd_biz_locations[1], "https://id.gs1.org/414/8930001000018/254/dock");

  ASSERT_TRUE(*ReadMasterDataParameter("HASATTR_bizLocation", "cbvmda:sst|urn:example:x", q));
  ASSERT_TRUE(*ReadMasterDataParameter("EQATTR_readPoint_urn:epcglobal:cbv:mda:sst", "201|202", q));
  ASSERT_TRUE(*ReadMasterDataParameter("EQ_ATTR_bizLocation_cbvmda:site", "0037000007296", q));
  ASSERT_EQ(q.attributes.size(), 3u);
  EXPECT_EQ(q.attributes[0].field, AttributeMatch::Field::kBizLocation);
  EXPECT_EQ(q.attributes[0].attribute, "");
  EXPECT_EQ(q.attributes[0].values,
            (std::vector<std::string>{"urn:epcglobal:cbv:mda:sst", "urn:example:x"}));
  EXPECT_EQ(q.attributes[1].field, AttributeMatch::Field::kReadPoint);
  EXPECT_EQ(q.attributes[1].attribute, "urn:epcglobal:cbv:mda:sst");
  EXPECT_EQ(q.attributes[1].values, (std::vector<std::string>{"201", "202"}));
  EXPECT_EQ(q.attributes[2].attribute, "urn:epcglobal:cbv:mda:site");

  auto other = ReadMasterDataParameter("EQ_bizStep", "shipping", q);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(*other);
}

TEST(EpcisQueryMasterDataTest, BadParametersNameThemselves) {
  struct Case {
    std::string name, value;
    StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"WD_readPoint", "urn:epc:id:sgln:8930001.00001", StatusCode::kInvalidArgument, ""},
      {"WD_readPoint", "a||b", StatusCode::kInvalidArgument,
       "query parameter WD_readPoint: empty value in \"a||b\""},
      {"HASATTR_", "x", StatusCode::kInvalidArgument, "query parameter HASATTR_: names no field"},
      {"HASATTR_epcClass", "x", StatusCode::kUnimplemented,
       "query parameter HASATTR_epcClass: master data attributes are answered for readPoint and "
       "bizLocation, not \"epcClass\""},
      {"EQATTR_readPoint", "1", StatusCode::kInvalidArgument,
       "query parameter EQATTR_readPoint: must name a field and an attribute, as "
       "EQATTR_readPoint_ATTRIBUTE"},
      {"EQATTR_readPoint_", "1", StatusCode::kInvalidArgument,
       "query parameter EQATTR_readPoint_: must name a field and an attribute, as "
       "EQATTR_readPoint_ATTRIBUTE"},
      {"EQATTR_bizStep_x", "1", StatusCode::kUnimplemented,
       "query parameter EQATTR_bizStep_x: master data attributes are answered for readPoint and "
       "bizLocation, not \"bizStep\""},
  };
  for (const Case& c : cases) {
    MasterDataQuery q;
    auto r = ReadMasterDataParameter(c.name, c.value, q);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), c.code) << c.name;
    if (!c.message.empty()) {
      EXPECT_EQ(r.status().message(), c.message);
    }
    EXPECT_EQ(q, MasterDataQuery{}) << c.name;
  }
}

}  // namespace
}  // namespace txng
