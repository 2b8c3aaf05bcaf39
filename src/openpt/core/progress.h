// Progress reporting and cancellation for long work (videos, batches, datasets).
//
// `Progress` draws a one-line bar on stderr when stderr is a terminal (and nothing
// otherwise, so logs and pipes stay clean). `CancelToken` is set by Ctrl-C once
// `install_interrupt_handler()` has run; long loops poll `cancel_requested()` and return
// ErrorKind::kCancelled, leaving no partial output behind.
//
//   install_interrupt_handler();
//   Progress bar("reading frames", n);
//   for (size_t i = 0; i < n; ++i) {
//     if (cancel_requested()) return cancelled("interrupted");
//     bar.update(i + 1);
//   }
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace openpt {

// Installs a SIGINT handler that sets the cancel flag (a second Ctrl-C exits at once).
void install_interrupt_handler();
bool cancel_requested();
void request_cancel();  // for tests and embedding code
void clear_cancel();

class Progress {
 public:
  Progress(std::string label, std::size_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(std::size_t done);  // redraws at most ~10 times a second
  void finish();

 private:
  std::string label_;
  std::size_t total_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace openpt
