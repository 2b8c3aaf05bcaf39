#include "openpt/motion/exercise.h"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <type_traits>

#include "openpt/core/csv.h"
#include "openpt/core/printable.h"
#include "openpt/motion/measures.h"

namespace openpt::motion {

namespace {

// Reads one table, remembering which keys were used so unknown keys (typos) are errors.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string prefix, const std::string& file)
      : table_(table), prefix_(std::move(prefix)), file_(file) {}

  [[nodiscard]] std::string key_path(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }

  Error error(std::string_view key, std::string problem, std::string hint = {}) const {
    return Error{ErrorKind::kBadInput, key_path(key) + ": " + problem, file_, std::move(hint)};
  }

  Result<std::string> text(std::string_view key, std::optional<std::string> fallback = {}) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (node == nullptr) {
      if (fallback) return *fallback;
      return tl::unexpected(error(key, "is required"));
    }
    if (!node->is_string()) {
      return tl::unexpected(error(key, fmt::format("must be a string (got {})", type_of(*node))));
    }
    return std::string(**node->as_string());
  }

  Result<double> number(std::string_view key, std::optional<double> fallback = {}) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (node == nullptr) {
      if (fallback) return *fallback;
      return tl::unexpected(error(key, "is required"));
    }
    double v = NAN;
    if (node->is_integer()) {
      v = static_cast<double>(**node->as_integer());
    } else if (node->is_floating_point()) {
      v = **node->as_floating_point();
    } else {
      return tl::unexpected(error(key, fmt::format("must be a number (got {})", type_of(*node))));
    }
    if (!std::isfinite(v)) return tl::unexpected(error(key, "must be a finite number"));
    return v;
  }

  Result<bool> boolean(std::string_view key, bool fallback) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (node == nullptr) return fallback;
    if (!node->is_boolean()) {
      return tl::unexpected(
          error(key, fmt::format("must be true or false (got {})", type_of(*node))));
    }
    return **node->as_boolean();
  }

  Result<std::vector<std::string>> strings(std::string_view key, bool required) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (node == nullptr) {
      if (required) return tl::unexpected(error(key, "is required"));
      return std::vector<std::string>{};
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      return tl::unexpected(
          error(key, fmt::format("must be an array of strings (got {})", type_of(*node))));
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      if (!item.is_string()) {
        return tl::unexpected(
            error(key, fmt::format("item {} must be a string (got {})", i + 1, type_of(item))));
      }
      out.emplace_back(**item.as_string());
    }
    return out;
  }

  Result<std::vector<double>> numbers(std::string_view key) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (node == nullptr) return tl::unexpected(error(key, "is required"));
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      return tl::unexpected(
          error(key, fmt::format("must be an array of numbers (got {})", type_of(*node))));
    }
    std::vector<double> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto v = array->get(i)->value<double>();
      if (!v || !std::isfinite(*v)) {
        return tl::unexpected(error(key, fmt::format("item {} must be a finite number", i + 1)));
      }
      out.push_back(*v);
    }
    return out;
  }

  // Marks `key` as known and returns its node (nullptr when absent), for custom parsing.
  const toml::node* mark_used(std::string_view key) {
    used_.insert(std::string(key));
    return table_.get(key);
  }

  // Unknown keys are typos, not extensions: an error names the first one.
  [[nodiscard]] Result<void> check_unknown_keys() const {
    for (const auto& [key, node] : table_) {
      if (!used_.contains(std::string(key.str()))) {
        return tl::unexpected(
            error(key.str(), "is not a known key", "see docs/exercises.md for the keys"));
      }
    }
    return {};
  }

  static std::string_view type_of(const toml::node& node) {
    switch (node.type()) {
      case toml::node_type::string: return "a string";
      case toml::node_type::integer: return "an integer";
      case toml::node_type::floating_point: return "a number";
      case toml::node_type::boolean: return "a boolean";
      case toml::node_type::array: return "an array";
      case toml::node_type::table: return "a table";
      default: return "a date or time";
    }
  }

 private:
  const toml::table& table_;
  std::string prefix_;
  const std::string& file_;
  std::set<std::string> used_;
};

template <typename T>
struct Choice {
  std::string_view name;
  T value;
};

