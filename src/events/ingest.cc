#include "events/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace dyad::events {
namespace {

// Publishes full batches on a second thread while the reader fills the next one. At most
// one batch waits, so memory holds at most two batches. Batches are published in order;
// `on_ack` runs on the publishing thread after each publish.
class Publisher {
 public:
  Publisher(Store* store, std::function<void(uint64_t)> on_ack)
      : store_(store), on_ack_(std::move(on_ack)), durable_(store->rows()),
        thread_([this] { Run(); }) {}
  ~Publisher() { Close(); }

  // Hands over a batch; blocks while the previous one is still waiting.
  Status Submit(std::unique_ptr<SegmentBuilder> batch) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return pending_ == nullptr || !status_.ok(); });
    if (!status_.ok()) return status_;
    pending_ = std::move(batch);
    cv_.notify_all();
    return Status::OK();
  }
  // Waits for every batch to be published; returns the first error.
  Status Close() {
    {
      std::unique_lock<std::mutex> lock(mu_);
      closing_ = true;
      cv_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
    return status_;
  }
  uint64_t segments() const { return segments_; }

 private:
  void Run() {
    while (true) {
      std::unique_ptr<SegmentBuilder> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return pending_ != nullptr || closing_; });
        if (pending_ == nullptr) return;
        batch = std::move(pending_);
      }
      uint64_t n = batch->rows();
      Status st = store_->Append(batch.get());
      batch.reset();
      std::unique_lock<std::mutex> lock(mu_);
      if (!st.ok()) {
        status_ = st;
        cv_.notify_all();
        return;
      }
      durable_ += n;
      ++segments_;
      if (on_ack_) on_ack_(durable_);
      cv_.notify_all();
    }
  }

  Store* store_;
  std::function<void(uint64_t)> on_ack_;
  uint64_t durable_;
  uint64_t segments_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::unique_ptr<SegmentBuilder> pending_;
  bool closing_ = false;
  Status status_;
  std::thread thread_;
};

Status MarkStoredEvents(const Store& store, EventReader* reader) {
  for (const auto& seg : store.segments()) {
    for (uint64_t first = 0; first < seg->rows(); first += kChunkRows) {
      DYAD_ASSIGN_OR_RETURN(auto rows, seg->ReadRows(first, std::min<uint64_t>(kChunkRows, seg->rows() - first)));
      for (const auto& e : rows) reader->MarkStored(e.dataset, e.id, e.day);
    }
  }
  return Status::OK();
}

}  // namespace

Result<IngestReport> IngestFiles(Store* store, const std::vector<std::string>& files,
                                 InputFormat format, const Taxonomy& taxonomy,
                                 const CountryMap& countries, RejectSink* rejects,
                                 const IngestOptions& options) {
  IngestReport report;
  EventReader reader(taxonomy, countries, rejects, options.read);
  DYAD_RETURN_IF_ERROR(MarkStoredEvents(*store, &reader));
  auto builder = std::make_unique<SegmentBuilder>();
  Publisher publisher(store, options.on_ack);
  auto sink = [&](const EventView& ev) -> Status {
    builder->Add(ev);
    if (builder->rows() >= options.batch_rows || builder->DictionaryFull()) {
      DYAD_RETURN_IF_ERROR(publisher.Submit(std::move(builder)));
      builder = std::make_unique<SegmentBuilder>();
    }
    return Status::OK();
  };
  Status read_status;
  for (const auto& file : files) {
    read_status = reader.Read(file, format, sink);
    if (!read_status.ok()) break;
  }
  if (read_status.ok() && builder->rows() > 0) read_status = publisher.Submit(std::move(builder));
  Status publish_status = publisher.Close();
  DYAD_RETURN_IF_ERROR(read_status);
  DYAD_RETURN_IF_ERROR(publish_status);
  report.counts = reader.counts();
  report.segments_written = publisher.segments();
  report.already_stored = reader.already_stored();
  return report;
}

}  // namespace dyad::events
