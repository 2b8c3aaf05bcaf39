// The OpenPT version, from project(VERSION) in the top-level CMakeLists.txt, for --version
// and the "generator" field of reports.
#pragma once

#include <string_view>

namespace openpt {

inline constexpr std::string_view kVersion = OPENPT_VERSION;
inline constexpr std::string_view kGenerator = "openpt " OPENPT_VERSION;

}  // namespace openpt
