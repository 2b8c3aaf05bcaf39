// Round trips, detection and hand-written examples for every pose format (pose_io.h).
#include "openpt/motion/pose_io.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <vector>

#include "support/test_support.h"

namespace openpt::motion {
namespace {

namespace fs = std::filesystem;
using openpt::testing::TempDir;

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

// 4 frames of BlazePose: frame 2 has no person; frame 1 misses landmark 5 and the
// visibility of landmark 6. Values are not exactly representable in decimal.
PoseSequence sample(bool with_world = true) {
  PoseSequence s =
      make_pose_sequence(blazepose33(), 4, {.has_image = true, .has_world = with_world});
  s.t_s = {0.0, 1.0 / 30, 0.0731, 0.125};
  s.metadata.fps = 30;
  s.metadata.view = CameraView::kSide;
  s.image_space = {.units = ImageUnits::kNormalized, .width_px = 1280, .height_px = 720};
  for (std::size_t i = 0; i < 4; ++i) {
    if (i == 2) {
      s.detected[i] = 0;
      continue;
    }
    for (std::size_t j = 0; j < 33; ++j) {
      const float base = 0.1f + 0.0137f * static_cast<float>(j) + 0.00071f * static_cast<float>(i);
      s.image_at(i, j) = {base, 1.0f - base, -0.3f * base, 0.9f - 0.01f * static_cast<float>(j),
                          0.5f + 0.013f * static_cast<float>(j)};
      if (with_world) {
        s.world_at(i, j) = {0.01 * static_cast<double>(j) - 0.2,
                            -0.7 + 0.043 * static_cast<double>(j),
                            0.1 / 3 + static_cast<double>(i) * 1e-3};
      }
    }
  }
  s.image_at(1, 5) = Landmark{};
  s.image_at(1, 6).visibility = NAN;
  if (with_world) s.world_at(1, 5) = {NAN, NAN, NAN};
  return s;
}

struct Compare {
  bool image = true;
  bool world = true;
  bool presence = true;
  double time_tolerance = 0;
};

void expect_same_pose(const PoseSequence& a, const PoseSequence& b, Compare c = {}) {
  ASSERT_EQ(a.frame_count(), b.frame_count());
  ASSERT_EQ(a.skeleton, b.skeleton);
  for (std::size_t i = 0; i < a.frame_count(); ++i) {
    EXPECT_NEAR(a.t_s[i], b.t_s[i], c.time_tolerance) << "frame " << i;
    EXPECT_EQ(a.detected[i], b.detected[i]) << "frame " << i;
    if (!a.detected[i]) continue;
    for (std::size_t j = 0; j < a.landmark_count(); ++j) {
      if (c.image) {
        const Landmark &l = a.image_at(i, j), &m = b.image_at(i, j);
        EXPECT_TRUE(same(l.x, m.x) && same(l.y, m.y) && same(l.z, m.z) &&
                    same(l.visibility, m.visibility) &&
                    (!c.presence || same(l.presence, m.presence)))
            << "frame " << i << " landmark " << j;
      }
      if (c.world) {
        const Vec3 &v = a.world_at(i, j), &w = b.world_at(i, j);
        EXPECT_TRUE(same(v.x, w.x) && same(v.y, w.y) && same(v.z, w.z))
            << "frame " << i << " landmark " << j;
      }
    }
  }
}

PoseSequence write_and_read(const PoseSequence& s, const fs::path& path, PoseFormat format,
                            PoseReadOptions options = {}) {
  auto written = write_pose_file(s, path, format);
  EXPECT_TRUE(written) << written.error().to_string();
  auto detected = detect_pose_format(path);
  EXPECT_TRUE(detected && *detected == format) << path;
  auto read = read_pose_file(path, options);
  EXPECT_TRUE(read) << read.error().to_string();
  return read ? *read : PoseSequence{};
}

TEST(PoseFormatNames, ParseEveryName) {
  for (auto f : {PoseFormat::kAuto, PoseFormat::kOpenptJson, PoseFormat::kMediapipeJson,
                 PoseFormat::kMediapipeCsv, PoseFormat::kNpy, PoseFormat::kOpenposeDir,
                 PoseFormat::kWideCsv}) {
    EXPECT_EQ(*parse_pose_format(pose_format_name(f)), f);
  }
  auto bad = parse_pose_format("xml");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().hint.find("wide-csv"), std::string::npos);
}

TEST(PoseIoRoundTrip, OpenptJsonIsLossless) {
  TempDir tmp;
  const PoseSequence s = sample();
  const PoseSequence r = write_and_read(s, tmp.path() / "squat.json", PoseFormat::kOpenptJson);
  expect_same_pose(s, r);
  EXPECT_EQ(r.metadata.source, "squat.json");
  EXPECT_EQ(r.metadata.format, "openpt-json");
  EXPECT_EQ(r.metadata.fps, 30);
  EXPECT_EQ(r.metadata.view, CameraView::kSide);
  EXPECT_EQ(r.image_space.width_px, 1280);
  EXPECT_EQ(r.image_space.height_px, 720);
  EXPECT_TRUE(r.has_image && r.has_world);
  EXPECT_EQ(r.world_up, (Vec3{0, -1, 0}));
}

TEST(PoseIoRoundTrip, OpenptJsonKeepsOtherSkeletonsAndWorldOnly) {
  TempDir tmp;
  PoseSequence s = make_pose_sequence(kinect22(), 2, {.has_image = false, .has_world = true});
  s.t_s = {0.5, 0.6};
  s.world_up = {0, 1, 0};
  for (std::size_t j = 0; j < 22; ++j)
    s.world_at(0, j) = {1.0 / 3, 2.0 / 7, static_cast<double>(j)};
  const PoseSequence r = write_and_read(s, tmp.path() / "k.json", PoseFormat::kOpenptJson);
  EXPECT_FALSE(r.has_image);
  EXPECT_EQ(r.world_up, (Vec3{0, 1, 0}));
  expect_same_pose(s, r, {.image = false});
}

TEST(PoseIoRoundTrip, MediapipeJson) {
  TempDir tmp;
  const PoseSequence s = sample();
  const PoseSequence r = write_and_read(s, tmp.path() / "mp.json", PoseFormat::kMediapipeJson);
  expect_same_pose(s, r, {.time_tolerance = 1e-12});
  EXPECT_EQ(r.metadata.format, "mediapipe-json");
  EXPECT_TRUE(r.has_world);
}

TEST(PoseIoRoundTrip, MediapipeCsv) {
  TempDir tmp;
  const PoseSequence s = sample(false);
  const PoseSequence r = write_and_read(s, tmp.path() / "mp.csv", PoseFormat::kMediapipeCsv);
  expect_same_pose(s, r, {.world = false});
  EXPECT_FALSE(r.has_world);
  EXPECT_EQ(r.metadata.format, "mediapipe-csv");
}

TEST(PoseIoRoundTrip, NpyKeepsLandmarksAndUsesFpsForTime) {
  TempDir tmp;
  PoseSequence s = sample(false);
  const PoseSequence r = write_and_read(s, tmp.path() / "a.npy", PoseFormat::kNpy, {.fps = 25});
  for (std::size_t i = 0; i < 4; ++i) s.t_s[i] = static_cast<double>(i) / 25;
  expect_same_pose(s, r, {.world = false, .time_tolerance = 1e-15});
  EXPECT_EQ(r.metadata.fps, 25);
  EXPECT_FALSE(r.image_space.per_frame_normalized);
  EXPECT_EQ(*read_pose_file(tmp.path() / "a.npy").map([](auto p) { return p.metadata.fps; }), 30);
}

TEST(PoseIoRoundTrip, WideCsvRotatesBlazePoseWorldToYUp) {
  TempDir tmp;
  const PoseSequence s = sample();
  const PoseSequence r = write_and_read(s, tmp.path() / "w.csv", PoseFormat::kWideCsv);
  EXPECT_FALSE(r.has_image);
  EXPECT_EQ(r.world_up, (Vec3{0, 1, 0}));
  PoseSequence expected = s;
  for (Vec3& w : expected.world) w = {w.x, -w.y, -w.z};  // 180° about x
  expect_same_pose(expected, r, {.image = false});
}

TEST(PoseIoRoundTrip, WideCsvKinectIsExact) {
  TempDir tmp;
  PoseSequence s = make_pose_sequence(kinect22(), 3, {.has_image = false, .has_world = true});
  s.t_s = {0, 1.0 / 30, 2.0 / 30};
  s.world_up = {0, 1, 0};
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 22; ++j) s.world_at(i, j) = {0.1 * j, 1.0 / (i + 3), -2.45};
  }
  const PoseSequence r = write_and_read(s, tmp.path() / "k.csv", PoseFormat::kWideCsv);
  EXPECT_EQ(r.skeleton, &kinect22());
  expect_same_pose(s, r, {.image = false});
  EXPECT_NEAR(r.metadata.fps, 30, 1e-9);
}

