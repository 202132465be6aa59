#include "analysis/activity_instances.h"

#include <algorithm>

namespace orglens::analysis {
namespace {

using model::EventLog;
using model::Lifecycle;

/// An event that waits for its instance's start (queue time): schedule or assign. Without a
/// branch, so that lifecyclesOf()'s loop vectorises.
bool isAssign(Lifecycle l) {
  return (l == Lifecycle::Schedule) | (l == Lifecycle::Assign);
}

struct OpenStart {
  std::uint32_t activity;
  std::uint32_t key;  // concept:instance id, or the actor
  bool byInstance;
  std::size_t index;  // into `out`
};

struct PendingAssign {
  std::uint32_t activity;
  model::MicrosUtc time;
};

std::optional<model::MicrosUtc> takeAssign(std::vector<PendingAssign>& pending,
                                           std::uint32_t activity) {
  for (auto it = pending.begin(); it != pending.end(); ++it) {
    if (it->activity != activity) continue;
    const auto time = it->time;
    pending.erase(it);
    return time;
  }
  return std::nullopt;
}

/// Rows are time-ordered, so instances are already ordered by start except that an instance
/// closed late keeps its early start: a stable insertion sort (no allocation, linear when
/// nearly sorted) is all that is needed.
void sortByStart(std::vector<ActivityInstance>& out) {
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i - 1].start <= out[i].start) continue;
    ActivityInstance moving = out[i];
    std::size_t j = i;
    for (; j > 0 && out[j - 1].start > moving.start; --j) out[j] = out[j - 1];
    out[j] = moving;
  }
}

}  // namespace

bool completionsOnly(const EventLog& log, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t r = begin; r < end; ++r) {
    const auto l = log.lifecycle[r];
    if (l == Lifecycle::Start || isAssign(l)) return false;
  }
  return true;
}

Lifecycles lifecyclesOf(const EventLog& log) {
  std::uint8_t starts = 0, assigns = 0;
  for (const Lifecycle l : log.lifecycle) {
    starts |= static_cast<std::uint8_t>(l == Lifecycle::Start);
    assigns |= static_cast<std::uint8_t>(isAssign(l));
  }
  return {starts != 0, assigns != 0};
}

void buildInstances(const EventLog& log, std::uint32_t begin, std::uint32_t end,
                    std::vector<ActivityInstance>& out) {
  out.clear();
  if (completionsOnly(log, begin, end)) {
    // Every event is an instance of its own, already in time order.
    for (std::uint32_t r = begin; r < end; ++r)
      out.push_back({log.activity[r], log.actor[r], log.time[r], log.time[r], std::nullopt, r});
    return;
  }
  // Scratch reused across calls: no allocation per item.
  thread_local std::vector<OpenStart> open;
  thread_local std::vector<PendingAssign> pending;
  open.clear();
  pending.clear();
  for (std::uint32_t r = begin; r < end; ++r) {
    const auto activity = log.activity[r];
    const auto lifecycle = log.lifecycle[r];
    const bool byInstance = !log.instance.empty() && log.instance[r] != EventLog::kNone;
    const std::uint32_t key = byInstance ? log.instance[r] : log.actor[r];
    if (isAssign(lifecycle)) {
      pending.push_back({activity, log.time[r]});
      continue;
    }
    if (lifecycle == Lifecycle::Start) {
      out.push_back(
          {activity, log.actor[r], log.time[r], log.time[r], takeAssign(pending, activity), r});
      open.push_back({activity, key, byInstance, out.size() - 1});
      continue;
    }
    if (lifecycle == Lifecycle::Complete) {
      auto match = std::find_if(open.begin(), open.end(), [&](const OpenStart& o) {
        return o.activity == activity && o.byInstance == byInstance && o.key == key;
      });
      if (match != open.end()) {
        auto& instance = out[match->index];
        instance.complete = log.time[r];
        if (instance.actor == EventLog::kNone) instance.actor = log.actor[r];
        open.erase(match);
        continue;
      }
    }
    out.push_back(
        {activity, log.actor[r], log.time[r], log.time[r], takeAssign(pending, activity), r});
  }
  sortByStart(out);
}

}  // namespace orglens::analysis
