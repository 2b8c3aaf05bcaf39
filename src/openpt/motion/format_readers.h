// Internal to the pose readers and writers: one reader and writer per keypoint format
// (format_<name>.cpp) and the helpers they share (format_common.cpp). pose_io.cpp detects
// the format and dispatches here; nothing outside src/openpt/motion includes this header.
//
// Readers get the file's display name (the file name only, never the full path) and its
// content, and return through `finish_read`, which fills the metadata and validates.
// Writers return the whole file content; pose_io.cpp writes it atomically.
//
//   SourceText src{"squat.csv", text};
//   auto seq = read_mediapipe_csv(src, options);   // errors say "squat.csv:12: ..."
//   auto content = write_npy(*seq);                // Result<std::string>
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "openpt/core/error.h"
#include "openpt/core/file_name.h"
#include "openpt/motion/pose_io.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion::detail {

struct SourceText {
  std::string name;       // file name for messages and metadata.source
  std::string_view text;  // whole file content
};

// ---- readers -------------------------------------------------------------------------------
Result<PoseSequence> read_openpt_json(const SourceText& src, const PoseReadOptions& options);
Result<PoseSequence> read_mediapipe_json(const SourceText& src, const PoseReadOptions& options);
Result<PoseSequence> read_mediapipe_csv(const SourceText& src, const PoseReadOptions& options);
Result<PoseSequence> read_npy(const SourceText& src, const PoseReadOptions& options);
Result<PoseSequence> read_wide_csv(const SourceText& src, const PoseReadOptions& options);
// A directory of *_keypoints.json files, or one such file.
Result<PoseSequence> read_openpose(const std::filesystem::path& path,
                                   const PoseReadOptions& options);

// ---- writers (whole file content) ---------------------------------------------------------
Result<std::string> write_openpt_json(const PoseSequence& seq);
Result<std::string> write_mediapipe_json(const PoseSequence& seq);
Result<std::string> write_mediapipe_csv(const PoseSequence& seq);
Result<std::string> write_npy(const PoseSequence& seq);
Result<std::string> write_wide_csv(const PoseSequence& seq);

// ---- shared helpers (format_common.cpp) ---------------------------------------------------
inline constexpr double kDefaultFps = 30;

// options.fps when given, else 30: the frame rate for formats without timestamps.
double fps_or_default(const PoseReadOptions& options);

// Error unless `t_s` is finite and after `previous_t_s` (ignored for the first frame).
// `where` locates it ("a.csv:12", "a.json: frames[3].t_s").
Result<void> check_time(double t_s, std::size_t frame, double previous_t_s,
                        const std::string& where);

// Every reader returns through this: sets metadata.source/format, fps (from the median
// interval when `fps` is 0), the camera view override, then validate(seq, name).
Result<PoseSequence> finish_read(PoseSequence seq, const std::string& name, PoseFormat format,
                                 const PoseReadOptions& options);

// True when every landmark of the frame is absent (x or y NaN).
bool frame_has_no_image_landmarks(const PoseSequence& seq, std::size_t frame);
bool frame_has_no_world_landmarks(const PoseSequence& seq, std::size_t frame);

// Multipliers (x, y, z) that turn the image landmarks into normalised coordinates: 1 for
// normalised input, 1/width, 1/height, 1/width for pixels of a known image size; an error
// for pixels of an unknown size.
Result<Vec3> normalizing_scale(const PoseSequence& seq, PoseFormat format);

// For the BlazePose-only image formats (MediaPipe JSON/CSV, npy): the normalising scale, or
// an error when the recording has another skeleton or no image landmarks.
Result<Vec3> blazepose_image_scale(const PoseSequence& seq, PoseFormat format);

// Writers that support only some skeletons or data say so with this error.
tl::unexpected<Error> cannot_write(PoseFormat format, const std::string& why,
                                   const std::string& hint = {});

// ---- JSON ----------------------------------------------------------------------------------
using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Parses a whole document; syntax errors say "name:line:column" and the byte offset.
Result<Json> parse_json(std::string_view text, const std::string& name);

// The first member of `object` named by one of `keys`, or nullptr (also when not an object).
const Json* json_member(const Json& object, std::initializer_list<std::string_view> keys);

// "string \"abc\"", "array", ... for messages.
std::string json_describe(const Json& value);

// Error at `name: field`: expected `expected`, got <value>.
tl::unexpected<Error> json_type_error(const std::string& name, const std::string& field,
                                      std::string_view expected, const Json& got);

// A JSON number (null → NaN when `null_is_nan`) as double/float; false when it is another
// type or does not fit (floats beyond ±3.4e38).
bool json_to_double(const Json& value, bool null_is_nan, double& out);
bool json_to_float(const Json& value, bool null_is_nan, float& out);

// A float as a JSON value: null for NaN, else the shortest decimal that reads back exactly.
OrderedJson json_float(float value);

// Serialises with two-space indentation and a final newline.
std::string json_dump(const OrderedJson& document);

}  // namespace openpt::motion::detail
