// Asynchronous EPCIS capture (POST /epcis/capture): a job is recorded as
// running, the document waits in a bounded queue, and one worker thread
// stores it and records the outcome. Jobs a stopped process left running
// are ended as failed when the queue starts.
#ifndef TXNG_SERVICE_CAPTURE_QUEUE_H_
#define TXNG_SERVICE_CAPTURE_QUEUE_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "epcis/model.h"
#include "service/epcis_capture.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

// An event that did not decode, for GS1-Capture-Error-Behaviour: proceed.
struct RejectedEvent {
  int64_t index = 0;  // in the document's eventList
  Status status;
};

struct CaptureSubmission {
  epcis::Document document;  // the events that decoded
  std::vector<RejectedEvent> rejected;
  bool proceed = false;  // store the valid events even when some are invalid
  int64_t org_id = 0;
  Principal who;
};

class CaptureQueue {
 public:
  // `max_pending` jobs may wait; more are refused until the worker catches up.
  CaptureQueue(Store& store, int max_pending);
  // Stores what is queued, then stops the worker.
  ~CaptureQueue();
  CaptureQueue(const CaptureQueue&) = delete;
  CaptureQueue& operator=(const CaptureQueue&) = delete;

  // Records a running job for `submission` and queues it. kResourceExhausted
  // when the queue is full; kPermissionDenied when `who` may not write for
  // the organisation.
  Result<CaptureJob> Submit(CaptureSubmission submission);

  // Blocks until every job submitted so far is finished (tests, shutdown).
  void WaitIdle();

 private:
  struct Pending {
    CaptureJob job;
    CaptureSubmission submission;
  };
  void Run();
  void Process(Pending& pending);

  Store& store_;
  const std::size_t max_pending_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Pending> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace txng

#endif  // TXNG_SERVICE_CAPTURE_QUEUE_H_
