// Frames from an image or a video file, decoded by OpenCV (FFmpeg for videos, from Debian).
//
// One interface for both: `FrameSource::open` looks at the file's extension (images: jpg,
// jpeg, png, bmp, webp; videos: mp4, mov, m4v, avi, webm, mkv), opens it and reports its
// size, frame rate and frame count; `next()` returns the frames in order as 8-bit RGB
// (the models' channel order) with their time, upright: a phone video's rotation metadata
// is applied. Errors name the file and say what is wrong: not found, an unsupported
// extension, a file OpenCV cannot decode (corrupt, truncated, unsupported codec), a video
// without frames, an image too large to process. A video that stops decoding part-way
// ends early with a warning (`truncated()`), keeping the frames before.
//
//   auto source = FrameSource::open("squat.mp4");
//   while (auto frame = source->next()) { if (!*frame) break; use((*frame)->rgb); }
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>

#include "openpt/core/error.h"

namespace openpt::vision {

struct Frame {
  cv::Mat rgb;  // CV_8UC3, RGB, upright
  std::size_t index = 0;
  double t_s = 0;  // from the container's timestamps when it has them, else index / fps
};

// Images larger than this (width × height) are refused: 100 megapixels, far beyond any
// camera a clinic uses, and ~300 MB decoded.
inline constexpr double kMaxImagePixels = 100e6;

class FrameSource {
 public:
  static Result<FrameSource> open(const std::filesystem::path& path);

  FrameSource(FrameSource&&) noexcept;
  FrameSource& operator=(FrameSource&&) noexcept;
  ~FrameSource();

  // The next frame; nullopt after the last one.
  Result<std::optional<Frame>> next();

  [[nodiscard]] bool is_video() const;
  [[nodiscard]] int width() const;   // upright
  [[nodiscard]] int height() const;  // upright
  [[nodiscard]] double fps() const;  // 0 for an image
  // Frames the container announces (1 for an image); an estimate for some videos.
  [[nodiscard]] std::size_t frame_count_hint() const;
  // Clockwise rotation applied to make the frames upright (0, 90, 180, 270).
  [[nodiscard]] int rotation_deg() const;
  // Set when decoding stopped before the announced end: "decoding stopped at frame ...".
  [[nodiscard]] const std::optional<std::string>& truncated() const;

 private:
  struct State;
  explicit FrameSource(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Whether the extension is one FrameSource reads as an image / a video.
bool is_image_file(const std::filesystem::path& path);
bool is_video_file(const std::filesystem::path& path);

}  // namespace openpt::vision
