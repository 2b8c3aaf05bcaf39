// Image and video decoding (and JPEG encoding), loaded on first use from a plugin.
//
// OpenCV's imgcodecs and videoio bring in about 230 shared libraries (FFmpeg, GStreamer,
// GDAL, ...), all bound when a program that links them starts: `openpt --version` took
// about 0.35 s, 60 % of it in the dynamic loader, although only `pose`, `assess` and the
// key frames of a video report decode anything. They live in a plugin instead,
// libopenpt_codecs.so (codecs_plugin/), which `codecs()` loads the first time it is asked:
// commands that never decode start without them.
//
// The plugin is looked for, in order, at $OPENPT_CODECS_PLUGIN, in ../lib/openpt/ beside the
// program (the installed layout), next to the program, and where this build put it. If none
// loads, `codecs()` returns an error that says where it looked.
#pragma once

#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::vision {

// An open video file, decoded frame by frame (OpenCV's VideoCapture with FFmpeg).
class VideoDecoder {
 public:
  virtual ~VideoDecoder() = default;
  // The next frame (BGR); false at the end or when decoding fails.
  virtual bool read(cv::Mat& bgr) = 0;
  [[nodiscard]] virtual double position_ms() const = 0;  // of the frame last read
  [[nodiscard]] virtual double fps() const = 0;
  [[nodiscard]] virtual double frame_count() const = 0;  // as the container announces it
  // Rotation in the display matrix, counter-clockwise degrees (the frames are not rotated).
  [[nodiscard]] virtual double rotation_meta_deg() const = 0;
};

// The plugin's entry points. Errors are reported as empty results, as OpenCV does.
struct Codecs {
  // The image at `path`, BGR, EXIF orientation applied; empty when it cannot be decoded.
  cv::Mat (*read_image)(const std::string& path);
  // The video at `path`; null when it cannot be opened.
  std::unique_ptr<VideoDecoder> (*open_video)(const std::string& path);
  // `bgr` as JPEG of `quality` (0-100) into `out`; false on failure.
  bool (*encode_jpeg)(const cv::Mat& bgr, int quality, std::vector<unsigned char>& out);
};

// The plugin's codecs, loaded on the first call (thread-safe); an error when it cannot be
// found or loaded.
Result<const Codecs*> codecs();

// The codecs of the first of `candidates` that loads as the plugin; an error listing each
// candidate and why it was not taken (absent, or the loader's message) when none does.
Result<const Codecs*> load_codecs(const std::vector<std::filesystem::path>& candidates);

}  // namespace openpt::vision

// The symbol the plugin exports; the version is part of its name.
extern "C" const openpt::vision::Codecs* openpt_codecs_v1();