template <typename T, std::size_t N>
Result<T> choose(TableReader& r, std::string_view key, const Choice<T> (&choices)[N],
                 std::type_identity_t<std::optional<T>> fallback = {}) {
  std::optional<std::string> fallback_name;
  if (fallback) {
    for (const auto& c : choices) {
      if (c.value == *fallback) fallback_name = std::string(c.name);
    }
  }
  auto text = r.text(key, fallback_name);
  if (!text) return tl::unexpected(text.error());
  std::vector<std::string_view> names;
  for (const auto& c : choices) {
    if (c.name == *text) return c.value;
    names.push_back(c.name);
  }
  return tl::unexpected(r.error(
      key, fmt::format("'{}' is not one of: {}", printable(*text), fmt::join(names, ", "))));
}

bool is_snake_case(std::string_view s) {
  return !s.empty() && s.size() <= 64 && s.front() >= 'a' && s.front() <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

Result<std::vector<CameraView>> parse_views(TableReader& r, std::string_view key, bool required) {
  auto names = r.strings(key, required);
  if (!names) return tl::unexpected(names.error());
  std::vector<CameraView> views;
  for (const auto& name : *names) {
    auto view = parse_camera_view(name);
    if (!view || *view == CameraView::kUnknown) {
      return tl::unexpected(r.error(
          key, fmt::format("'{}' is not a camera view (front, back, side)", printable(name))));
    }
    views.push_back(*view);
  }
  if (required && views.empty()) return tl::unexpected(r.error(key, "must name at least one view"));
  return views;
}

constexpr Choice<SideCombination> kSideCombinations[] = {
    {"mean", SideCombination::kMean},     {"max", SideCombination::kMax},
    {"either", SideCombination::kEither}, {"left", SideCombination::kLeft},
    {"right", SideCombination::kRight},   {"none", SideCombination::kNone}};
constexpr Choice<RepPhase> kPhases[] = {{"outward", RepPhase::kOutward},
                                        {"return", RepPhase::kReturn},
                                        {"turn", RepPhase::kTurn},
                                        {"early", RepPhase::kEarly},
                                        {"rep", RepPhase::kRep}};
constexpr Choice<RuleStatistic> kStatistics[] = {{"max", RuleStatistic::kMax},
                                                 {"min", RuleStatistic::kMin},
                                                 {"mean", RuleStatistic::kMean},
                                                 {"max_abs", RuleStatistic::kMaxAbs},
                                                 {"mean_abs", RuleStatistic::kMeanAbs},
                                                 {"range", RuleStatistic::kRange},
                                                 {"fraction_above", RuleStatistic::kFractionAbove},
                                                 {"fraction_below", RuleStatistic::kFractionBelow},
                                                 {"value", RuleStatistic::kValue}};
constexpr Choice<RuleSides> kRuleSides[] = {{"none", RuleSides::kNone},
                                            {"each", RuleSides::kEach},
                                            {"left", RuleSides::kLeft},
                                            {"right", RuleSides::kRight},
                                            {"working", RuleSides::kWorking}};
constexpr Choice<bool> kDirections[] = {{"increase", true}, {"decrease", false}};
constexpr Choice<bool> kOutward[] = {{"eccentric", true}, {"concentric", false}};
constexpr Choice<bool> kWorse[] = {{"above", true}, {"below", false}};

Result<void> check_measure_known(TableReader& r, std::string_view key, const std::string& name,
                                 bool allow_rep_measures) {
  if (find_frame_measure(name) != nullptr) return {};
  if (allow_rep_measures && find_rep_measure(name) != nullptr) return {};
  return tl::unexpected(r.error(key, fmt::format("unknown measure '{}'", printable(name)),
                                "the measures are listed in docs/exercises.md"));
}

// An alternative driving signal: "name" (same direction, min_rom_deg; degrees only) or
// { signal = "name", direction = "increase"|"decrease", min_range = N }.
Result<MovementSignal> parse_alternative(const toml::node& node, std::size_t index,
                                         const MovementDefinition& m, const std::string& file) {
  const std::string key = fmt::format("movement.alternatives[{}]", index + 1);
  const auto fail = [&](std::string problem) {
    return tl::unexpected(
        Error{ErrorKind::kBadInput, key + ": " + problem, file, "see docs/exercises.md"});
  };
  MovementSignal s;
  if (node.is_string()) {
    s.measure = std::string(**node.as_string());
    s.increases = m.increases;
    s.min_range = m.min_rom_deg;
  } else if (const toml::table* t = node.as_table()) {
    TableReader r(*t, key, file);
    auto name = r.text("signal");
    auto increases = choose(r, "direction", kDirections);
    auto min_range = r.number("min_range");
    if (!name) return tl::unexpected(name.error());
    if (!increases) return tl::unexpected(increases.error());
    if (!min_range) return tl::unexpected(min_range.error());
    if (!(*min_range > 0)) return fail("min_range must be greater than 0");
    if (auto ok = r.check_unknown_keys(); !ok) return tl::unexpected(ok.error());
    s = {*name, *increases, *min_range};
  } else {
    return fail("must be a measure name or { signal = ..., direction = ..., min_range = ... }");
  }
  const MeasureInfo* info = find_frame_measure(s.measure);
  if (info == nullptr) {
    return fail(fmt::format("unknown measure '{}' (the measures are listed in docs/exercises.md)",
                            printable(s.measure)));
  }
  if (node.is_string() && info->unit != "°") {
    return fail(
        fmt::format("'{}' is measured in {}, not degrees: give its direction and "
                    "minimum range, e.g. {{ signal = \"{}\", direction = \"decrease\", "
                    "min_range = 8 }}",
                    s.measure, info->unit, s.measure));
  }
  return s;
}

// position = { measure = "name", below = N | above = N, text = "..." }.
Result<PositionCheck> parse_position(const toml::node& node, const std::string& file) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return tl::unexpected(Error{ErrorKind::kBadInput,
                                "movement.position: must be a table { measure = ..., below = ... "
                                "or above = ..., text = ... }",
                                file, "see docs/exercises.md"});
  }
  TableReader r(*table, "movement.position", file);
  PositionCheck p;
  auto measure = r.text("measure");
  if (!measure) return tl::unexpected(measure.error());
  if (auto ok = check_measure_known(r, "measure", *measure, false); !ok) {
    return tl::unexpected(ok.error());
  }
  p.measure = *measure;
  const bool has_below = r.mark_used("below") != nullptr;
  const bool has_above = r.mark_used("above") != nullptr;
  if (has_below == has_above) {
    return tl::unexpected(
        r.error(has_below ? "above" : "below", "give exactly one of below = N or above = N"));
  }
  p.below = has_below;
  auto limit = r.number(has_below ? "below" : "above");
  if (!limit) return tl::unexpected(limit.error());
  p.limit = *limit;
  auto text = r.text("text");
  if (!text) return tl::unexpected(text.error());
  if (text->empty()) return tl::unexpected(r.error("text", "must not be empty"));
  p.text = *text;
  if (auto ok = r.check_unknown_keys(); !ok) return tl::unexpected(ok.error());
  return p;
}