TEST(PoseIoWrite, AutoFormatFromExtensionAndNoTempFilesLeft) {
  TempDir tmp;
  ASSERT_TRUE(write_pose_file(sample(), tmp.path() / "a.json", PoseFormat::kAuto));
  ASSERT_TRUE(write_pose_file(sample(), tmp.path() / "a.npy", PoseFormat::kAuto));
  ASSERT_TRUE(write_pose_file(sample(), tmp.path() / "a.csv", PoseFormat::kAuto));
  EXPECT_EQ(*detect_pose_format(tmp.path() / "a.json"), PoseFormat::kOpenptJson);
  EXPECT_EQ(*detect_pose_format(tmp.path() / "a.npy"), PoseFormat::kNpy);
  EXPECT_EQ(*detect_pose_format(tmp.path() / "a.csv"), PoseFormat::kMediapipeCsv);
  // Overwriting replaces the file; only the three outputs are in the directory.
  ASSERT_TRUE(write_pose_file(sample(), tmp.path() / "a.json", PoseFormat::kOpenptJson));
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++files;
  EXPECT_EQ(files, 3);
}

TEST(PoseIoWrite, PixelsAreNormalisedForMediapipeFormats) {
  TempDir tmp;
  PoseSequence s = make_pose_sequence(blazepose33(), 1);
  s.image_space = {.units = ImageUnits::kPixels, .width_px = 200, .height_px = 100};
  for (std::size_t j = 0; j < 33; ++j) s.image_at(0, j) = {50, 25, 10, 1, 1};
  ASSERT_TRUE(write_pose_file(s, tmp.path() / "p.csv", PoseFormat::kMediapipeCsv));
  auto r = read_pose_file(tmp.path() / "p.csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->image_at(0, 7).x, 0.25f);
  EXPECT_EQ(r->image_at(0, 7).y, 0.25f);
  EXPECT_EQ(r->image_at(0, 7).z, 0.05f);
}

// ---- hand-written examples ------------------------------------------------------------------

std::string landmarks_json(float x0, int count = 33) {
  std::string out = "[";
  for (int j = 0; j < count; ++j) {
    out += (j ? "," : "") + std::string("{\"x\":") + std::to_string(x0 + 0.01f * j) +
           ",\"y\":0.5,\"z\":-0.1,\"visibility\":0.75}";
  }
  return out + "]";
}

TEST(PoseIoExamples, OpenptJson) {
  TempDir tmp;
  std::string image = "[";
  for (int j = 0; j < 33; ++j)
    image += (j ? "," : "") + std::string(j == 3 ? "[null,null]" : "[0.5,0.25,-0.125,1,0.5]");
  image += "]";
  const std::string text = R"({"schema":"openpt.pose/1","skeleton":"blazepose33","source":"x.mp4",
    "fps":0,"camera_view":"front","image":{"units":"pixels","width":640,"height":480},
    "world_up":[0,-2,0],"frames":[
      {"t_s":1.0,"image":)" +
                           image + R"(},
      {"t_s":1.5,"detected":false,"image":null}]})";
  auto r = read_pose_file(tmp.write("rec.json", text));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->frame_count(), 2u);
  EXPECT_EQ(r->t_s[1], 1.5);
  EXPECT_EQ(r->metadata.fps, 2);  // from the timestamps since the file says 0
  EXPECT_EQ(r->metadata.view, CameraView::kFront);
  EXPECT_EQ(r->metadata.source, "rec.json");
  EXPECT_EQ(r->image_space.units, ImageUnits::kPixels);
  EXPECT_EQ(r->world_up, (Vec3{0, -1, 0}));
  EXPECT_FALSE(r->has_world);
  EXPECT_EQ(r->detected[0], 1);
  EXPECT_EQ(r->detected[1], 0);
  EXPECT_EQ(r->image_at(0, 0).z, -0.125f);
  EXPECT_EQ(r->image_at(0, 0).presence, 0.5f);
  EXPECT_TRUE(std::isnan(r->image_at(0, 3).x));
  EXPECT_TRUE(std::isnan(r->image_at(0, 3).visibility));
  EXPECT_TRUE(std::isnan(r->image_at(1, 0).x));
}

