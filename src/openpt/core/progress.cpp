#include "openpt/core/progress.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace openpt {

namespace {
std::atomic<bool> g_cancel{false};

extern "C" void on_interrupt(int /*signal*/) {
  if (g_cancel.exchange(true)) _exit(130);
}
}  // namespace

void install_interrupt_handler() {
  std::signal(SIGINT, on_interrupt);
}
bool cancel_requested() {
  return g_cancel.load(std::memory_order_relaxed);
}
void request_cancel() {
  g_cancel.store(true);
}
void clear_cancel() {
  g_cancel.store(false);
}

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), enabled_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::size_t done) {
  if (!enabled_ || finished_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double fraction = total_ ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled,
               "==============================", width - filled, "",
               static_cast<int>(fraction * 100));
  std::fflush(stderr);
}

void Progress::finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  if (last_draw_ != std::chrono::steady_clock::time_point{}) std::fprintf(stderr, "\n");
}

}  // namespace openpt