Result<MovementDefinition> parse_movement(const toml::table& table, const std::string& file) {
  TableReader r(table, "movement", file);
  MovementDefinition m;
  auto signal = r.text("signal");
  if (!signal) return tl::unexpected(signal.error());
  if (auto ok = check_measure_known(r, "signal", *signal, false); !ok) {
    return tl::unexpected(ok.error());
  }
  m.signals.push_back(*signal);
  const toml::node* alternatives = r.mark_used("alternatives");
  std::vector<const toml::node*> alternative_nodes;
  if (alternatives != nullptr) {
    const toml::array* array = alternatives->as_array();
    if (array == nullptr) {
      return tl::unexpected(r.error("alternatives", "must be an array"));
    }
    for (std::size_t i = 0; i < array->size(); ++i) alternative_nodes.push_back(array->get(i));
  }
  auto sides = choose(r, "sides", kSideCombinations);
  if (!sides) return tl::unexpected(sides.error());
  m.sides = *sides;
  const bool bilateral = find_frame_measure(*signal)->bilateral;
  if (bilateral == (m.sides == SideCombination::kNone)) {
    return tl::unexpected(r.error(
        "sides", bilateral ? fmt::format("'none' does not fit '{}', which has a left and a right "
                                         "side",
                                         *signal)
                           : fmt::format("'{}' has no sides: use sides = \"none\"", *signal)));
  }
  auto increases = choose(r, "direction", kDirections);
  auto outward = choose(r, "outward", kOutward);
  auto target = r.number("target_rom_deg");
  auto min_rom = r.number("min_rom_deg");
  auto duration = r.numbers("rep_duration_s");
  if (!increases) return tl::unexpected(increases.error());
  if (!outward) return tl::unexpected(outward.error());
  if (!target) return tl::unexpected(target.error());
  if (!min_rom) return tl::unexpected(min_rom.error());
  if (!duration) return tl::unexpected(duration.error());
  m.increases = *increases;
  m.outward_eccentric = *outward;
  m.target_rom_deg = *target;
  m.min_rom_deg = *min_rom;
  if (!(m.target_rom_deg > 0 && m.target_rom_deg <= 360)) {
    return tl::unexpected(r.error("target_rom_deg", "must be between 0 and 360"));
  }
  if (!(m.min_rom_deg > 0 && m.min_rom_deg <= m.target_rom_deg)) {
    return tl::unexpected(
        r.error("min_rom_deg", "must be greater than 0 and at most target_rom_deg"));
  }
  if (duration->size() != 2 ||
      !((*duration)[0] > 0 && (*duration)[0] < (*duration)[1] && (*duration)[1] <= 600)) {
    return tl::unexpected(
        r.error("rep_duration_s", "must be [min, max] seconds with 0 < min < max <= 600"));
  }
  m.min_duration_s = (*duration)[0];
  m.max_duration_s = (*duration)[1];
  m.candidates.push_back({*signal, m.increases, m.min_rom_deg});
  for (std::size_t i = 0; i < alternative_nodes.size(); ++i) {
    auto alternative = parse_alternative(*alternative_nodes[i], i, m, file);
    if (!alternative) return tl::unexpected(alternative.error());
    m.signals.push_back(alternative->measure);
    m.candidates.push_back(std::move(*alternative));
  }
  if (const toml::node* position = r.mark_used("position")) {
    auto parsed = parse_position(*position, file);
    if (!parsed) return tl::unexpected(parsed.error());
    m.position = std::move(*parsed);
  }
  if (auto ok = r.check_unknown_keys(); !ok) return tl::unexpected(ok.error());
  return m;
}

