#include "openpt/vision/frame_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <system_error>

#include "openpt/core/file_name.h"
#include "openpt/vision/codecs.h"

namespace openpt::vision {

namespace {

constexpr std::array<std::string_view, 5> kImageExtensions = {".jpg", ".jpeg", ".png", ".bmp",
                                                              ".webp"};
constexpr std::array<std::string_view, 6> kVideoExtensions = {".mp4", ".mov",  ".m4v",
                                                              ".avi", ".webm", ".mkv"};

// Width and height from a PNG or JPEG header without decoding, so a huge image is refused
// before it is allocated; nullopt for other formats or an unreadable header.
std::optional<std::pair<long, long>> header_size(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<unsigned char, 24> head{};
  if (!in.read(reinterpret_cast<char*>(head.data()), head.size())) return std::nullopt;
  const auto be32 = [&](std::size_t i) {
    return (long{head[i]} << 24) | (long{head[i + 1]} << 16) | (long{head[i + 2]} << 8) |
           long{head[i + 3]};
  };
  if (head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
    return std::make_pair(be32(16), be32(20));  // IHDR follows the signature
  }
  if (head[0] != 0xFF || head[1] != 0xD8) return std::nullopt;
  // JPEG: walk the segments to the first start-of-frame marker.
  in.seekg(2);
  for (int segments = 0; segments < 1000; ++segments) {
    std::array<unsigned char, 4> m{};
    if (!in.read(reinterpret_cast<char*>(m.data()), 4) || m[0] != 0xFF) return std::nullopt;
    const int marker = m[1];
    const long length = (long{m[2]} << 8) | m[3];
    const bool start_of_frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (start_of_frame) {
      std::array<unsigned char, 5> sof{};
      if (!in.read(reinterpret_cast<char*>(sof.data()), 5)) return std::nullopt;
      return std::make_pair((long{sof[3]} << 8) | sof[4], (long{sof[1]} << 8) | sof[2]);
    }
    if (length < 2) return std::nullopt;
    in.seekg(length - 2, std::ios::cur);
  }
  return std::nullopt;
}

tl::unexpected<Error> too_large(const std::filesystem::path& path, double w, double h) {
  return bad_input(fmt::format("the image is {:.0f} × {:.0f} pixels, more than the {:.0f} "
                               "megapixels OpenPT processes",
                               w, h, kMaxImagePixels / 1e6),
                   file_name_only(path), "scale it down first");
}

cv::Mat to_rgb(const cv::Mat& bgr) {
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  return rgb;
}

}  // namespace

bool is_image_file(const std::filesystem::path& path) {
  const std::string e = lower_extension(path);
  return std::find(kImageExtensions.begin(), kImageExtensions.end(), e) != kImageExtensions.end();
}

bool is_video_file(const std::filesystem::path& path) {
  const std::string e = lower_extension(path);
  return std::find(kVideoExtensions.begin(), kVideoExtensions.end(), e) != kVideoExtensions.end();
}

struct FrameSource::State {
  std::filesystem::path path;
  bool video = false;
  std::unique_ptr<VideoDecoder> decoder;
  std::optional<Frame> pending;  // decoded ahead (the first frame, read while opening)
  std::size_t next_index = 0;
  bool ended = false;
  int width = 0, height = 0, rotation = 0;
  double fps = 0, last_t = -1;
  std::size_t count_hint = 0;
  std::optional<std::string> truncated;

