// The handoffs of a HandoffResult (definition "handoffs/1"), kept as compact columns of dense
// keys: 20 bytes a handoff (28 when the log has assign events) instead of a 48-byte record,
// and the same columns are the input of the handoff tables, so that no pass copies them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "analysis/grouping.h"
#include "model/event_log.h"

namespace orglens::analysis {

/// One handoff a → b between consecutive activity instances of one item.
struct Handoff {
  std::uint32_t item;                      // ObjectId value
  std::uint32_t from, to;                  // person ObjectId values (a ≠ b)
  std::uint32_t fromTeam, toTeam;          // team ObjectId values or kNone
  std::uint32_t fromActivity, toActivity;  // StringId values
  std::int64_t waitMicros;                 // start(next) − complete(previous), at least 0
  std::int64_t queueMicros;  // start(next) − assigned(next), or −1 without an assign event
};

/// The handoffs in item order, then instance order. Reads give Handoff values (by value:
/// there are no records to refer to); iterating is O(1) a handoff, operator[] O(log items).
class HandoffList {
 public:
  /// The columns, filled by findHandoffs and read by the table pass. People and activities
  /// are dense indexes (ascending id order) translated back through the small tables below.
  struct Columns {
    detail::Buffer<std::uint32_t> from, to;  // dense people
    /// Dense activity pair from * activities + to; with more than 65,535 activities (pairs
    /// beyond 32 bits) the dense `from` activity, and `toActivity` holds the other.
    detail::Buffer<std::uint32_t> activities;
    detail::Buffer<std::uint32_t> toActivity;  // only when `wide`
    detail::Buffer<std::int64_t> wait;         // µs, at least 0
    detail::Buffer<std::int64_t> queue;        // µs or −1; empty: the log has no assign events
    /// Items that have handoffs: handoffs [itemEnd[k − 1], itemEnd[k]) belong to items[k].
    std::vector<std::uint32_t> items, itemEnd;
    std::vector<std::uint32_t> personId;      // dense person → ObjectId value
    std::vector<std::uint32_t> personTeamId;  // dense person → team ObjectId value or kNone
    std::vector<std::uint32_t> activityId;    // dense activity → StringId value
    std::uint64_t activityCount = 0;
    bool wide = false;
    /// When the sender, the receiver and the activity pair fit 32 bits together (2,000 people
    /// and 30 activities do), `code` holds them, sender highest, pair lowest, and `from`, `to`
    /// and `activities` stay empty: 12 bytes a handoff with its wait, not 20.
    bool packed = false;
    detail::RowLayout layout;  // of `code`
    detail::Buffer<std::uint32_t> code;
    /// Whether `people` dense people and `activities` dense activities can be packed.
    static bool packable(std::uint64_t people, std::uint64_t activities);
    /// Sets `packed` and the layout for `people` and `activities` (when packable).
    void pack(std::uint64_t people, std::uint64_t activities);
    /// The dense sender (from) and receiver (to) of handoff i.
    std::uint32_t sender(std::size_t i) const { return packed ? layout.sender(code[i]) : from[i]; }
    std::uint32_t receiver(std::size_t i) const {
      return packed ? layout.receiver(code[i]) : to[i];
    }
    /// The dense (from, to) activity pair of handoff i as from * activityCount + to.
    std::uint64_t pair(std::size_t i) const {
      if (packed) return layout.pair(code[i]);
      return wide ? std::uint64_t{activities[i]} * activityCount + toActivity[i] : activities[i];
    }
  };

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Handoff;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Handoff;
    Iterator() = default;
    Iterator(const HandoffList* list, std::size_t at);
    Handoff operator*() const { return m_list->at(m_at, m_item); }
    Iterator& operator++() {
      ++m_at;
      const auto& ends = m_list->m_columns.itemEnd;
      while (m_item < ends.size() && ends[m_item] <= m_at) ++m_item;
      return *this;
    }
    Iterator operator++(int) {
      Iterator was = *this;
      ++*this;
      return was;
    }
    bool operator==(const Iterator& o) const { return m_at == o.m_at; }
    difference_type operator-(const Iterator& o) const {
      return static_cast<difference_type>(m_at) - static_cast<difference_type>(o.m_at);
    }

   private:
    const HandoffList* m_list = nullptr;
    std::size_t m_at = 0;
    std::size_t m_item = 0;  // index into items of the handoff at m_at
  };

  HandoffList() = default;
  explicit HandoffList(Columns&& columns) : m_columns(std::move(columns)) {}

  std::size_t size() const { return m_columns.wait.size(); }
  bool empty() const { return size() == 0; }
  /// Handoff i (< size()). O(log items).
  Handoff operator[](std::size_t i) const;
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }
  const Columns& columns() const { return m_columns; }

 private:
  Handoff at(std::size_t i, std::size_t item) const;
  Columns m_columns;
};

}  // namespace orglens::analysis