Result<void> check_template(TableReader& r, std::string_view key, const std::string& text) {
  static constexpr std::string_view kPlaceholders[] = {"Side",  "side", "value", "threshold",
                                                       "level", "unit", "phase"};
  for (std::size_t open = text.find('{'); open != std::string::npos;
       open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) return tl::unexpected(r.error(key, "has an unclosed '{'"));
    const std::string_view name(text.data() + open + 1, close - open - 1);
    if (std::find(std::begin(kPlaceholders), std::end(kPlaceholders), name) ==
        std::end(kPlaceholders)) {
      return tl::unexpected(
          r.error(key, fmt::format("unknown placeholder '{{{}}}'", printable(std::string(name))),
                  "placeholders: {Side} {side} {value} {threshold} {level} {unit} {phase}"));
    }
  }
  if (text.find('}') != std::string::npos &&
      std::count(text.begin(), text.end(), '{') != std::count(text.begin(), text.end(), '}')) {
    return tl::unexpected(r.error(key, "has an unmatched '}'"));
  }
  return {};
}

Result<FormRule> parse_rule(const toml::table& table, std::size_t index, const std::string& file) {
  TableReader r(table, fmt::format("rule[{}]", index + 1), file);
  FormRule rule;
  auto code = r.text("code");
  if (!code) return tl::unexpected(code.error());
  if (!is_snake_case(*code)) {
    return tl::unexpected(
        r.error("code", fmt::format("'{}' must be snake_case (a-z, 0-9, _)", printable(*code))));
  }
  rule.code = *code;
  auto title = r.text("title");
  auto measure = r.text("measure");
  if (!title) return tl::unexpected(title.error());
  if (!measure) return tl::unexpected(measure.error());
  rule.title = *title;
  rule.measure = *measure;
  if (auto ok = check_measure_known(r, "measure", rule.measure, true); !ok) {
    return tl::unexpected(ok.error());
  }
  const MeasureInfo* frame = find_frame_measure(rule.measure);
  const RepMeasureInfo* per_rep = find_rep_measure(rule.measure);
  const bool bilateral = frame != nullptr ? frame->bilateral : per_rep->bilateral;
  auto sides = choose(r, "sides", kRuleSides, bilateral ? RuleSides::kEach : RuleSides::kNone);
  if (!sides) return tl::unexpected(sides.error());
  rule.sides = *sides;
  if (!bilateral && rule.sides != RuleSides::kNone) {
    return tl::unexpected(
        r.error("sides", fmt::format("'{}' has no sides: use sides = \"none\"", rule.measure)));
  }
  if (frame != nullptr && frame->bilateral && rule.sides == RuleSides::kNone) {
    return tl::unexpected(r.error(
        "sides",
        fmt::format("'{}' has a left and a right side: use each, left or right", rule.measure)));
  }
  auto phase = choose(r, "phase", kPhases, RepPhase::kRep);
  auto statistic =
      choose(r, "statistic", kStatistics, per_rep ? RuleStatistic::kValue : RuleStatistic::kMax);
  if (!phase) return tl::unexpected(phase.error());
  if (!statistic) return tl::unexpected(statistic.error());
  rule.phase = *phase;
  rule.statistic = *statistic;
  if ((per_rep != nullptr) != (rule.statistic == RuleStatistic::kValue)) {
    return tl::unexpected(
        r.error("statistic", per_rep != nullptr
                                 ? fmt::format("'{}' is one value per repetition: use statistic = "
                                               "\"value\"",
                                               rule.measure)
                                 : fmt::format("\"value\" is for per-repetition measures; '{}' is "
                                               "per frame (use max, min, mean, max_abs, range, "
                                               "fraction_above or fraction_below)",
                                               rule.measure)));
  }
  const bool fraction = rule.statistic == RuleStatistic::kFractionAbove ||
                        rule.statistic == RuleStatistic::kFractionBelow;
  auto level = r.number("level", fraction ? std::nullopt : std::optional<double>(0.0));
  auto relative = r.boolean("relative", false);
  auto worse = choose(r, "worse", kWorse);
  auto mild = r.number("mild");
  auto significant = r.number("significant");
  auto weight = r.number("weight", 1.0);
  auto views = parse_views(r, "views", false);
  auto finding = r.text("finding");
  auto cue = r.text("cue");
  for (const Error* e : {level ? nullptr : &level.error(), relative ? nullptr : &relative.error(),
                         worse ? nullptr : &worse.error(), mild ? nullptr : &mild.error(),
                         significant ? nullptr : &significant.error(),
                         weight ? nullptr : &weight.error(), views ? nullptr : &views.error(),
                         finding ? nullptr : &finding.error(), cue ? nullptr : &cue.error()}) {
    if (e != nullptr) return tl::unexpected(*e);
  }
  rule.level = *level;
  rule.relative = *relative;
  rule.worse_above = *worse;
  rule.mild = *mild;
  rule.significant = *significant;
  rule.weight = *weight;
  rule.views = *views;
  rule.finding = *finding;
  rule.cue = *cue;
  if (rule.relative && per_rep != nullptr) {
    return tl::unexpected(r.error("relative", "applies to per-frame measures only"));
  }
  if (rule.worse_above ? !(rule.significant > rule.mild) : !(rule.significant < rule.mild)) {
    return tl::unexpected(r.error(
        "significant",
        rule.worse_above
            ? fmt::format("must be greater than mild ({:g}) when worse = \"above\"", rule.mild)
            : fmt::format("must be less than mild ({:g}) when worse = \"below\"", rule.mild)));
  }
  if (fraction &&
      (rule.mild < 0 || rule.mild > 100 || rule.significant < 0 || rule.significant > 100)) {
    return tl::unexpected(r.error("mild", "fractions are percentages between 0 and 100"));
  }
  if (!(rule.weight >= 0 && rule.weight <= 3)) {
    return tl::unexpected(r.error("weight", "must be between 0 and 3"));
  }
  if (rule.finding.empty()) return tl::unexpected(r.error("finding", "must not be empty"));
  if (rule.cue.empty()) return tl::unexpected(r.error("cue", "must not be empty"));
  if (auto ok = check_template(r, "finding", rule.finding); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_template(r, "cue", rule.cue); !ok) return tl::unexpected(ok.error());
  if (auto ok = r.check_unknown_keys(); !ok) return tl::unexpected(ok.error());
  return rule;
}

