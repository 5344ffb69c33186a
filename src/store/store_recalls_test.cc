#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

constexpr const char* kLot = "https://id.gs1.org/01/08930001000018/10/L1";
constexpr const char* kKernels = "https://id.gs1.org/01/08930001000025/10/K1";
constexpr const char* kPallet = "https://id.gs1.org/00/089300010000000017";
constexpr const char* kImporter = "https://id.gs1.org/417/8930002000007";

class RecallsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    orgs_ = MakeOrganisations({"HTX A", "HTX B"});
    ASSERT_FALSE(HasFailure());
  }

  static RecallItem Item(const std::string& id, const std::string& kind, const std::string& reach,
                         int depth) {
    RecallItem i;
    i.identifier = id;
    i.kind = kind;
    i.reach = reach;
    i.depth = depth;
    return i;
  }

  static std::vector<RecallItem> Items() {
    RecallItem kernels = Item(kKernels, "lot", "downstream", 1);
    kernels.name = "Nhân điều WW320";
    kernels.quantity = 800;
    kernels.uom = "KGM";
    kernels.holder = kImporter;
    kernels.holder_name = "Importer";
    RecallItem pallet = Item(kPallet, "object", "carrier", 2);
    pallet.holder = kImporter;
    return {Item(kLot, "lot", "root", 0), kernels, pallet};
  }

  Result<Recall> Open(int org_index = 0, const std::string& root = kLot) {
    Recall r;
    r.org_id = orgs_.at(org_index);
    r.root_id = root;
    r.reason = "Salmonella found in a retained sample";
    r.severity = RecallSeverity::kClassI;
    r.affected_from = "2026-03-01";
    r.affected_to = "2026-03-05";
    return store_->CreateRecall(r, Items(), Admin());
  }

  std::vector<std::string> Identifiers(int64_t recall_id, PageRequest page = {}) {
    auto items = store_->ListRecallItems(recall_id, page);
    EXPECT_TRUE(IsOk(items));
    std::vector<std::string> ids;
    if (items.ok()) {
      for (const RecallItem& i : items->items) ids.push_back(i.identifier);
    }
    return ids;
  }

  std::vector<int64_t> orgs_;
};

TEST_P(RecallsTest, OpenStoresTheRecallItsItemsAndTheFirstHistoryEntry) {
  auto opened = Open();
  ASSERT_TRUE(IsOk(opened));
  EXPECT_GT(opened->id, 0);
  EXPECT_EQ(opened->status, RecallStatus::kOpen);
  EXPECT_EQ(opened->opened_by, "system:test");
  EXPECT_GT(opened->opened_at, 0);
  EXPECT_EQ(opened->item_count, 3);

  auto got = store_->GetRecall(opened->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->org_id, orgs_[0]);
  EXPECT_EQ(got->root_id, kLot);
  EXPECT_EQ(got->reason, "Salmonella found in a retained sample");
  EXPECT_EQ(got->severity, RecallSeverity::kClassI);
  EXPECT_EQ(got->affected_from, "2026-03-01");
  EXPECT_EQ(got->affected_to, "2026-03-05");
  EXPECT_EQ(got->status, RecallStatus::kOpen);
  EXPECT_EQ(got->opened_at, opened->opened_at);
  EXPECT_FALSE(got->closed_at);
  EXPECT_EQ(got->item_count, 3);
  EXPECT_FALSE(got->items_truncated);

  auto items = store_->ListRecallItems(opened->id, {});
  ASSERT_TRUE(IsOk(items));
  EXPECT_EQ(items->total, 3);
  EXPECT_EQ(items->items, Items());
  // Pages in the order found.
  EXPECT_EQ(Identifiers(opened->id, {.limit = 2, .offset = 1}),
            (std::vector<std::string>{kKernels, kPallet}));

  auto history = store_->ListRecallUpdates(opened->id);
  ASSERT_TRUE(IsOk(history));
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].action, "open");
  EXPECT_EQ((*history)[0].actor, "system:test");
  EXPECT_TRUE((*history)[0].changed.empty());
  EXPECT_EQ((*history)[0].item_count, 3);

  auto audit = store_->ListAudit({.entity = "recall"}, {});
  ASSERT_TRUE(IsOk(audit));
  ASSERT_EQ(audit->total, 1);
  EXPECT_EQ(audit->items[0].action, "recall.open");
  EXPECT_EQ(audit->items[0].entity_id, std::to_string(opened->id));
}

