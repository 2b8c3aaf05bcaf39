// Bad input for every pose format: each gives an Error of the right kind naming the file and
// the line, frame or field — never a crash, a hang or a huge allocation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "openpt/motion/pose_io.h"
#include "support/test_support.h"

namespace openpt::motion {
namespace {

namespace fs = std::filesystem;
using openpt::testing::TempDir;

// Reads `content` saved as `name` and returns the error (fails the test on success).
Error read_error(const std::string& name, const std::string& content,
                 PoseReadOptions options = {}) {
  TempDir tmp;
  auto r = read_pose_file(tmp.write(name, content), options);
  EXPECT_FALSE(r) << name << " was read without error";
  return r ? Error{} : r.error();
}

// Expects a kBadInput error whose text contains every piece of `parts`.
void expect_bad(const Error& e, const std::vector<std::string>& parts,
                ErrorKind kind = ErrorKind::kBadInput) {
  EXPECT_EQ(e.kind, kind) << e.to_string();
  const std::string text = e.to_string();
  for (const auto& p : parts)
    EXPECT_NE(text.find(p), std::string::npos) << text << "\n  lacks: " << p;
}

std::string blaze_landmarks_json(int count = 33) {
  std::string out = "[";
  for (int j = 0; j < count; ++j) out += (j ? "," : "") + std::string(R"({"x":0.5,"y":0.5})");
  return out + "]";
}

std::string openpt_json(const std::string& frames, const std::string& extra = "") {
  return R"({"schema":"openpt.pose/1","skeleton":"blazepose33")" + extra + R"(,"frames":[)" +
         frames + "]}";
}

std::string npy(const std::string& dict, const std::string& data) {
  std::string header = dict;
  header.append((64 - (10 + header.size() + 1) % 64) % 64, ' ');
  header += '\n';
  std::string out = std::string("\x93NUMPY\x01\x00", 8);
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  return out + header + data;
}

std::string floats(std::size_t n, float value = 0.5f) {
  std::vector<float> v(n, value);
  return std::string(reinterpret_cast<const char*>(v.data()), n * sizeof(float));
}

const std::string kLongHeader = "frame,t_s,landmark,x,y,z,visibility\n";

std::string kinect_header(const std::vector<std::string>& rename = {}) {
  std::string header = "frame,t_s";
  std::size_t i = 0;
  for (std::string_view n : kinect22().landmark_names) {
    const std::string name = i < rename.size() && !rename[i].empty() ? rename[i] : std::string(n);
    header += "," + name + "_x," + name + "_y," + name + "_z";
    ++i;
  }
  return header + "\n";
}

std::string kinect_row(int frame, double t) {
  std::string row = std::to_string(frame) + "," + std::to_string(t);
  for (int i = 0; i < 66; ++i) row += ",1";
  return row + "\n";
}

// ---- files ----------------------------------------------------------------------------------

TEST(PoseIoErrors, MissingFile) {
  TempDir tmp;
  auto r = read_pose_file(tmp.path() / "absent.json");
  ASSERT_FALSE(r);
  expect_bad(r.error(), {"absent.json", "not found"}, ErrorKind::kNotFound);
  EXPECT_EQ(r.error().to_string().find(tmp.path().string()), std::string::npos)
      << "errors name the file, not its full path";
  auto d = detect_pose_format(tmp.path() / "absent.json");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().kind, ErrorKind::kNotFound);
}

TEST(PoseIoErrors, EmptyFile) {
  expect_bad(read_error("empty.json", ""), {"empty.json", "file is empty"});
  expect_bad(read_error("blank.csv", "  \n\n"), {"blank.csv", "file is empty"});
  expect_bad(read_error("forced.csv", "", {.format = PoseFormat::kWideCsv}),
             {"forced.csv", "file is empty"});
}

TEST(PoseIoErrors, UnrecognisedContentListsFormatsAndFlag) {
  expect_bad(read_error("notes.txt", "hello world\nsecond line\n"),
             {"notes.txt:1", "openpt-json", "mediapipe-csv", "npy", "wide-csv", "--input-format"});
}

TEST(PoseIoErrors, OtherOpenptSchemaIsNotAPose) {
  expect_bad(read_error("report.json", R"({"schema":"openpt.assessment/1"})"),
             {"report.json", "openpt.assessment/1", "not a pose"});
}

// ---- JSON -----------------------------------------------------------------------------------

TEST(PoseIoErrors, TruncatedJsonNamesLineAndByte) {
  const std::string text = openpt_json(R"({"t_s":0,"image":null})").substr(0, 60);
  expect_bad(read_error("cut.json", "\n" + text),
             {"cut.json:2:", "invalid JSON", "byte", "truncated"});
  expect_bad(read_error("cut2.json", "[{\"timestamp_ms\":0,"), {"cut2.json:1:", "invalid JSON"});
}

TEST(PoseIoErrors, UnknownSchemaVersion) {
  expect_bad(read_error("v2.json", R"({"schema":"openpt.pose/2","frames":[]})"),
             {"v2.json: schema", "unsupported schema version 'openpt.pose/2'", "openpt.pose/1"});
}

TEST(PoseIoErrors, WrongJsonTypes) {
  expect_bad(read_error("t.json", openpt_json(R"({"t_s":0},{"t_s":"abc"})")),
             {"t.json: frames[1].t_s", "string \"abc\""});
  expect_bad(read_error("d.json", openpt_json(R"({"t_s":0,"detected":"yes"})")),
             {"d.json: frames[0].detected"});
  expect_bad(read_error("i.json", openpt_json(R"({"t_s":0,"image":[[1,2]]})")),
             {"i.json: frames[0].image", "33 landmarks"});
  expect_bad(read_error("f.json", openpt_json("", R"(,"fps":"fast")")), {"f.json: fps"});
  expect_bad(read_error("u.json", openpt_json("", R"(,"world_up":[0,0,0])")), {"u.json: world_up"});
  expect_bad(read_error("mp.json", R"([{"timestamp_ms":"soon","landmarks":[]}])"),
             {"mp.json: frames[0].timestamp_ms", "string"});
  expect_bad(read_error("mpx.json", R"([{"timestamp_ms":0,"landmarks":[{"x":"a","y":0}]}])"),
             {"mpx.json: frames[0].landmarks", "landmarks, expected 33"});
  std::string lm = blaze_landmarks_json();
  lm.replace(lm.find("0.5"), 3, "true");
  expect_bad(read_error("mpt.json", R"([{"timestamp_ms":0,"landmarks":)" + lm + "}]"),
             {"mpt.json: frames[0].landmarks[0].x", "a number or null", "boolean"});
}

TEST(PoseIoErrors, UnknownSkeletonInJson) {
  expect_bad(
      read_error("s.json", R"({"schema":"openpt.pose/1","skeleton":"octopus8","frames":[]})"),
      {"s.json: skeleton", "octopus8", "kinect22"});
}

TEST(PoseIoErrors, NonMonotonicTimeInJson) {
  expect_bad(read_error("m.json", openpt_json(R"({"t_s":0.5},{"t_s":0.5})")),
             {"m.json: frames[1].t_s", "frame 1", "not after"});
  expect_bad(read_error("mm.json", R"([{"timestamp_ms":40,"landmarks":[]},)"
                                   R"({"timestamp_ms":0,"landmarks":[]}])"),
             {"mm.json: frames[1].timestamp_ms", "frame 1"});
}

TEST(PoseIoErrors, HugeJsonNumbersAreRejected) {
  expect_bad(read_error("h.json", openpt_json(R"({"t_s":1e999})")), {"h.json"});
  std::string image = "[";
  for (int j = 0; j < 33; ++j) image += (j ? "," : "") + std::string("[1e300,0.5]");
  expect_bad(read_error("h2.json", openpt_json(R"({"t_s":0,"image":)" + image + "]}")),
             {"h2.json: frames[0].image[0]"});
}

TEST(PoseIoErrors, NoFramesIsAnEmptyRecordingNotAnError) {
  openpt::testing::TempDir tmp;
  auto seq = read_pose_file(tmp.write("none.json", openpt_json("")));
  ASSERT_TRUE(seq) << seq.error().to_string();
  EXPECT_EQ(seq->frame_count(), 0u);
}

// ---- CSV ------------------------------------------------------------------------------------

TEST(PoseIoErrors, CsvWrongColumnCountNamesLine) {
  expect_bad(read_error("c.csv", kLongHeader + "0,0,nose,0.5,0.5,0,1\n0,0,left_eye,0.5,0.5\n"),
             {"c.csv:3", "5 columns, expected 7"});
}

TEST(PoseIoErrors, CsvNonNumericCell) {
  expect_bad(read_error("n.csv", kLongHeader + "0,0,nose,0.5,abc,0,1\n"),
             {"n.csv:2", "column 5 (y)", "'abc' is not a number"});
  expect_bad(read_error("nf.csv", kLongHeader + "x,0,nose,0.5,0.5,0,1\n"),
             {"nf.csv:2", "column 1 (frame)"});
}

TEST(PoseIoErrors, CsvInfinityRejectedButNanIsMissing) {
  expect_bad(read_error("inf.csv", kLongHeader + "0,0,nose,inf,0.5,0,1\n"),
             {"inf.csv:2", "column 4 (x)", "infinite"});
  TempDir tmp;
  auto ok = read_pose_file(
      tmp.write("nan.csv", kLongHeader + "0,0,nose,nan,,0,1\n1,0.1,nose,0.5,0.5,0,1\n"));
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_TRUE(std::isnan(ok->image_at(0, 0).x));
}

TEST(PoseIoErrors, CsvNonMonotonicTimeNamesFrameAndLine) {
  expect_bad(read_error("t.csv", kLongHeader + "0,0.1,nose,0.5,0.5,0,1\n1,0.1,nose,0.5,0.5,0,1\n"),
             {"t.csv:3", "frame 1", "not after"});
  expect_bad(read_error("o.csv", kLongHeader + "3,0.1,nose,0.5,0.5,0,1\n2,0.2,nose,0.5,0.5,0,1\n"),
             {"o.csv:3", "frame 2 comes after frame 3"});
  expect_bad(read_error("w.csv", kinect_header() + kinect_row(0, 0.2) + kinect_row(1, 0.1)),
             {"w.csv:3", "frame 1"});
}

TEST(PoseIoErrors, MediapipeCsvLandmarkProblems) {
  expect_bad(read_error("l.csv", kLongHeader + "0,0,kneecap,0.5,0.5,0,1\n"),
             {"l.csv:2", "unknown BlazePose landmark 'kneecap'"});
  expect_bad(read_error("i.csv", kLongHeader + "0,0,40,0.5,0.5,0,1\n"), {"i.csv:2", "0-32"});
  expect_bad(read_error("d.csv", kLongHeader + "0,0,nose,0.5,0.5,0,1\n0,0,0,0.5,0.5,0,1\n"),
             {"d.csv:3", "appears twice"});
  expect_bad(read_error("v.csv", kLongHeader + "0,0,nose,0.5,0.5,0,1.5\n"),
             {"v.csv", "frame 0", "visibility"});
  expect_bad(read_error("h.csv", "frame,t_s,landmark,x,y,zz\n"),
             {"h.csv:1", "unknown column 'zz'"});
}

TEST(PoseIoErrors, WideCsvUnknownSkeletonListsNames) {
  expect_bad(read_error("s.csv",
                        kinect_header({"hips", "", "torso"}) + "0,0" + std::string(66, ',') + "\n"),
             {"s.csv:1", "no known skeleton", "kinect22", "hips", "torso", "waist", "chest",
              "known skeletons", "blazepose33"});
  expect_bad(read_error("z.csv", "frame,t_s,waist_x,waist_y\n"),
             {"z.csv:1", "joint 'waist' has no 'waist_z' column"});
  expect_bad(read_error("q.csv", "frame,t_s,waist_x,waist_y,waist_z,notes\n"),
             {"q.csv:1", "'notes'"});
}

TEST(PoseIoErrors, WideCsvCellProblems) {
  const std::string row = kinect_row(0, 0);
  std::string bad_row = kinect_row(1, 0.1);
  bad_row.replace(bad_row.rfind(",1"), 2, ",1x");
  expect_bad(read_error("c.csv", kinect_header() + row + bad_row),
             {"c.csv:3", "column 68 (right_toe_z)", "'1x'"});
  expect_bad(read_error("n.csv", kinect_header() + row + "1,0.1,2\n"),
             {"n.csv:3", "3 columns, expected 68"});
  std::string vis_header = kinect_header();
  vis_header.insert(vis_header.size() - 1, ",waist_visibility");
  std::string vis_row = kinect_row(0, 0);
  vis_row.insert(vis_row.size() - 1, ",2");
  expect_bad(read_error("vis.csv", vis_header + vis_row, {.format = PoseFormat::kWideCsv}),
             {"vis.csv:2", "column 69 (waist_visibility)", "outside [0, 1]"});
}

// ---- npy ------------------------------------------------------------------------------------

TEST(PoseIoErrors, NpyTruncatedData) {
  expect_bad(
      read_error("t.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 99), }",
                              floats(99 * 3))),
      {"t.npy", "truncated", "(10, 99)", "3 frames"});
  expect_bad(read_error("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 99), }",
                                     floats(99 + 1))),
             {"x.npy", "4 unexpected bytes"});
}

