#include <gtest/gtest.h>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

class CaptureJobsTest : public StoreTest {
 protected:
  CaptureJob NewJob(int64_t org, bool proceed = false) {
    CaptureJob job;
    job.org_id = org;
    job.actor = "user:producer";
    job.proceed = proceed;
    job.event_count = 3;
    return job;
  }
  int64_t Org(const std::string& name) {
    auto org = store_->CreateOrganisation(NewOrganisation(name), Admin());
    EXPECT_TRUE(IsOk(org));
    return org.ok() ? org->id : 0;
  }
};

TEST_P(CaptureJobsTest, RunningThenFinishedOnce) {
  const int64_t org = Org("HTX A");
  auto job = store_->CreateCaptureJob(NewJob(org, true));
  ASSERT_TRUE(IsOk(job));
  EXPECT_TRUE(job->running);
  EXPECT_TRUE(job->success);
  EXPECT_GT(job->created_at, 0);
  CaptureJob done = *job;
  done.success = false;
  done.stored = 2;
  done.duplicates = 0;
  done.errors = R"([{"eventIndex":1,"detail":"bad"}])";
  ASSERT_TRUE(IsOk(store_->FinishCaptureJob(done)));
  auto read = store_->GetCaptureJob(job->id);
  ASSERT_TRUE(IsOk(read));
  EXPECT_FALSE(read->running);
  EXPECT_FALSE(read->success);
  EXPECT_TRUE(read->proceed);
  EXPECT_EQ(read->stored, 2);
  EXPECT_EQ(read->event_count, 3);
  EXPECT_EQ(read->errors, done.errors);
  EXPECT_TRUE(read->finished_at);
  // A finished job is never finished again.
  EXPECT_EQ(store_->FinishCaptureJob(done).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetCaptureJob(job->id + 1).status().code(), StatusCode::kNotFound);
}

TEST_P(CaptureJobsTest, ListsNewestFirstPerOrganisationAndAbandonsRunningJobs) {
  const int64_t a = Org("HTX A"), b = Org("HTX B");
  auto a1 = store_->CreateCaptureJob(NewJob(a));
  auto b1 = store_->CreateCaptureJob(NewJob(b));
  auto a2 = store_->CreateCaptureJob(NewJob(a));
  ASSERT_TRUE(IsOk(a2));
  auto own = store_->ListCaptureJobs(a, 10);
  ASSERT_TRUE(IsOk(own));
  ASSERT_EQ(own->size(), 2u);
  EXPECT_EQ((*own)[0].id, a2->id);
  EXPECT_EQ((*own)[1].id, a1->id);
  EXPECT_EQ(store_->ListCaptureJobs(std::nullopt, 10)->size(), 3u);
  EXPECT_EQ(store_->ListCaptureJobs(std::nullopt, 1)->size(), 1u);

  auto abandoned = store_->AbandonRunningCaptureJobs("the server stopped");
  ASSERT_TRUE(IsOk(abandoned));
  EXPECT_EQ(*abandoned, 3);
  auto job = store_->GetCaptureJob(b1->id);
  EXPECT_FALSE(job->running);
  EXPECT_FALSE(job->success);
  EXPECT_EQ(job->errors, R"([{"detail":"the server stopped"}])");
  EXPECT_EQ(*store_->AbandonRunningCaptureJobs("again"), 0);
  EXPECT_FALSE(store_->CreateCaptureJob(NewJob(99999)).ok());
}

TXNG_INSTANTIATE_BACKENDS(CaptureJobsTest);

}  // namespace
}  // namespace txng
