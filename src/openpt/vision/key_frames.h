// Key frames: chosen frames of a video (or an image) read again after the analysis and
// encoded as small JPEGs, for the pictures of the movement report (openpt assess).
//
// The frames are decoded by FrameSource, so they are upright exactly as the pose engine saw
// them (rotation metadata applied) and the landmarks of a PoseSequence fall on them. Each is
// scaled down (never up) so that its longer side is at most `max_side_px`, and JPEG-encoded
// (quality 85). The video is read sequentially up to the last frame asked for: decoding is
// exact where seeking in a compressed video is not; a progress bar shows on a terminal, and
// Ctrl-C (core/progress.h) stops it with a kCancelled error.
//
//   std::vector<std::size_t> frames = {12, 40, 75};
//   auto images = read_key_frames("squat.mp4", frames);  // Result<std::vector<KeyFrameImage>>
//   std::string uri = "data:image/jpeg;base64," + to_base64((*images)[0].jpeg);
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::vision {

inline constexpr int kKeyFrameMaxSidePx = 640;
inline constexpr int kKeyFrameJpegQuality = 85;

struct KeyFrameImage {
  std::size_t frame = 0;           // index in the video (0 for an image)
  double t_s = 0;                  // the frame's time as FrameSource gives it
  std::vector<std::uint8_t> jpeg;  // the encoded, downscaled frame
  int width = 0, height = 0;       // the upright frame's own size, before scaling
  int jpeg_width = 0, jpeg_height = 0;
};

// One image per entry of `frames`, in the same order (repeats allowed). Errors: the file
// cannot be read (as FrameSource::open), a frame index at or beyond the end of the video
// ("frame 12 was asked for; the video has 10 frames"), a frame that cannot be encoded,
// cancellation. `max_side_px` > 0.
Result<std::vector<KeyFrameImage>> read_key_frames(const std::filesystem::path& path,
                                                   std::span<const std::size_t> frames,
                                                   int max_side_px = kKeyFrameMaxSidePx);

// Standard base64 (RFC 4648, with '=' padding), e.g. for a data: URI.
std::string to_base64(std::span<const std::uint8_t> bytes);

}  // namespace openpt::vision