TEST(PoseIoErrors, NpyHugeDeclaredSizeIsCheckedBeforeAllocating) {
  expect_bad(read_error("h.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                                     "(1000000000000000, 33, 5), }",
                                     floats(10))),
             {"h.npy", "truncated"});
  expect_bad(read_error("o.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                                     "(99999999999999999999999999, 99), }",
                                     floats(10))),
             {"o.npy: header", "large"});
  std::string header_lies =
      std::string("\x93NUMPY\x02\x00", 8) + std::string("\xff\xff\xff\x7f", 4);
  expect_bad(read_error("hl.npy", header_lies), {"hl.npy", "truncated .npy header"});
  expect_bad(read_error("short.npy", std::string("\x93NUMPY", 6)), {"short.npy", "npy"});
}

TEST(PoseIoErrors, NpyEmptyLandmarkAxis) {
  expect_bad(
      read_error("e.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 0), }", "")),
      {"e.npy", "the array is empty (shape (3, 0))"});
}

TEST(PoseIoErrors, NpyShapeAndDtype) {
  expect_bad(read_error("s.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 98), }",
                                     floats(196))),
             {"s.npy: header", "(2, 98)", "33"});
  expect_bad(
      read_error("s3.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 17, 3), }",
                               floats(102))),
      {"s3.npy: header", "(2, 17, 3)"});
  expect_bad(
      read_error("k.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 33, 6), }",
                              floats(198))),
      {"k.npy: header", "k = 2..5"});
  expect_bad(read_error("f.npy", npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 99), }",
                                     floats(99))),
             {"f.npy: header", "Fortran order", "ascontiguousarray"});
  expect_bad(read_error("b.npy", npy("{'descr': '>f4', 'fortran_order': False, 'shape': (1, 99), }",
                                     floats(99))),
             {"b.npy: header", "dtype '>f4'"});
  expect_bad(read_error("i.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 99), }",
                                     floats(198))),
             {"i.npy: header", "'<i8'"});
}

