// The name of a file without its directories, for messages and reports: directory names
// can hold patient names, so nothing OpenPT prints or stores shows them.
//
//   file_name_only("/home/clinic/Jane Doe/squat.json")   // "squat.json"
//   file_name_only("recordings/session-3/")              // "session-3"
//   lower_extension("clips/Squat.MP4")                   // ".mp4"
#pragma once

#include <filesystem>
#include <string>

namespace openpt {

std::string file_name_only(const std::filesystem::path& path);

// The extension with its dot, in lower case ("" when there is none).
std::string lower_extension(const std::filesystem::path& path);

}  // namespace openpt
