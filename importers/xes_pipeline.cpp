#include "importers/xes_pipeline.h"

#include <exception>
#include <thread>
#include <memory>
#include <vector>

#include "importers/hand_over.h"

namespace orglens::importers {
namespace {

/// One handler call, recorded on the worker thread.
struct Call {
  enum class Kind : std::uint8_t { Trace, Warning, Chunk, End } kind = Kind::End;
  std::unique_ptr<XesTrace> trace;   // Trace: a deep copy; `keys` is set on the consumer side
  std::vector<std::string> newKeys;  // Trace: keys the reader interned since the previous trace
  std::uint64_t line = 0;            // Warning
  std::string message;               // Warning
  std::uint64_t bytesRead = 0, fileSize = 0;  // Chunk
  bool completed = false;                     // End: parseXesFile's result
  std::exception_ptr error;                   // End: its exception (XesParseError, I/O), if any
};

constexpr std::size_t kBatch = 64;         // calls handed over at a time
constexpr std::size_t kBatchesAhead = 8;   // how far the reader may run ahead

/// The hand-over between the two threads: batches of calls, in order; the reader resumes at
/// the first free place.
using Channel = HandOver<std::vector<Call>>;

/// The worker's handler: records every call into batches.
class Recorder final : public XesHandler {
 public:
  explicit Recorder(Channel& channel) : m_channel(channel) {}
  void onTrace(const XesTrace& trace) override {
    Call call;
    call.kind = Call::Kind::Trace;
    call.trace = std::make_unique<XesTrace>(trace);
    call.trace->keys = nullptr;
    for (auto k = m_keysSent; k < trace.keys->size(); ++k) call.newKeys.push_back((*trace.keys)[k]);
    m_keysSent = trace.keys->size();
    add(std::move(call));
  }
  void onWarning(std::uint64_t line, std::string_view message) override {
    Call call;
    call.kind = Call::Kind::Warning;
    call.line = line;
    call.message = message;
    add(std::move(call));
  }
  bool onChunk(std::uint64_t bytesRead, std::uint64_t fileSize) override {
    Call call;
    call.kind = Call::Kind::Chunk;
    call.bytesRead = bytesRead;
    call.fileSize = fileSize;
    add(std::move(call));
    return !m_channel.stopped();
  }
  /// Hands over the rest and the end of the parse (`end.kind` is End).
  void finish(Call end) {
    m_batch.push_back(std::move(end));
    m_channel.push(std::move(m_batch));
  }

 private:
  void add(Call&& call) {
    m_batch.push_back(std::move(call));
    if (m_batch.size() >= kBatch) {
      m_channel.push(std::move(m_batch));
      m_batch = std::vector<Call>();
      m_batch.reserve(kBatch);
    }
  }
  Channel& m_channel;
  std::vector<Call> m_batch;
  std::size_t m_keysSent = 0;
};

}  // namespace

bool parseXesFilePipelined(const std::filesystem::path& path, XesHandler& handler,
                           const XesParseOptions& options) {
  Channel channel(kBatchesAhead, kBatchesAhead - 1);
  std::thread worker([&] {
    Recorder recorder(channel);
    Call end;
    try {
      end.completed = parseXesFile(path, recorder, options);
    } catch (...) {
      end.error = std::current_exception();
    }
    recorder.finish(std::move(end));
  });
  const StopAndJoin<std::vector<Call>> join{channel, worker};

  std::vector<std::string> keys;
  for (;;) {
    for (auto& call : channel.pop()) {
      switch (call.kind) {
        case Call::Kind::Trace:
          for (auto& k : call.newKeys) keys.push_back(std::move(k));
          call.trace->keys = &keys;
          handler.onTrace(*call.trace);
          break;
        case Call::Kind::Warning:
          handler.onWarning(call.line, call.message);
          break;
        case Call::Kind::Chunk:
          if (!handler.onChunk(call.bytesRead, call.fileSize)) return false;
          break;
        case Call::Kind::End:
          if (call.error) std::rethrow_exception(call.error);
          return call.completed;
      }
    }
  }
}

}  // namespace orglens::importers
