// Computes a value once per key, however many threads ask at the same time;
// the others wait for the first. Used for builds shared between exercises
// (a lesson's precompiled header) and for reference results. A failure is
// remembered like a value, except the machine's being busy.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "base/errors.hpp"

namespace mathlings {

template <class T>
class OnceCache {
 public:
  T get(const std::string& key, const std::function<T()>& compute) {
    std::promise<T> promise;
    std::shared_future<T> future;
    bool owner = false;
    {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      if (it == entries_.end()) {
        future = promise.get_future().share();
        entries_.emplace(key, future);
        owner = true;
      } else {
        future = it->second;
      }
    }
    if (owner) {
      try {
        promise.set_value(compute());
      } catch (const MachineBusy&) {
        // A busy moment is not an answer: those waiting hear of it, and the
        // next to ask computes it again.
        promise.set_exception(std::current_exception());
        std::lock_guard lock(mutex_);
        entries_.erase(key);
      } catch (...) {
        promise.set_exception(std::current_exception());
      }
    }
    return future.get();
  }

  /// The value for `key` when one is there already; nothing when it was
  /// never asked for, is still being computed, or failed.
  std::optional<T> peek(const std::string& key) {
    std::shared_future<T> future;
    {
      std::lock_guard lock(mutex_);
      const auto it = entries_.find(key);
      if (it == entries_.end()) return std::nullopt;
      future = it->second;
    }
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    try {
      return future.get();
    } catch (...) {
      return std::nullopt;
    }
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_future<T>> entries_;
};

}  // namespace mathlings
