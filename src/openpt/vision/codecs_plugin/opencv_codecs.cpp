// libopenpt_codecs.so: image and video decoding and JPEG encoding with OpenCV's imgcodecs
// and videoio (FFmpeg), loaded by openpt::vision::codecs() on first use (codecs.h).
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include "openpt/vision/codecs.h"

namespace openpt::vision {
namespace {

class OpenCvVideo final : public VideoDecoder {
 public:
  bool open(const std::string& path) {
    if (!capture_.open(path, cv::CAP_FFMPEG) || !capture_.isOpened()) return false;
    // With Debian's FFmpeg 5.1, OpenCV 4.6 turns the frames the wrong way for 90° and 270°
    // (fixed in OpenCV 4.7): the caller rotates them from rotation_meta_deg().
    capture_.set(cv::CAP_PROP_ORIENTATION_AUTO, 0);
    return true;
  }
  bool read(cv::Mat& bgr) override { return capture_.read(bgr) && !bgr.empty(); }
  [[nodiscard]] double position_ms() const override { return capture_.get(cv::CAP_PROP_POS_MSEC); }
  [[nodiscard]] double fps() const override { return capture_.get(cv::CAP_PROP_FPS); }
  [[nodiscard]] double frame_count() const override {
    return capture_.get(cv::CAP_PROP_FRAME_COUNT);
  }
  [[nodiscard]] double rotation_meta_deg() const override {
    return capture_.get(cv::CAP_PROP_ORIENTATION_META);
  }

 private:
  cv::VideoCapture capture_;
};

cv::Mat read_image(const std::string& path) {
  return cv::imread(path, cv::IMREAD_COLOR);
}

std::unique_ptr<VideoDecoder> open_video(const std::string& path) {
  auto video = std::make_unique<OpenCvVideo>();
  if (!video->open(path)) return nullptr;
  return video;
}

bool encode_jpeg(const cv::Mat& bgr, int quality, std::vector<unsigned char>& out) {
  return cv::imencode(".jpg", bgr, out, {cv::IMWRITE_JPEG_QUALITY, quality});
}

constexpr Codecs kCodecs{&read_image, &open_video, &encode_jpeg};

}  // namespace
}  // namespace openpt::vision

extern "C" const openpt::vision::Codecs* openpt_codecs_v1() {
  return &openpt::vision::kCodecs;
}
