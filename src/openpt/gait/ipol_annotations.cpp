#include "openpt/gait/ipol_annotations.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "openpt/core/csv.h"
#include "openpt/core/file_name.h"

namespace openpt::gait {
namespace {

using nlohmann::json;

// A [start, end] pair of finite sample numbers with start ≤ end, in seconds.
Result<std::pair<double, double>> pair_of(const json& value, const std::string& where,
                                          double rate) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
    return bad_input("expected [start, end] (two sample numbers)", where);
  }
  const double a = value[0].get<double>();
  const double b = value[1].get<double>();
  if (!std::isfinite(a) || !std::isfinite(b) || a > b) {
    return bad_input(fmt::format("[{}, {}] is not a span (start ≤ end)", a, b), where);
  }
  return std::pair{a / rate, b / rate};
}

Result<std::vector<IpolFootstep>> footsteps(const json& doc, const char* key,
                                            const std::string& file, double rate) {
  if (!doc.contains(key) || !doc[key].is_array()) {
    return bad_input("missing or not a list of [start, end] footsteps", file + ": " + key);
  }
  std::vector<IpolFootstep> out;
  for (std::size_t i = 0; i < doc[key].size(); ++i) {
    auto span = pair_of(doc[key][i], fmt::format("{}: {}[{}]", file, key, i), rate);
    if (!span) return tl::unexpected(span.error());
    out.push_back({span->first, span->second});
  }
  return out;
}

}  // namespace

std::string python_json_to_strict(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    bool replaced = false;
    for (std::string_view token : {"-Infinity", "Infinity", "NaN"}) {
      if (text.substr(i, token.size()) == token) {
        out += "null";
        i += token.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += c;
  }
  return out;
}

Result<IpolAnnotations> read_ipol_annotations(const std::filesystem::path& path,
                                              double sample_rate_hz) {
  const std::string file = file_name_only(path);
  auto text = read_text_file(path, file, std::uintmax_t{64} << 20);
  if (!text) return tl::unexpected(text.error());
  const json doc = json::parse(python_json_to_strict(*text), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return bad_input("not a JSON object", file, "an IPOL trial annotation (S-T.json)");
  }
  IpolAnnotations out;
  if (!doc.contains("TrialBoundaries")) {
    return bad_input("missing", file + ": TrialBoundaries");
  }
  auto trial = pair_of(doc["TrialBoundaries"], file + ": TrialBoundaries", sample_rate_hz);
  if (!trial) return tl::unexpected(trial.error());
  std::tie(out.trial_start_s, out.trial_end_s) = *trial;
  if (doc.contains("UTurnBoundaries") && !doc["UTurnBoundaries"].is_null()) {
    auto turn = pair_of(doc["UTurnBoundaries"], file + ": UTurnBoundaries", sample_rate_hz);
    if (!turn) return tl::unexpected(turn.error());
    out.uturn_start_s = turn->first;
    out.uturn_end_s = turn->second;
  }
  auto left = footsteps(doc, "LeftFootEvents", file, sample_rate_hz);
  if (!left) return tl::unexpected(left.error());
  auto right = footsteps(doc, "RightFootEvents", file, sample_rate_hz);
  if (!right) return tl::unexpected(right.error());
  out.left_steps = std::move(*left);
  out.right_steps = std::move(*right);
  return out;
}

}  // namespace openpt::gait
