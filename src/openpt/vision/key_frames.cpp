#include "openpt/vision/key_frames.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "openpt/core/file_name.h"
#include "openpt/core/progress.h"
#include "openpt/vision/codecs.h"
#include "openpt/vision/frame_source.h"

namespace openpt::vision {

namespace {

Result<KeyFrameImage> encode_frame(const Frame& frame, int max_side_px, const std::string& name) {
  KeyFrameImage image;
  image.frame = frame.index;
  image.t_s = frame.t_s;
  image.width = frame.rgb.cols;
  image.height = frame.rgb.rows;
  const double scale =
      std::min(1.0, static_cast<double>(max_side_px) / std::max(image.width, image.height));
  cv::Mat bgr;
  cv::cvtColor(frame.rgb, bgr, cv::COLOR_RGB2BGR);
  if (scale < 1) {
    const cv::Size size(std::max(1, static_cast<int>(std::lround(image.width * scale))),
                        std::max(1, static_cast<int>(std::lround(image.height * scale))));
    cv::resize(bgr, bgr, size, 0, 0, cv::INTER_AREA);
  }
  image.jpeg_width = bgr.cols;
  image.jpeg_height = bgr.rows;
  auto codec = codecs();
  if (!codec) return tl::unexpected(codec.error());
  if (!(*codec)->encode_jpeg(bgr, kKeyFrameJpegQuality, image.jpeg)) {
    return internal_error(fmt::format("frame {} could not be encoded as JPEG", frame.index), name);
  }
  return image;
}

}  // namespace

Result<std::vector<KeyFrameImage>> read_key_frames(const std::filesystem::path& path,
                                                   std::span<const std::size_t> frames,
                                                   int max_side_px) {
  assert(max_side_px > 0);
  std::vector<KeyFrameImage> out(frames.size());
  if (frames.empty()) return out;
  auto source = FrameSource::open(path);
  if (!source) return tl::unexpected(source.error());
  const std::string name = file_name_only(path);
  // The wanted frames in decoding order; each decoded frame fills every request for it.
  std::vector<std::size_t> order(frames.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return frames[a] < frames[b]; });
  std::size_t next = 0;  // into `order`
  std::size_t decoded = 0;
  Progress progress("key frames", frames[order.back()] + 1);
  while (next < order.size()) {
    progress.update(decoded);
    if (cancel_requested()) return cancelled("interrupted; no report written");
    auto frame = source->next();
    if (!frame) return tl::unexpected(frame.error());
    if (!*frame) {
      return bad_input(
          fmt::format("frame {} was asked for; the {} has {} frame{}", frames[order[next]],
                      source->is_video() ? "video" : "image", decoded, decoded == 1 ? "" : "s"),
          name);
    }
    ++decoded;
    if ((*frame)->index != frames[order[next]]) continue;
    auto image = encode_frame(**frame, max_side_px, name);
    if (!image) return tl::unexpected(image.error());
    while (next < order.size() && frames[order[next]] == (*frame)->index) {
      out[order[next++]] = *image;
    }
  }
  progress.finish();
  return out;
}

std::string to_base64(std::span<const std::uint8_t> bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) |
                            std::uint32_t{bytes[i + 2]};
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = std::uint32_t{bytes[i]} << 16;
    if (rest == 2) v |= std::uint32_t{bytes[i + 1]} << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace openpt::vision