  // Reads the next video frame into `pending`; false at the end (or when decoding fails).
  bool read_video_frame() {
    cv::Mat bgr;
    if (!decoder->read(bgr)) return false;
    Frame f;
    f.index = next_index++;
    const double ms = decoder->position_ms();
    const double from_index = fps > 0 ? static_cast<double>(f.index) / fps : 0;
    f.t_s = std::isfinite(ms) && ms / 1000.0 > last_t && (ms > 0 || f.index == 0) ? ms / 1000.0
                                                                                  : from_index;
    if (f.t_s <= last_t) f.t_s = last_t + (fps > 0 ? 1 / fps : 1.0 / 30);
    last_t = f.t_s;
    f.rgb = to_rgb(bgr);
    if (rotation != 0) {
      cv::rotate(f.rgb, f.rgb,
                 rotation == 90    ? cv::ROTATE_90_CLOCKWISE
                 : rotation == 180 ? cv::ROTATE_180
                                   : cv::ROTATE_90_COUNTERCLOCKWISE);
    }
    pending = std::move(f);
    return true;
  }
};

FrameSource::FrameSource(std::unique_ptr<State> state) : state_(std::move(state)) {}
FrameSource::FrameSource(FrameSource&&) noexcept = default;
FrameSource& FrameSource::operator=(FrameSource&&) noexcept = default;
FrameSource::~FrameSource() = default;

Result<FrameSource> FrameSource::open(const std::filesystem::path& path) {
  std::error_code ec;
  const std::string name = file_name_only(path);  // directories can name the patient
  if (!std::filesystem::exists(path, ec)) return not_found("no such file", name);
  if (!std::filesystem::is_regular_file(path, ec)) {
    return bad_input("not a regular file", name);
  }
  if (std::filesystem::file_size(path, ec) == 0) return bad_input("the file is empty", name);
  const bool image = is_image_file(path);
  if (!image && !is_video_file(path)) {
    return bad_input(fmt::format("unsupported file type '{}'", path.extension().string()), name,
                     "images: jpg, jpeg, png, bmp, webp; videos: mp4, mov, m4v, avi, webm, mkv");
  }
  auto codec = codecs();
  if (!codec) return tl::unexpected(codec.error());
  auto state = std::make_unique<State>();
  state->path = path;
  if (image) {
    if (auto size = header_size(path)) {
      const double w = static_cast<double>(size->first), h = static_cast<double>(size->second);
      if (w * h > kMaxImagePixels) return too_large(path, w, h);
    }
    const cv::Mat bgr = (*codec)->read_image(path.string());  // EXIF orientation applied
    if (bgr.empty()) {
      return bad_input("the image cannot be decoded (corrupt, truncated or not an image)", name);
    }
    if (static_cast<double>(bgr.cols) * bgr.rows > kMaxImagePixels) {
      return too_large(path, bgr.cols, bgr.rows);
    }
    Frame f;
    f.rgb = to_rgb(bgr);
    state->width = f.rgb.cols;
    state->height = f.rgb.rows;
    state->count_hint = 1;
    state->pending = std::move(f);
    return FrameSource(std::move(state));
  }
  state->video = true;
  state->decoder = (*codec)->open_video(path.string());
  if (state->decoder == nullptr) {
    return bad_input("the video cannot be opened (corrupt, truncated or an unsupported codec)",
                     name);
  }
  // With Debian's FFmpeg 5.1, OpenCV 4.6 reports the display matrix's rotation counter-
  // clockwise but turns the frames clockwise by it (fixed in OpenCV 4.7), so 90° and 270°
  // come out upside down: the plugin switches its rotation off and it is done here, checked
  // against what ffmpeg itself (and so video players) display.
  state->fps = state->decoder->fps();
  if (!(state->fps > 0 && state->fps < 1000)) state->fps = 0;
  const double count = state->decoder->frame_count();
  state->count_hint = count > 0 && std::isfinite(count) ? static_cast<std::size_t>(count) : 0;
  // The clockwise rotation that makes the frames upright.
  const double meta = state->decoder->rotation_meta_deg();
  const long counter_clockwise = std::isfinite(meta) ? std::lround(meta) : 0;
  const int rotation = static_cast<int>(((-counter_clockwise % 360) + 360) % 360);
  state->rotation = rotation % 90 == 0 ? rotation : 0;
  if (!state->read_video_frame()) {
    return bad_input("the video has no frames that can be decoded", name);
  }
  state->width = state->pending->rgb.cols;
  state->height = state->pending->rgb.rows;
  if (static_cast<double>(state->width) * state->height > kMaxImagePixels) {
    return too_large(path, state->width, state->height);
  }
  return FrameSource(std::move(state));
}

Result<std::optional<Frame>> FrameSource::next() {
  State& s = *state_;
  if (s.pending) {
    std::optional<Frame> out = std::move(s.pending);
    s.pending.reset();
    return out;
  }
  if (!s.video || s.ended) return std::optional<Frame>{};
  if (s.read_video_frame()) {
    std::optional<Frame> out = std::move(s.pending);
    s.pending.reset();
    if (out->rgb.cols != s.width || out->rgb.rows != s.height) {
      return bad_input(fmt::format("frame {} is {} × {}, the video started at {} × {}", out->index,
                                   out->rgb.cols, out->rgb.rows, s.width, s.height),
                       file_name_only(s.path));
    }
    return out;
  }
  s.ended = true;
  // Containers announce their length; stopping well before it means a damaged file.
  if (s.count_hint > 0 && s.next_index + 1 < s.count_hint) {
    s.truncated = fmt::format(
        "decoding stopped at frame {} of the {} the video announces "
        "(truncated or damaged file); the frames before it are used",
        s.next_index, s.count_hint);
  }
  return std::optional<Frame>{};
}

bool FrameSource::is_video() const {
  return state_->video;
}
int FrameSource::width() const {
  return state_->width;
}
int FrameSource::height() const {
  return state_->height;
}
double FrameSource::fps() const {
  return state_->fps;
}
std::size_t FrameSource::frame_count_hint() const {
  return state_->count_hint;
}
int FrameSource::rotation_deg() const {
  return state_->rotation;
}
const std::optional<std::string>& FrameSource::truncated() const {
  return state_->truncated;
}

}  // namespace openpt::vision
