// Reading and writing pose recordings in the keypoint formats OpenPT supports.
//
// Formats (each documented in docs/formats.md): OpenPT's own JSON ("openpt.pose/1"),
// MediaPipe-style landmark JSON and CSV, NumPy .npy float32 arrays in BlazePose order,
// OpenPose per-frame JSON folders (BODY_25) and the wide CSV
// `frame,t_s,<joint>_x,<joint>_y,<joint>_z,...`. The format is detected from the content
// (and for a directory, its files); `PoseReadOptions::format` overrides detection. Every
// error names the file and the line, frame or field, and leaves nothing half-read.
//
//   auto seq = read_pose_file("squat.npy", {.fps = 30});
//   if (!seq) { std::cerr << seq.error().to_string() << "\n"; return 2; }
//   write_pose_file(*seq, "squat.json", PoseFormat::kOpenptJson);
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::motion {

enum class PoseFormat {
  kAuto,
  kOpenptJson,     // "openpt-json"
  kMediapipeJson,  // "mediapipe-json"
  kMediapipeCsv,   // "mediapipe-csv"
  kNpy,            // "npy"
  kOpenposeDir,    // "openpose"
  kWideCsv,        // "wide-csv"
};

std::string_view pose_format_name(PoseFormat format);
Result<PoseFormat> parse_pose_format(std::string_view name);  // names above, or "auto"

struct PoseReadOptions {
  PoseFormat format = PoseFormat::kAuto;
  double fps = 0;  // frame rate for formats without timestamps (0 = file's or 30)
  std::optional<CameraView> view = std::nullopt;  // overrides the file's camera view
};

// Detects the format from the content (magic bytes, JSON keys, CSV header) or directory.
Result<PoseFormat> detect_pose_format(const std::filesystem::path& path);

Result<PoseSequence> read_pose_file(const std::filesystem::path& path,
                                    const PoseReadOptions& options = {});

// The recording encoded in `format` (not kAuto), e.g. to write it to standard output.
Result<std::string> encode_pose(const PoseSequence& sequence, PoseFormat format);

// Writes in any format (kAuto: chosen from the extension: .json, .npy, .csv); formats that cannot
// hold some of the data (npy: no timestamps; wide CSV: world or image only) say so in
// docs/formats.md. Writes to a temporary file and renames, so a failure never leaves a partial
// file.
Result<void> write_pose_file(const PoseSequence& sequence, const std::filesystem::path& path,
                             PoseFormat format);

}  // namespace openpt::motion