TEST(PoseIoExamples, MediapipeJsonShapes) {
  TempDir tmp;
  // Top-level array; a single pose, a list of poses, no person, camelCase keys.
  const std::string text = "[{\"timestamp_ms\":0,\"landmarks\":" + landmarks_json(0.1f) +
                           ",\"world_landmarks\":" + landmarks_json(-0.2f) + "}," +
                           "{\"timestampMs\":40,\"landmarks\":[" + landmarks_json(0.2f) + "," +
                           landmarks_json(0.9f) + "]},{\"timestamp_ms\":80,\"landmarks\":[]}," +
                           "{\"timestamp_ms\":120,\"landmarks\":[[]]}]";
  const auto path = tmp.write("mp.json", text);
  EXPECT_EQ(*detect_pose_format(path), PoseFormat::kMediapipeJson);
  auto r = read_pose_file(path, {.view = CameraView::kBack});
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(r->frame_count(), 4u);
  EXPECT_EQ(r->t_s[1], 0.04);
  EXPECT_NEAR(r->metadata.fps, 25, 1e-9);
  EXPECT_EQ(r->metadata.view, CameraView::kBack);
  EXPECT_EQ(r->image_at(0, 2).x, 0.12f);
  EXPECT_EQ(r->image_at(1, 0).x, 0.2f);  // the first pose
  EXPECT_EQ(r->image_at(1, 0).visibility, 0.75f);
  EXPECT_TRUE(std::isnan(r->image_at(1, 0).presence));
  EXPECT_EQ(r->detected[2], 0);
  EXPECT_EQ(r->detected[3], 0);
  ASSERT_TRUE(r->has_world);
  EXPECT_NEAR(r->world_at(0, 1).x, -0.19, 1e-7);
  EXPECT_TRUE(std::isnan(r->world_at(1, 0).x));  // frame 1 has no world landmarks
}

