#include "analysis/variant_codes.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace orglens::analysis::detail {
namespace {

/// Whether entry a comes before b: more items, then the smaller key.
bool better(const VariantCodes::Entry& a, const VariantCodes::Entry& b) {
  return a.items != b.items ? a.items > b.items : a.key < b.key;
}

/// Keys a bucket holds on average, about, and the most buckets: a bucket's table (twice as many
/// slots) and entries stay in the cache, its blocks' tails in all buckets too.
constexpr std::size_t kPerBucket = 1024;
constexpr int kMostBucketBits = 12;

}  // namespace

void VariantCoder::decode(VariantKey key, std::vector<std::uint32_t>& out) const {
  const VariantKey mask = (VariantKey{1} << m_bits) - 1;
  for (int shift = 128 - m_bits; shift >= 0; shift -= m_bits) {
    const auto symbol = static_cast<std::uint32_t>((key >> shift) & mask);
    if (symbol == 0) return;
    out.push_back(symbol - 1);
  }
}

void VariantCodes::reserve(std::size_t items, std::size_t allItems) {
  m_bits = std::min(kMostBucketBits, bitsFor(allItems / kPerBucket + 1));
  const std::size_t buckets = std::size_t{1} << m_bits;
  m_tail.assign(buckets, 0);
  m_first.assign(buckets, kNoBlock);
  m_last.assign(buckets, kNoBlock);
  m_blocks.assign(buckets, 0);
  // Each bucket's last block is partly empty: room for one block more each.
  const std::size_t room = (items / kBlock + buckets + 1) * kBlock;
  m_keys.reserve(room);
  populate(m_keys.data(), room * sizeof(VariantKey));
}

std::uint32_t VariantCodes::newBlock(std::size_t bucket) {
  const auto block = static_cast<std::uint32_t>(m_next.size());
  m_next.push_back(kNoBlock);
  m_keys.resize(m_keys.size() + kBlock);  // within the room reserved, unless items were more
  (m_last[bucket] == kNoBlock ? m_first[bucket] : m_next[m_last[bucket]]) = block;
  m_last[bucket] = block;
  ++m_blocks[bucket];
  return block * kBlock;
}

template <class F>
void VariantCodes::forEachBlock(std::size_t bucket, F f) const {
  for (std::uint32_t block = m_first[bucket]; block != kNoBlock; block = m_next[block]) {
    const VariantKey* first = m_keys.data() + std::size_t{block} * kBlock;
    f(first, block == m_last[bucket] ? m_keys.data() + m_tail[bucket] : first + kBlock);
  }
}

VariantCodes::Counted VariantCodes::countTop(std::span<const VariantCodes* const> runs,
                                             std::size_t top) {
  Counted out;
  std::vector<const VariantCodes*> used;  // the runs reserved (the others have no keys)
  for (const auto* r : runs)
    if (!r->m_tail.empty()) used.push_back(r);
  if (used.empty()) return out;
  const std::size_t buckets = used.front()->m_tail.size();
  for (const auto* r : used)
    if (r->m_tail.size() != buckets)
      throw std::logic_error("VariantCodes::countTop: runs reserved for different passes");
  const auto keysOf = [&](std::size_t b) {  // at most
    std::size_t keys = 0;
    for (const auto* r : used) keys += std::size_t{r->m_blocks[b]} * kBlock;
    return keys;
  };
  std::size_t most = 0;
  for (std::size_t b = 0; b < buckets; ++b) most = std::max(most, keysOf(b));
  // Each bucket's keys counted in a table of indexes into its distinct entries (linear probing);
  // the best `top` entries kept in a heap whose front is the worst of them.
  constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  std::vector<std::uint32_t> slot;
  std::vector<Entry> distinct;
  distinct.reserve(most);
  const auto worseFirst = [](const Entry& a, const Entry& b) { return better(a, b); };
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::size_t keys = keysOf(b);
    if (keys == 0) continue;
    const std::size_t slots = std::bit_ceil(2 * keys);
    const std::uint64_t mask = slots - 1;
    slot.assign(slots, kEmpty);
    distinct.clear();
    const auto count = [&](const VariantKey* first, const VariantKey* last) {
      for (const VariantKey* p = first; p != last; ++p) {
        const VariantKey k = *p;
        for (std::uint64_t s = mixOf(k) & mask;; s = (s + 1) & mask) {
          const std::uint32_t e = slot[s];
          if (e == kEmpty) {
            slot[s] = static_cast<std::uint32_t>(distinct.size());
            distinct.push_back({k, 1});
            break;
          }
          if (distinct[e].key == k) {
            ++distinct[e].items;
            break;
          }
        }
      }
    };
    for (const auto* r : used) r->forEachBlock(b, count);
    out.distinct += distinct.size();
    if (top == 0) continue;
    for (const Entry& e : distinct) {
      if (out.top.size() < top) {
        out.top.push_back(e);
        std::push_heap(out.top.begin(), out.top.end(), worseFirst);
      } else if (better(e, out.top.front())) {
        std::pop_heap(out.top.begin(), out.top.end(), worseFirst);
        out.top.back() = e;
        std::push_heap(out.top.begin(), out.top.end(), worseFirst);
      }
    }
  }
  std::sort_heap(out.top.begin(), out.top.end(), worseFirst);
  return out;
}

}  // namespace orglens::analysis::detail
