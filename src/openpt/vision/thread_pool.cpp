#include "openpt/vision/thread_pool.h"

#include <pthreadpool.h>

#include <algorithm>
#include <thread>

namespace openpt::vision {

ThreadPool::ThreadPool(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads_ = threads;
  if (threads_ > 1) {
    pool_ = pthreadpool_create(static_cast<std::size_t>(threads_));
    if (pool_ == nullptr) threads_ = 1;  // no threads to be had: run on the caller
  }
}

ThreadPool::~ThreadPool() {
  if (pool_ != nullptr) pthreadpool_destroy(pool_);
}

}  // namespace openpt::vision
