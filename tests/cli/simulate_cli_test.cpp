// `openpt simulate`: writes readable openpt.pose/1 recordings to a file or standard output,
// optional ground truth (per frame and per rep), compensation and realism flags that show in
// the truth as requested, and rejects bad flags with exit code 2 naming the flag.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "openpt/motion/pose_io.h"
#include "support/test_support.h"

namespace openpt::testing {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A CSV file as rows of column name → cell.
using Row = std::map<std::string, std::string>;
std::vector<Row> read_csv(const std::filesystem::path& p) {
  std::istringstream in(read_file(p));
  std::string line;
  std::vector<std::string> header;
  std::vector<Row> rows;
  auto split = [](const std::string& l) {
    std::vector<std::string> cells;
    std::stringstream ss(l);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!l.empty() && l.back() == ',') cells.emplace_back();
    return cells;
  };
  while (std::getline(in, line)) {
    if (header.empty()) {
      header = split(line);
      continue;
    }
    const auto cells = split(line);
    Row row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

double num(const Row& row, const std::string& column) {
  return std::stod(row.at(column));
}

// Runs `openpt simulate` with per-frame and per-rep truth; returns both.
struct Truth {
  std::vector<Row> frames, reps;
};
Truth simulate_truth(std::vector<std::string> args) {
  TempDir tmp;
  const auto frames = tmp.path() / "truth.csv", reps = tmp.path() / "reps.csv";
  args.insert(args.begin(), "simulate");
  for (const std::string& a :
       {std::string("-o"), (tmp.path() / "sim.json").string(), std::string("--truth"),
        frames.string(), std::string("--truth-reps"), reps.string()}) {
    args.push_back(a);
  }
  const CommandResult r = run_openpt(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return {read_csv(frames), read_csv(reps)};
}

// The frame row at time t.
const Row& at(const Truth& truth, double t_s) {
  const Row* best = &truth.frames.front();
  for (const Row& row : truth.frames) {
    if (std::abs(num(row, "t_s") - t_s) < std::abs(num(*best, "t_s") - t_s)) best = &row;
  }
  return *best;
}

TEST(CliSimulate, HelpDescribesTheModelAndExercises) {
  const CommandResult r = run_openpt({"simulate", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"squat",
                           "sit_to_stand",
                           "shoulder_abduction",
                           "forward_lunge",
                           "hip_abduction",
                           "shoulder_scaption",
                           "Winter",
                           "--reps",
                           "--valgus-deg",
                           "--compensate-reps",
                           "--shoulder-hike-cm",
                           "--sway-cm",
                           "--rep-depths",
                           "--setup-s",
                           "--walk-away-s",
                           "--occlude",
                           "--drop-frames",
                           "--truth-reps",
                           "--side",
                           "--per-frame-normalised"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

TEST(CliSimulate, WritesAReadableRecordingToAFile) {
  TempDir tmp;
  const auto path = tmp.path() / "squat.json";
  const CommandResult r = run_openpt(
      {"simulate", "squat", "--reps", "2", "--fps", "20", "--view", "side", "-o", path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  auto seq = motion::read_pose_file(path);
  ASSERT_TRUE(seq.has_value()) << seq.error().to_string();
  EXPECT_NEAR(static_cast<double>(seq->frame_count()), 20 * (2 * 3.0 + 3 * 1.0), 1);
  EXPECT_EQ(seq->metadata.view, motion::CameraView::kSide);
  EXPECT_TRUE(seq->has_world);
  EXPECT_EQ(seq->image_space.width_px, 1280);
}

// Every frame's image landmarks span [0, 1] on x and y; no world landmarks, no view.
TEST(CliSimulate, PerFrameNormalisedRecording) {
  TempDir tmp;
  const auto path = tmp.path() / "squat.json";
  const CommandResult r = run_openpt(
      {"simulate", "squat", "--reps", "2", "--per-frame-normalised", "-o", path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto seq = motion::read_pose_file(path);
  ASSERT_TRUE(seq.has_value()) << seq.error().to_string();
  EXPECT_TRUE(seq->image_space.per_frame_normalized);
  EXPECT_FALSE(seq->has_world);
  EXPECT_EQ(seq->metadata.view, motion::CameraView::kUnknown);
  for (std::size_t f = 0; f < seq->frame_count(); f += 17) {
    float lo_x = 1, hi_x = 0, lo_y = 1, hi_y = 0;
    for (std::size_t j = 0; j < seq->landmark_count(); ++j) {
      const motion::Landmark& l = seq->image_at(f, j);
      lo_x = std::min(lo_x, l.x);
      hi_x = std::max(hi_x, l.x);
      lo_y = std::min(lo_y, l.y);
      hi_y = std::max(hi_y, l.y);
    }
    EXPECT_NEAR(lo_x, 0, 1e-5) << "frame " << f;
    EXPECT_NEAR(hi_x, 1, 1e-5) << "frame " << f;
    EXPECT_NEAR(lo_y, 0, 1e-5) << "frame " << f;
    EXPECT_NEAR(hi_y, 1, 1e-5) << "frame " << f;
  }
}

TEST(CliSimulate, WritesToStandardOutputAndIsDeterministic) {
  const CommandResult a = run_openpt({"simulate", "shoulder_abduction", "--reps", "1"});
  const CommandResult b = run_openpt({"simulate", "shoulder_abduction", "--reps", "1", "-o", "-"});
  const CommandResult c =
      run_openpt({"simulate", "shoulder_abduction", "--reps", "1", "--seed", "9"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(a.out.find("\"openpt.pose/1\""), std::string::npos);
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
}

TEST(CliSimulate, WritesGroundTruthCsv) {
  TempDir tmp;
  const auto truth = tmp.path() / "truth.csv";
  const CommandResult r = run_openpt({"simulate", "squat", "--reps", "1", "--fps", "10", "-o",
                                      (tmp.path() / "s.json").string(), "--truth", truth.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_file(truth);
  EXPECT_EQ(csv.rfind("t_s,rep,partial_rep,phase,detected,", 0), 0u);
  for (const char* column : {"left_knee_flexion", "sway_m", "left_shoulder_hike_m",
                             "right_hip_abduction_deg", "left_progress"}) {
    EXPECT_NE(csv.find(column), std::string::npos) << column;
  }
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 51);  // header + 5 s at 10 fps
}

TEST(CliSimulate, CompensationsShowOnTheChosenRepsOnly) {
  const Truth t = simulate_truth({"squat", "--reps", "3", "--fps", "10", "--left-valgus-deg", "15",
                                  "--trunk-lateral-lean-deg", "8", "--right-pelvic-drop-deg", "6",
                                  "--depth", "0.6", "--compensate-reps", "2"});
  ASSERT_EQ(t.reps.size(), 3u);
  for (std::size_t r = 0; r < 3; ++r) {
    const bool on = r == 1;
    EXPECT_EQ(t.reps[r].at("compensated"), on ? "1" : "0");
    const Row& turn = at(t, num(t.reps[r], "turn_s"));
    EXPECT_EQ(turn.at("phase"), "return");  // the turn is where the return starts
    EXPECT_EQ(num(turn, "rep"), static_cast<double>(r + 1));
    EXPECT_NEAR(num(turn, "left_knee_frontal_projection"), on ? 15 : 0, 1e-3) << r;
    EXPECT_NEAR(num(turn, "right_knee_frontal_projection"), 0, 1e-3) << r;
    EXPECT_NEAR(num(turn, "trunk_lateral_lean"), on ? 8 : 0, 1e-3) << r;
    EXPECT_NEAR(num(turn, "pelvic_obliquity"), on ? 6 : 0, 1e-3) << r;
    EXPECT_NEAR(num(turn, "left_knee_flexion"), on ? 60 : 100, 1e-3) << r;
  }
}

TEST(CliSimulate, HikeSwayAndTrunkFlagsInTheirUnits) {
  const Truth hike =
      simulate_truth({"shoulder_abduction", "--reps", "1", "--fps", "10", "--shoulder-hike-cm", "4",
                      "--right-shoulder-hike-cm", "2", "--trunk-lean-deg", "-10"});
  const Row& turn = at(hike, num(hike.reps[0], "turn_s"));
  EXPECT_NEAR(num(turn, "left_shoulder_hike_m"), 0.04, 1e-5);
  EXPECT_NEAR(num(turn, "right_shoulder_hike_m"), 0.02, 1e-5);
  EXPECT_NEAR(num(turn, "trunk_flexion"), -10, 1e-3);

  const Truth sway = simulate_truth({"squat", "--reps", "1", "--fps", "40", "--sway-cm", "5"});
  double peak = 0;
  for (const Row& row : sway.frames) peak = std::max(peak, std::abs(num(row, "sway_m")));
  EXPECT_NEAR(peak, 0.05, 1e-3);
}

TEST(CliSimulate, TempoAndTimingAsymmetry) {
  const Truth t = simulate_truth({"squat", "--reps", "1", "--fps", "40", "--right-delay-s", "0.5",
                                  "--hold-s", "1", "--tempo-outward-fraction", "0.25"});
  // 3 s rep with a 1 s hold: 0.5 s out, turn 1 s after the start; the right side 0.5 s late.
  const Row& rep = t.reps[0];
  EXPECT_NEAR(num(rep, "turn_s") - num(rep, "start_s"), 1.0, 1e-6);
  EXPECT_NEAR(num(rep, "end_s") - num(rep, "start_s"), 3.5, 1e-6);
  const double start = num(rep, "start_s");
  EXPECT_NEAR(num(at(t, start + 0.5), "left_knee_flexion"), 100, 1e-3);
  EXPECT_NEAR(num(at(t, start + 1.0), "right_knee_flexion"), 100, 1e-3);
  EXPECT_LT(num(at(t, start + 0.25), "right_knee_flexion"), 1);
}

TEST(CliSimulate, PartialRepsAndRepSpeeds) {
  const Truth t = simulate_truth(
      {"squat", "--reps", "4", "--fps", "20", "--rep-depths", "1,0.3,1", "--rep-speeds", "1,1,2"});
  ASSERT_EQ(t.reps.size(), 4u);
  EXPECT_EQ(t.reps[1].at("partial"), "1");
  EXPECT_EQ(t.reps[1].at("counted_rep"), "0");
  EXPECT_EQ(t.reps[2].at("counted_rep"), "2");
  EXPECT_EQ(t.reps[3].at("counted_rep"), "3");
  EXPECT_NEAR(num(t.reps[1], "depth"), 0.3, 1e-9);
  EXPECT_NEAR(num(t.reps[2], "end_s") - num(t.reps[2], "start_s"), 1.5, 1e-6);
  double max_rep = 0, max_partial = 0;
  for (const Row& row : t.frames) {
    max_rep = std::max(max_rep, num(row, "rep"));
    max_partial = std::max(max_partial, num(row, "partial_rep"));
  }
  EXPECT_EQ(max_rep, 3);  // the partial rep is not among the counted ones
  EXPECT_EQ(max_partial, 1);
  EXPECT_NEAR(num(at(t, num(t.reps[1], "turn_s")), "left_knee_flexion"), 30, 1e-3);
}

TEST(CliSimulate, RealismFlagsShowInTheRecording) {
  TempDir tmp;
  const auto path = tmp.path() / "messy.json";
  const auto truth = tmp.path() / "truth.csv";
  const CommandResult r = run_openpt({"simulate",
                                      "squat",
                                      "--reps",
                                      "3",
                                      "--fps",
                                      "20",
                                      "--setup-s",
                                      "3",
                                      "--walk-away-s",
                                      "5",
                                      "--drop-frames",
                                      "0.1",
                                      "--occlude",
                                      "lower_body:4.5-5",
                                      "--occlude",
                                      "left_wrist:0-1",
                                      "--drift-deg",
                                      "10",
                                      "-o",
                                      path.string(),
                                      "--truth",
                                      truth.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto seq = motion::read_pose_file(path);
  ASSERT_TRUE(seq.has_value()) << seq.error().to_string();
  const std::vector<Row> rows = read_csv(truth);
  ASSERT_EQ(rows.size(), seq->frame_count());
  std::size_t dropped = 0, setup = 0, walking = 0;
  for (std::size_t i = 0; i < seq->frame_count(); ++i) {
    const Row& row = rows[i];
    EXPECT_EQ(row.at("detected"), seq->detected[i] ? "1" : "0");
    setup += row.at("phase") == "setup";
    walking += row.at("phase") == "walk_away";
    if (!seq->detected[i]) {
      ++dropped;
      continue;
    }
    const double t = seq->t_s[i];
    if (t >= 4.5 && t <= 5) {
      EXPECT_FLOAT_EQ(seq->image_at(i, 25).visibility, 0.1f);
    }
    if (t <= 1) {
      EXPECT_FLOAT_EQ(seq->image_at(i, 15).visibility, 0.1f);
    }
  }
  EXPECT_EQ(setup, 60u);               // 3 s at 20 fps
  EXPECT_EQ(walking, 5u * 20 + 1);     // the last 5 s, both ends
  EXPECT_GT(dropped, 0.05 * 20 * 5);   // the random drops and the empty end
  EXPECT_FALSE(seq->detected.back());  // nobody left in view
  EXPECT_NEAR(num(rows.back(), "left_knee_flexion"), 10, 1e-3);  // the drifted baseline
}

TEST(CliSimulate, BadFlagsExitWithTwo) {
  const std::vector<std::vector<std::string>> bad = {
      {"simulate", "jumping_jacks"},
      {"simulate", "squat", "--reps", "0"},
      {"simulate", "squat", "--reps", "1001"},
      {"simulate", "squat", "--fps", "5000"},
      {"simulate", "squat", "--fps", "abc"},
      {"simulate", "squat", "--view", "top"},
      {"simulate", "squat", "--noise-px", "-1"},
      {"simulate", "squat", "--stature-m", "9"},
      {"simulate"},
  };
  for (const auto& args : bad) {
    const CommandResult r = run_openpt(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args.back();
    EXPECT_TRUE(r.out.empty()) << args.back();
  }
  // Every compensation and realism flag: out of range or malformed → exit 2, flag named.
  const std::vector<std::pair<std::string, std::string>> flags = {
      {"--valgus-deg", "50"},
      {"--left-valgus-deg", "-60"},
      {"--right-valgus-deg", "nan"},
      {"--trunk-lean-deg", "60"},
      {"--trunk-lateral-lean-deg", "90"},
      {"--left-pelvic-drop-deg", "-3"},
      {"--right-pelvic-drop-deg", "31"},
      {"--depth", "2"},
      {"--right-depth", "-0.1"},
      {"--heel-lift-deg", "50"},
      {"--tempo-outward-fraction", "0.95"},
      {"--hold-s", "2.9"},
      {"--shoulder-hike-cm", "20"},
      {"--left-shoulder-hike-cm", "-1"},
      {"--right-shoulder-hike-cm", "16"},
      {"--sway-cm", "31"},
      {"--sway-period-s", "0.1"},
      {"--right-delay-s", "2"},
      {"--compensate-reps", "2-9"},
      {"--compensate-reps", "3-1"},
      {"--compensate-reps", "x"},
      {"--rep-depths", "1,abc"},
      {"--rep-depths", "1,1,1,1,1,1"},
      {"--rep-depths", "1,-0.5"},
      {"--rep-speeds", "1,0"},
      {"--rep-speeds", "10"},  // a 0.3 s rep
      {"--setup-s", "1"},
      {"--walk-away-s", "500"},
      {"--drift-deg", "45"},
      {"--drop-frames", "0.95"},
      {"--occlude", "lower_body"},
      {"--occlude", "tail:1-2"},
      {"--occlude", "face:3-1"},
      {"--side", "middle"},
      {"--side", "left"},
  };
  for (const auto& [flag, value] : flags) {
    const CommandResult r = run_openpt({"simulate", "squat", "--reps", "5", flag, value});
    EXPECT_EQ(r.exit_code, 2) << flag << " " << value << ": " << r.err;
    EXPECT_NE(r.err.find(flag), std::string::npos) << flag << " " << value << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << flag;
  }
  const CommandResult unknown = run_openpt({"simulate", "jumping_jacks"});
  EXPECT_NE(unknown.err.find("sit_to_stand"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace openpt::testing