Result<ExerciseDefinition> parse_document(const toml::table& doc, const std::string& file) {
  TableReader r(doc, "", file);
  ExerciseDefinition e;
  e.file = file;
  auto id = r.text("id");
  if (!id) return tl::unexpected(id.error());
  if (!is_snake_case(*id)) {
    return tl::unexpected(
        r.error("id", fmt::format("'{}' must be snake_case (a-z, 0-9, _)", printable(*id))));
  }
  e.id = *id;
  const std::string stem = std::filesystem::path(file).stem().string();
  if (std::filesystem::path(file).extension() == ".toml" && stem != e.id) {
    return tl::unexpected(r.error(
        "id", fmt::format("'{}' differs from the file name '{}.toml'", e.id, printable(stem)),
        "name the file after the id"));
  }
  auto name = r.text("name");
  auto category = r.text("category");
  auto description = r.text("description", std::string{});
  auto aliases = r.strings("aliases", false);
  auto views = parse_views(r, "views", true);
  if (!name) return tl::unexpected(name.error());
  if (!category) return tl::unexpected(category.error());
  if (!description) return tl::unexpected(description.error());
  if (!aliases) return tl::unexpected(aliases.error());
  if (!views) return tl::unexpected(views.error());
  e.name = *name;
  e.category = *category;
  e.description = *description;
  e.aliases = *aliases;
  e.views = *views;
  if (e.name.empty()) return tl::unexpected(r.error("name", "must not be empty"));
  if (e.category != "rehabilitation" && e.category != "fitness") {
    return tl::unexpected(r.error("category", "must be \"rehabilitation\" or \"fitness\""));
  }
  for (const auto& alias : e.aliases) {
    if (!is_snake_case(alias)) {
      return tl::unexpected(r.error(
          "aliases", fmt::format("'{}' must be snake_case (a-z, 0-9, _)", printable(alias))));
    }
  }

  const toml::node* movement_node = r.mark_used("movement");
  const toml::table* movement = movement_node ? movement_node->as_table() : nullptr;
  if (movement == nullptr) {
    return tl::unexpected(r.error("movement", "is required and must be a table ([movement])"));
  }
  auto parsed_movement = parse_movement(*movement, file);
  if (!parsed_movement) return tl::unexpected(parsed_movement.error());
  e.movement = std::move(*parsed_movement);

  if (const toml::node* rules = r.mark_used("rule"); rules != nullptr) {
    const toml::array* array = rules->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      return tl::unexpected(r.error("rule", "must be an array of tables ([[rule]])"));
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      auto rule = parse_rule(*array->get(i)->as_table(), i, file);
      if (!rule) return tl::unexpected(rule.error());
      for (const auto& other : e.rules) {
        if (other.code == rule->code) {
          return tl::unexpected(Error{
              ErrorKind::kBadInput,
              fmt::format("rule[{}].code: '{}' is used by an earlier rule", i + 1, other.code),
              file,
              {}});
        }
      }
      e.rules.push_back(std::move(*rule));
    }
  }
  if (auto ok = r.check_unknown_keys(); !ok) return tl::unexpected(ok.error());
  return e;
}

}  // namespace

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kOk: return "ok";
    case Severity::kMild: return "mild";
    case Severity::kSignificant: return "significant";
  }
  return "ok";
}