TEST(PoseIoExamples, MediapipeJsonFramesObjectWithoutTimestamps) {
  TempDir tmp;
  const std::string text = "{\"frames\":[{\"landmarks\":" + landmarks_json(0.3f) +
                           "},{\"landmarks\":" + landmarks_json(0.4f) + "}]}";
  auto r = read_pose_file(tmp.write("f.json", text), {.fps = 10});
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->t_s[1], 0.1);
  EXPECT_EQ(r->metadata.fps, 10);
  EXPECT_FALSE(r->has_world);
}

TEST(PoseIoExamples, MediapipeCsvNamesIndicesAndMissingRows) {
  TempDir tmp;
  const std::string text =
      "frame,t_s,landmark,x,y,z,visibility\r\n"
      "0,0.0,0,0.5,0.25,-0.1,0.9\r\n"
      "0,0.0,left_knee,0.4,0.75,,\r\n"
      "1,0.05,,,,,\r\n"
      "2,0.1,nose,0.6,0.2,0,1\r\n";
  const auto path = tmp.write("long.csv", text);
  EXPECT_EQ(*detect_pose_format(path), PoseFormat::kMediapipeCsv);
  auto r = read_pose_file(path);
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(r->frame_count(), 3u);
  EXPECT_EQ(r->t_s[2], 0.1);
  EXPECT_EQ(r->image_at(0, 0).x, 0.5f);
  EXPECT_EQ(r->image_at(0, 25).y, 0.75f);
  EXPECT_TRUE(std::isnan(r->image_at(0, 25).z));
  EXPECT_TRUE(std::isnan(r->image_at(0, 1).x));  // not listed
  EXPECT_EQ(r->detected[1], 0);
  EXPECT_EQ(r->image_at(2, 0).visibility, 1.0f);
  EXPECT_NEAR(r->metadata.fps, 20, 1e-9);
}

