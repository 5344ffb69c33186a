#include "service/capture_queue.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace txng {
namespace {

nlohmann::json ErrorJson(std::optional<int64_t> index, const Status& status) {
  nlohmann::json e = {{"detail", status.message()}};
  if (index) e["eventIndex"] = *index;
  if (!status.field().empty()) e["pointer"] = status.field();
  return e;
}

}  // namespace

CaptureQueue::CaptureQueue(Store& store, int max_pending)
    : store_(store), max_pending_(static_cast<std::size_t>(std::max(1, max_pending))) {
  Result<int64_t> abandoned = store_.AbandonRunningCaptureJobs(
      "the server stopped before this capture job finished; "
      "nothing of it was stored unless it proceeded");
  if (abandoned.ok() && *abandoned > 0) {
    spdlog::warn("capture jobs left running by a stopped server marked failed: {}", *abandoned);
  }
  worker_ = std::thread([this] { Run(); });
}

CaptureQueue::~CaptureQueue() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

Result<CaptureJob> CaptureQueue::Submit(CaptureSubmission submission) {
  if (!CanWrite(submission.who, submission.org_id)) {
    return Status::PermissionDenied("you may capture events only for your own organisation");
  }
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= max_pending_) {
      return Status::ResourceExhausted("too many capture jobs are waiting; try again shortly");
    }
  }
  CaptureJob job;
  job.org_id = submission.org_id;
  job.actor = submission.who.ToActor().label;
  job.proceed = submission.proceed;
  job.event_count =
      static_cast<int64_t>(submission.document.events.size() + submission.rejected.size());
  TXNG_ASSIGN_OR_RETURN(CaptureJob created, store_.CreateCaptureJob(job));
  {
    std::lock_guard lock(mu_);
    queue_.push_back(Pending{created, std::move(submission)});
  }
  wake_.notify_one();
  return created;
}

void CaptureQueue::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void CaptureQueue::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and everything is stored
    Pending pending = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    Process(pending);
    lock.lock();
    busy_ = false;
    idle_.notify_all();
  }
}

void CaptureQueue::Process(Pending& pending) {
  CaptureJob job = pending.job;
  const CaptureSubmission& s = pending.submission;
  nlohmann::json errors = nlohmann::json::array();
  for (const RejectedEvent& r : s.rejected) errors.push_back(ErrorJson(r.index, r.status));
  job.success = s.rejected.empty();
  // Rollback: one invalid event rejects the document.
  if (job.success || s.proceed) {
    CaptureOptions options;
    options.org_id = s.org_id;
    Result<CaptureReport> report =
        CaptureDocument(store_, s.document, s.who, options, s.who.ToActor());
    if (report.ok()) {
      job.stored = report->stored;
      job.duplicates = report->duplicates;
    } else {
      job.success = false;
      errors.push_back(ErrorJson(std::nullopt, report.status()));
    }
  }
  job.errors = errors.dump();
  if (Status s = store_.FinishCaptureJob(job); !s.ok()) {
    spdlog::error("capture job {} could not be recorded: {}", job.id, s.message());
  }
}

}  // namespace txng