TEST(PoseIoErrors, NpyInfiniteValueNamesFrame) {
  std::string data = floats(2 * 99);
  const float inf = INFINITY;
  std::memcpy(data.data() + (99 + 4) * 4, &inf, 4);
  expect_bad(read_error("inf.npy",
                        npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 99), }", data)),
             {"inf.npy: frame 1, landmark 1, value 1", "infinite"});
}

// ---- OpenPose -------------------------------------------------------------------------------

TEST(PoseIoErrors, OpenposeProblemsNameTheFrameFile) {
  TempDir tmp;
  const fs::path dir = tmp.path() / "op";
  fs::create_directory(dir);
  auto empty_dir = read_pose_file(dir);
  ASSERT_FALSE(empty_dir);
  expect_bad(empty_dir.error(), {"op", "no *_keypoints.json"});

  std::string coco18 = "[";
  for (int v = 0; v < 54; ++v) coco18 += (v ? "," : "") + std::string("1");
  std::ofstream(dir / "a_000000000000_keypoints.json") << R"({"people":[]})";
  std::ofstream(dir / "a_000000000001_keypoints.json")
      << R"({"people":[{"pose_keypoints_2d":)" + coco18 + "]}]}";
  auto r = read_pose_file(dir);
  ASSERT_FALSE(r);
  expect_bad(r.error(), {"op/a_000000000001_keypoints.json: people[0].pose_keypoints_2d",
                         "54 values, expected 75"});

  fs::remove(dir / "a_000000000001_keypoints.json");
  std::ofstream(dir / "a_000000000001_keypoints.json") << R"({"people":[{"pose_keypoints_2d":)";
  auto cut = read_pose_file(dir);
  ASSERT_FALSE(cut);
  expect_bad(cut.error(), {"op/a_000000000001_keypoints.json:1:", "invalid JSON"});

  expect_bad(read_error("c_keypoints.json",
                        R"({"people":[{"pose_keypoints_2d":[)" + std::string("1,1,2") +
                            std::string(",1,1,1").append("") + "]}]}",
                        {.format = PoseFormat::kOpenposeDir}),
             {"c_keypoints.json: people[0].pose_keypoints_2d", "6 values"});
  expect_bad(
      read_error("np_keypoints.json", R"({"version":1.3})", {.format = PoseFormat::kOpenposeDir}),
      {"np_keypoints.json", "missing \"people\""});
}

