// The worker threads the models run on: one pthreadpool shared by every model of a pipeline
// (detector and landmark model take turns on it; two pools were slower than one thread on a
// 2-core machine). `threads` counts the calling thread: 1 runs everything on the caller.
//
//   auto pool = std::make_shared<ThreadPool>(2);
//   auto detector = Interpreter::load(dir / "pose_detection.tflite", {.pool = pool});
//   auto landmarks = Interpreter::load(dir / "pose_landmark_full.tflite", {.pool = pool});
#pragma once

#include <cstddef>

struct pthreadpool;

namespace openpt::vision {

class ThreadPool {
 public:
  // threads <= 0 means one per processor core.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  [[nodiscard]] int threads() const { return threads_; }
  // The pool for XNNPACK; nullptr when it has one thread (XNNPACK then runs on the caller).
  [[nodiscard]] pthreadpool* handle() const { return pool_; }

 private:
  int threads_ = 1;
  pthreadpool* pool_ = nullptr;
};

}  // namespace openpt::vision