Result<ExerciseDefinition> parse_exercise(std::string_view toml_text, const std::string& file) {
  try {
    const toml::table doc = toml::parse(toml_text, file);
    return parse_document(doc, file);
  } catch (const toml::parse_error& e) {
    return bad_input(fmt::format("line {}, column {}: {}", e.source().begin.line,
                                 e.source().begin.column, e.description()),
                     file, "see docs/exercises.md for the format");
  }
}

Result<ExerciseDefinition> load_exercise_file(const std::filesystem::path& path) {
  auto text = read_text_file(path, path.string(), 1 << 20);
  if (!text) return tl::unexpected(text.error());
  return parse_exercise(*text, path.string());
}

Result<ExerciseLibrary> ExerciseLibrary::load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return not_found(fmt::format("exercise directory '{}' does not exist", dir.string()), {},
                     "set OPENPT_EXERCISE_DIR or pass --exercise-dir");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) return not_found(fmt::format("cannot list '{}': {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());
  ExerciseLibrary library;
  library.dir_ = dir;
  std::map<std::string, std::string> names;  // id or alias -> file
  for (const auto& file : files) {
    auto exercise = load_exercise_file(file);
    if (!exercise) return tl::unexpected(exercise.error());
    std::vector<std::string> keys = exercise->aliases;
    keys.push_back(exercise->id);
    for (const auto& key : keys) {
      auto [it, inserted] = names.emplace(key, file.filename().string());
      if (!inserted) {
        return bad_input(fmt::format("'{}' names an exercise in {} already", key, it->second),
                         file.string(), "ids and aliases must be unique in the library");
      }
    }
    library.exercises_.push_back(std::move(*exercise));
  }
  return library;
}

const ExerciseDefinition* ExerciseLibrary::find(std::string_view id_or_alias) const {
  for (const auto& e : exercises_) {
    if (e.id == id_or_alias) return &e;
  }
  for (const auto& e : exercises_) {
    if (std::find(e.aliases.begin(), e.aliases.end(), id_or_alias) != e.aliases.end()) return &e;
  }
  return nullptr;
}

std::filesystem::path default_exercise_dir() {
  if (const char* env = std::getenv("OPENPT_EXERCISE_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "openpt" / "exercises";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return std::filesystem::path(OPENPT_DATA_DIR) / "exercises";
}

}  // namespace openpt::motion