TEST(PoseIoErrors, DirectoryForAFileFormat) {
  TempDir tmp;
  auto r = read_pose_file(tmp.path(), {.format = PoseFormat::kNpy});
  ASSERT_FALSE(r);
  expect_bad(r.error(), {"directory", "npy"});
}

// ---- writing --------------------------------------------------------------------------------

TEST(PoseIoErrors, WritersRefuseWhatTheFormatCannotHold) {
  TempDir tmp;
  PoseSequence kinect = make_pose_sequence(kinect22(), 1, {.has_image = false, .has_world = true});
  for (std::size_t j = 0; j < 22; ++j) kinect.world_at(0, j) = {0, 1, 2};
  auto npy_out = write_pose_file(kinect, tmp.path() / "k.npy", PoseFormat::kNpy);
  ASSERT_FALSE(npy_out);
  expect_bad(npy_out.error(), {"k.npy", "cannot write npy", "BlazePose"});
  EXPECT_FALSE(fs::exists(tmp.path() / "k.npy"));

  PoseSequence image_only = make_pose_sequence(blazepose33(), 1);
  auto wide = write_pose_file(image_only, tmp.path() / "w.csv", PoseFormat::kWideCsv);
  ASSERT_FALSE(wide);
  expect_bad(wide.error(), {"w.csv", "cannot write wide-csv", "world"});

  PoseSequence pixels = make_pose_sequence(blazepose33(), 1);
  pixels.image_space.units = ImageUnits::kPixels;
  auto px = write_pose_file(pixels, tmp.path() / "p.json", PoseFormat::kMediapipeJson);
  ASSERT_FALSE(px);
  expect_bad(px.error(), {"p.json", "unknown image size"});

  auto op = write_pose_file(image_only, tmp.path() / "o.json", PoseFormat::kOpenposeDir);
  ASSERT_FALSE(op);
  expect_bad(op.error(), {"read-only"});

  auto missing_dir =
      write_pose_file(image_only, tmp.path() / "no" / "x.json", PoseFormat::kOpenptJson);
  ASSERT_FALSE(missing_dir);
  expect_bad(missing_dir.error(), {"x.json", "directory does not exist"}, ErrorKind::kNotFound);

  PoseSequence invalid = make_pose_sequence(blazepose33(), 2);  // equal timestamps
  auto inv = write_pose_file(invalid, tmp.path() / "i.json", PoseFormat::kOpenptJson);
  ASSERT_FALSE(inv);
  expect_bad(inv.error(), {"i.json", "frame 1"});
}

}  // namespace
}  // namespace openpt::motion