TEST_P(RecallsTest, UpdateReplacesTheItemsAndRecordsWhatChanged) {
  auto opened = Open();
  ASSERT_TRUE(IsOk(opened));
  RecallChange change;
  change.reason = opened->reason;
  change.severity = RecallSeverity::kClassII;
  change.affected_from = "2026-03-01";
  change.affected_to = "";
  change.items = {Item(kLot, "lot", "root", 0)};
  change.items_truncated = true;
  auto updated = store_->UpdateRecall(opened->id, change, Admin());
  ASSERT_TRUE(IsOk(updated));
  EXPECT_EQ(updated->severity, RecallSeverity::kClassII);
  EXPECT_EQ(updated->affected_to, "");
  EXPECT_EQ(updated->item_count, 1);
  EXPECT_TRUE(updated->items_truncated);

  auto got = store_->GetRecall(opened->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->severity, RecallSeverity::kClassII);
  EXPECT_EQ(got->affected_to, "");
  EXPECT_TRUE(got->items_truncated);
  EXPECT_EQ(Identifiers(opened->id), (std::vector<std::string>{kLot}));

  auto history = store_->ListRecallUpdates(opened->id);
  ASSERT_TRUE(IsOk(history));
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].action, "update");
  EXPECT_EQ((*history)[1].changed,
            (std::vector<std::string>{"severity", "affectedTo", "itemCount"}));
  EXPECT_EQ((*history)[1].severity, RecallSeverity::kClassII);
  EXPECT_EQ((*history)[0].severity, RecallSeverity::kClassI);
  EXPECT_EQ(store_->ListAudit({.entity = "recall"}, {})->total, 2);
}

TEST_P(RecallsTest, CloseIsRecordedOnceAndEndsChanges) {
  auto opened = Open();
  ASSERT_TRUE(IsOk(opened));
  auto closed = store_->CloseRecall(opened->id, "all stock destroyed", Admin());
  ASSERT_TRUE(IsOk(closed));
  EXPECT_EQ(closed->status, RecallStatus::kClosed);
  EXPECT_EQ(closed->closed_by, "system:test");
  ASSERT_TRUE(closed->closed_at);
  auto got = store_->GetRecall(opened->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->status, RecallStatus::kClosed);
  EXPECT_EQ(got->closing_note, "all stock destroyed");
  EXPECT_EQ(got->closed_at, closed->closed_at);

  const int64_t updates = CountRows("recall_updates"), audit = CountRows("audit_log");
  auto again = store_->CloseRecall(opened->id, "again", Admin());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().message(),
            "recall " + std::to_string(opened->id) + " is closed already");
  RecallChange change;
  change.reason = "changed";
  auto update = store_->UpdateRecall(opened->id, change, Admin());
  EXPECT_EQ(update.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountRows("recall_updates"), updates);
  EXPECT_EQ(CountRows("audit_log"), audit);
  EXPECT_EQ(store_->GetRecall(opened->id)->closing_note, "all stock destroyed");
  EXPECT_EQ(Identifiers(opened->id).size(), 3u);
  auto history = store_->ListRecallUpdates(opened->id);
  ASSERT_TRUE(IsOk(history));
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].action, "close");
  EXPECT_EQ((*history)[1].note, "all stock destroyed");
}