// A .npy file with header dictionary `dict` and raw data.
std::string npy(const std::string& dict, const std::string& data, char version = 1) {
  std::string header = dict;
  const std::size_t prefix = version == 1 ? 10 : 12;
  header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
  header += '\n';
  std::string out = std::string("\x93NUMPY", 6) + version + '\0';
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  if (version != 1) out += std::string(2, '\0');
  return out + header + data;
}

template <class T>
std::string raw(const std::vector<T>& values) {
  return std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

TEST(PoseIoExamples, NpyFloat64FlatShapeVersion2) {
  TempDir tmp;
  std::vector<double> v(3 * 99, 0.0);
  for (int j = 0; j < 33; ++j) {
    v[3 * j] = 0.25 + 0.01 * j, v[3 * j + 1] = 0.5, v[3 * j + 2] = -0.5;        // frame 0
    v[198 + 3 * j] = 0.75, v[198 + 3 * j + 1] = 0.125, v[198 + 3 * j + 2] = 0;  // frame 2
  }
  // frame 1 stays all zeros: no person
  const auto path = tmp.write(
      "x.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 99), }", raw(v), 2));
  auto r = read_pose_file(path, {.fps = 10});
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(r->frame_count(), 3u);
  EXPECT_EQ(r->t_s[2], 0.2);
  EXPECT_EQ(r->image_at(0, 4).x, 0.29f);
  EXPECT_EQ(r->image_at(0, 4).z, -0.5f);
  EXPECT_TRUE(std::isnan(r->image_at(0, 4).visibility));
  EXPECT_EQ(r->detected[1], 0);
  EXPECT_TRUE(std::isnan(r->image_at(1, 0).x));
  EXPECT_EQ(r->image_at(2, 32).y, 0.125f);
  EXPECT_EQ(r->metadata.format, "npy");
  EXPECT_FALSE(r->image_space.per_frame_normalized);
}

TEST(PoseIoExamples, NpyPerFrameNormalisedIsDetected) {
  TempDir tmp;
  std::vector<float> v(2 * 33 * 2, 0.0f);  // (2, 33, 2): x, y only
  for (int i = 0; i < 2; ++i) {
    if (i == 1) continue;  // frame 1: no person (ignored by the heuristic)
    for (int j = 0; j < 33; ++j) {
      v[(i * 33 + j) * 2] = static_cast<float>(j) / 32;
      v[(i * 33 + j) * 2 + 1] = 1.0f - static_cast<float>(j) / 32;
    }
  }
  auto r = read_pose_file(tmp.write(
      "c.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 33, 2), }", raw(v))));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_TRUE(r->image_space.per_frame_normalized);
  EXPECT_EQ(r->detected[1], 0);
  EXPECT_TRUE(std::isnan(r->image_at(0, 0).z));
}

std::string openpose_frame(const std::vector<std::vector<float>>& people) {
  std::string out = "{\"version\":1.3,\"people\":[";
  for (std::size_t p = 0; p < people.size(); ++p) {
    out += (p ? "," : "") + std::string("{\"person_id\":[-1],\"pose_keypoints_2d\":[");
    for (std::size_t v = 0; v < people[p].size(); ++v) {
      out += (v ? "," : "") + std::to_string(people[p][v]);
    }
    out += "]}";
  }
  return out + "]}";
}

std::vector<float> body25_person(float x, float confidence) {
  std::vector<float> v;
  for (int j = 0; j < 25; ++j) {
    const bool missing = j == 24;
    v.push_back(missing ? 0 : x + j);
    v.push_back(missing ? 0 : 100.0f + j);
    v.push_back(missing ? 0 : confidence);
  }
  return v;
}

