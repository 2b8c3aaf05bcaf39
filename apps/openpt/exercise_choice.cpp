#include "exercise_choice.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "openpt/core/printable.h"

namespace openpt::cli {

namespace {

bool ends_with_toml(const std::string& name) {
  return name.size() > 5 && name.compare(name.size() - 5, 5, ".toml") == 0;
}

}  // namespace

Result<ExerciseChoice> resolve_exercise(const std::string& name, const std::string& library_dir) {
  ExerciseChoice choice;
  if (name == "auto") return choice;
  choice.automatic = false;
  if (ends_with_toml(name)) {
    auto definition = motion::load_exercise_file(name);
    if (!definition) return tl::unexpected(definition.error().within("--exercise"));
    choice.definition = std::move(*definition);
    return choice;
  }
  const std::filesystem::path dir =
      library_dir.empty() ? motion::default_exercise_dir() : std::filesystem::path(library_dir);
  auto library = motion::ExerciseLibrary::load(dir);
  if (!library) return tl::unexpected(library.error());
  const motion::ExerciseDefinition* found = library->find(name);
  if (found == nullptr) {
    std::vector<std::string> ids;
    for (const auto& e : library->exercises()) ids.push_back(e.id);
    return bad_input(
        fmt::format("unknown exercise '{}'", printable(name)), "--exercise",
        ids.empty() ? fmt::format("the library in {} is empty", dir.string())
                    : fmt::format("use auto, a .toml file or one of: {}", fmt::join(ids, ", ")));
  }
  choice.definition = *found;
  return choice;
}

}  // namespace openpt::cli