TEST_P(RecallsTest, UnknownRecallsAndOrganisationsChangeNothing) {
  const int64_t audit = CountRows("audit_log");
  EXPECT_EQ(store_->GetRecall(99).status().message(), "recall 99 not found");
  EXPECT_EQ(store_->ListRecallItems(99, {}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->ListRecallUpdates(99).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->CloseRecall(99, "note", Admin()).status().message(), "recall 99 not found");
  EXPECT_EQ(store_->UpdateRecall(99, RecallChange{}, Admin()).status().code(),
            StatusCode::kNotFound);
  Recall r;
  r.org_id = orgs_[1] + 100;
  r.root_id = kLot;
  r.reason = "x";
  auto orphan = store_->CreateRecall(r, Items(), Admin());
  EXPECT_EQ(orphan.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(orphan.status().message(),
            "organisation " + std::to_string(orgs_[1] + 100) + " not found");
  EXPECT_EQ(CountRows("recalls"), 0);
  EXPECT_EQ(CountRows("recall_items"), 0);
  EXPECT_EQ(CountRows("recall_updates"), 0);
  EXPECT_EQ(CountRows("audit_log"), audit);
}

TEST_P(RecallsTest, ListsNewestFirstByOrganisationAndStatus) {
  auto a1 = Open(0), b1 = Open(1), a2 = Open(0);
  ASSERT_TRUE(IsOk(a1) && IsOk(b1) && IsOk(a2));
  ASSERT_TRUE(IsOk(store_->CloseRecall(a1->id, "done", Admin())));
  auto ids = [&](const RecallFilter& f, PageRequest page = {}) {
    auto list = store_->ListRecalls(f, page);
    EXPECT_TRUE(IsOk(list));
    std::vector<int64_t> out;
    if (list.ok()) {
      for (const Recall& r : list->items) out.push_back(r.id);
    }
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<int64_t>{a2->id, b1->id, a1->id}));
  EXPECT_EQ(ids({.org_id = orgs_[0]}), (std::vector<int64_t>{a2->id, a1->id}));
  EXPECT_EQ(ids({.org_id = orgs_[0], .status = RecallStatus::kOpen}),
            (std::vector<int64_t>{a2->id}));
  EXPECT_EQ(ids({.status = RecallStatus::kClosed}), (std::vector<int64_t>{a1->id}));
  EXPECT_EQ(ids({}, {.limit = 1, .offset = 1}), (std::vector<int64_t>{b1->id}));
  EXPECT_EQ(store_->ListRecalls({.org_id = orgs_[0]}, {})->total, 2);
}

TEST_P(RecallsTest, FindOpenRecallsMatchesIdentifiersAndPrefixesOfOpenRecallsOnly) {
  auto first = Open(0), second = Open(0, kKernels);
  ASSERT_TRUE(IsOk(first) && IsOk(second));
  auto found = [&](const RecallCoverQuery& q) {
    auto covers = store_->FindOpenRecalls(q);
    EXPECT_TRUE(IsOk(covers));
    std::vector<std::pair<int64_t, std::vector<std::string>>> out;
    if (covers.ok()) {
      for (const RecallCover& c : *covers) out.emplace_back(c.recall.id, c.identifiers);
    }
    return out;
  };
  using Found = std::vector<std::pair<int64_t, std::vector<std::string>>>;
  EXPECT_EQ(found({.identifiers = {kPallet}}),
            (Found{{second->id, {kPallet}}, {first->id, {kPallet}}}));
  EXPECT_EQ(found({.identifiers = {kImporter}}), Found{});
  EXPECT_EQ(found({.identifiers = {kLot, kKernels}}),
            (Found{{second->id, {kLot, kKernels}}, {first->id, {kLot, kKernels}}}));
  EXPECT_EQ(found({.identifier_prefix = "https://id.gs1.org/01/08930001000018/"}),
            (Found{{second->id, {kLot}}, {first->id, {kLot}}}));
  // A prefix is matched byte for byte: letter case and LIKE's wildcards count.
  EXPECT_EQ(found({.identifier_prefix = "HTTPS://id.gs1.org/01/"}), Found{});
  EXPECT_EQ(found({.identifier_prefix = "https://id.gs1.org/0_/"}), Found{});
  EXPECT_EQ(found({}), Found{});

  ASSERT_TRUE(IsOk(store_->CloseRecall(second->id, "done", Admin())));
  EXPECT_EQ(found({.identifiers = {kPallet}}), (Found{{first->id, {kPallet}}}));
}

TXNG_INSTANTIATE_BACKENDS(RecallsTest);

}  // namespace
}  // namespace txng
