// The AIs of one message as the checks over them need them: each AI's table
// entry and code (AiCode), looked up once by whoever reads the AIs, so that
// no check looks an AI up again.
#ifndef TXNG_GS1_AI_LOOKUP_H_
#define TXNG_GS1_AI_LOOKUP_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "gs1/ai_table.h"
#include "gs1/ai_value.h"
#include "gs1/element_string.h"

namespace txng::gs1 {

// A sequence of T held in place while it has at most N elements, on the heap
// beyond: messages carry a few AIs, so the usual case allocates nothing.
template <typename T, std::size_t N>
class InlineVector {
 public:
  InlineVector() = default;
  // Not copyable: data_ may point into the object itself.
  InlineVector(const InlineVector&) = delete;
  InlineVector& operator=(const InlineVector&) = delete;

  void push_back(const T& value) {
    if (size_ == capacity_) Grow();
    data_[size_++] = value;
  }

  std::size_t size() const { return size_; }
  const T* data() const { return data_; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::span<const T> span() const { return {data_, size_}; }

 private:
  void Grow() {
    if (data_ == inline_.data()) heap_.assign(inline_.begin(), inline_.end());
    heap_.resize(2 * capacity_);
    data_ = heap_.data();
    capacity_ = heap_.size();
  }

  std::array<T, N> inline_;
  std::vector<T> heap_;
  T* data_ = inline_.data();
  std::size_t size_ = 0;
  std::size_t capacity_ = N;
};

class AiLookup {
 public:
  // Appends `ai` and its entry (FindAi(ai)). Codes tell AIs of up to four
  // characters apart, as table AIs are; equal codes of longer (unknown) AIs
  // must be confirmed by comparing the AIs themselves.
  void Add(std::string_view ai, const AiEntry* entry) {
    entries_.push_back(entry);
    codes_.push_back(AiCode(ai));
  }

  std::size_t size() const { return codes_.size(); }
  const AiEntry* entry(std::size_t i) const { return entries_[i]; }
  std::uint64_t code(std::size_t i) const { return codes_[i]; }
  std::span<const AiEntry* const> entries() const { return entries_.span(); }
  std::span<const std::uint64_t> codes() const { return codes_.span(); }

 private:
  static constexpr std::size_t kInline = 8;
  InlineVector<const AiEntry*, kInline> entries_;
  InlineVector<std::uint64_t, kInline> codes_;
};

// ValidateAis (element_string.h) with `lookup` holding the entry and code of
// each of `ais`, in order: the same checks and the same errors.
Status ValidateAis(const std::vector<AiValue>& ais, const AiLookup& lookup,
                   const ElementStringOptions& options);

}  // namespace txng::gs1

#endif  // TXNG_GS1_AI_LOOKUP_H_