TEST(PoseIoExamples, OpenposeDirectorySortedByFrameNumber) {
  TempDir tmp;
  const fs::path dir = tmp.path() / "clip";
  fs::create_directory(dir);
  // Written out of order; frame 10 must come after frame 2.
  std::ofstream(dir / "clip_000000000010_keypoints.json")
      << openpose_frame({body25_person(30, 0.5f)});
  std::ofstream(dir / "clip_000000000002_keypoints.json")
      << openpose_frame({body25_person(10, 0.25f), body25_person(20, 0.75f)});
  std::ofstream(dir / "clip_000000000003_keypoints.json") << openpose_frame({});
  std::ofstream(dir / "notes.txt") << "ignored";
  EXPECT_EQ(*detect_pose_format(dir), PoseFormat::kOpenposeDir);
  auto r = read_pose_file(dir, {.fps = 20});
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->skeleton, &body25());
  ASSERT_EQ(r->frame_count(), 3u);
  EXPECT_EQ(r->metadata.source, "clip");
  EXPECT_EQ(r->metadata.format, "openpose");
  EXPECT_EQ(r->t_s[2], 0.1);
  EXPECT_EQ(r->image_space.units, ImageUnits::kPixels);
  EXPECT_EQ(r->image_space.width_px, 0);
  EXPECT_EQ(r->image_at(0, 1).x, 21.0f);  // the more confident person
  EXPECT_EQ(r->image_at(0, 1).y, 101.0f);
  EXPECT_EQ(r->image_at(0, 1).visibility, 0.75f);
  EXPECT_TRUE(std::isnan(r->image_at(0, 24).x));  // confidence 0 = missing
  EXPECT_EQ(r->image_at(0, 24).visibility, 0.0f);
  EXPECT_EQ(r->detected[1], 0);
  EXPECT_EQ(r->image_at(2, 0).x, 30.0f);
}

TEST(PoseIoExamples, OpenposeSingleFile) {
  TempDir tmp;
  const auto path = tmp.write("one_keypoints.json", openpose_frame({body25_person(5, 1.0f)}));
  EXPECT_EQ(*detect_pose_format(path), PoseFormat::kOpenposeDir);
  auto r = read_pose_file(path);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->frame_count(), 1u);
  EXPECT_EQ(r->image_at(0, 0).x, 5.0f);
}

TEST(PoseIoExamples, WideCsvWithVisibilityAndAnyColumnOrder) {
  TempDir tmp;
  // Joints in reverse order, t_s before frame, a visibility column for the head.
  std::string header = "t_s,frame", row0 = "0.0,0", row1 = "0.04,1", row2 = "0.08,2";
  const auto& names = kinect22().landmark_names;
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    const std::string n(*it);
    header += "," + n + "_x," + n + "_y," + n + "_z";
    row0 += n == "left_knee" ? ",0.25,0.5,-2.5" : ",1,2,3";
    row1 += ",,,";  // nobody tracked
    row2 += n == "left_knee" ? ",nan,," : ",1,2,3";
    if (n == "head") {
      header += ",head_visibility";
      row0 += ",1";
      row1 += ",";
      row2 += ",0";  // not tracked: read as missing
    }
  }
  const auto path = tmp.write("prmd.csv", header + "\n" + row0 + "\n" + row1 + "\n" + row2 + "\n");
  EXPECT_EQ(*detect_pose_format(path), PoseFormat::kWideCsv);
  auto r = read_pose_file(path);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->skeleton, &kinect22());
  EXPECT_FALSE(r->has_image);
  EXPECT_TRUE(r->has_world);
  EXPECT_EQ(r->world_up, (Vec3{0, 1, 0}));
  ASSERT_EQ(r->frame_count(), 3u);
  const std::size_t knee = static_cast<std::size_t>(kinect22().landmark_index("left_knee"));
  const std::size_t head = static_cast<std::size_t>(kinect22().landmark_index("head"));
  EXPECT_EQ(r->world_at(0, knee), (Vec3{0.25, 0.5, -2.5}));
  EXPECT_EQ(r->world_at(0, head), (Vec3{1, 2, 3}));
  EXPECT_EQ(r->detected[1], 0);
  EXPECT_EQ(r->detected[2], 1);
  EXPECT_TRUE(std::isnan(r->world_at(2, knee).x));
  EXPECT_TRUE(std::isnan(r->world_at(2, head).y));
  EXPECT_NEAR(r->metadata.fps, 25, 1e-9);
}

}  // namespace
}  // namespace openpt::motion
