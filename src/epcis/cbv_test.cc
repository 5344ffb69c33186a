#include "epcis/cbv.h"

#include <gtest/gtest.h>

namespace txng::epcis {
namespace {

TEST(Cbv, ThreeSpellingsGiveTheWebUri) {
  const std::string web = "https://ref.gs1.org/cbv/BizStep-shipping";
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kBizStep, "shipping"), web);
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kBizStep, "urn:epcglobal:cbv:bizstep:shipping"), web);
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kBizStep, web), web);
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kDisposition, "urn:epcglobal:cbv:disp:in_transit"),
            "https://ref.gs1.org/cbv/Disp-in_transit");
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kBizTransactionType, "po"),
            "https://ref.gs1.org/cbv/BTT-po");
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kSourceDestType, "urn:epcglobal:cbv:sdt:location"),
            "https://ref.gs1.org/cbv/SDT-location");
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kErrorReason, "incorrect_data"),
            "https://ref.gs1.org/cbv/ER-incorrect_data");
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kMeasurementType, "Temperature"),
            "https://gs1.org/voc/Temperature");
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kSensorAlertType, "ALARM_CONDITION"),
            "https://gs1.org/voc/ALARM_CONDITION");
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kSensorComponent, "x"),
            "https://ref.gs1.org/cbv/Comp-x");
}

TEST(Cbv, OwnValuesMustBeUris) {
  EXPECT_EQ(*NormalizeVocabulary(Vocabulary::kBizStep, "http://example.com/bizstep/drying"),
            "http://example.com/bizstep/drying");
  Result<std::string> bare = NormalizeVocabulary(Vocabulary::kBizStep, "drying");
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.status().message(),
            "\"drying\" is not a CBV bizStep; a value of your own must be a URI");
  // A disposition word is no bizStep.
  EXPECT_FALSE(NormalizeVocabulary(Vocabulary::kBizStep, "in_transit").ok());
}

TEST(Cbv, CompactAndUrnForms) {
  EXPECT_EQ(CompactVocabulary(Vocabulary::kBizStep, "https://ref.gs1.org/cbv/BizStep-receiving"),
            "receiving");
  EXPECT_EQ(CompactVocabulary(Vocabulary::kBizStep, "https://ref.gs1.org/cbv/BizStep-unknown"),
            "https://ref.gs1.org/cbv/BizStep-unknown");
  EXPECT_EQ(VocabularyUrn(Vocabulary::kDisposition, "https://ref.gs1.org/cbv/Disp-recalled"),
            "urn:epcglobal:cbv:disp:recalled");
  EXPECT_EQ(VocabularyUrn(Vocabulary::kMeasurementType, "https://gs1.org/voc/Temperature"),
            "https://gs1.org/voc/Temperature");
  EXPECT_EQ(CbvUrnToWebUri("urn:epcglobal:cbv:btt:inv"), "https://ref.gs1.org/cbv/BTT-inv");
  EXPECT_EQ(CbvUrnToWebUri("urn:epcglobal:cbv:bt:4012345123456:RE1099"),
            "urn:epcglobal:cbv:bt:4012345123456:RE1099");
}

}  // namespace
}  // namespace txng::epcis
