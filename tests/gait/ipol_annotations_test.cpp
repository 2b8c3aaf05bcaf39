// The IPOL annotation reader (ipol_annotations.h): Python's NaN becomes null (not inside
// strings), samples become seconds, footsteps keep their order, and malformed files are
// errors naming the file and the field.
#include "openpt/gait/ipol_annotations.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace openpt::gait {
namespace {

using openpt::testing::TempDir;

TEST(IpolAnnotations, PythonNaNBecomesNullOutsideStrings) {
  EXPECT_EQ(python_json_to_strict(R"({"w": NaN, "x": [Infinity, -Infinity], "s": "NaN"})"),
            R"({"w": null, "x": [null, null], "s": "NaN"})");
  EXPECT_EQ(python_json_to_strict(R"({"s": "a \"NaN\" b"})"), R"({"s": "a \"NaN\" b"})");
}

TEST(IpolAnnotations, ReadsATrial) {
  TempDir tmp;
  const auto path = tmp.write("1-1.json", R"({"Subject": 1, "Weight": NaN,
    "TrialBoundaries": [459, 2464], "UTurnBoundaries": [1316, 1474],
    "LeftFootEvents": [[527, 574], [641, 687]],
    "RightFootEvents": [[459, 507]]})");
  auto a = read_ipol_annotations(path);
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_DOUBLE_EQ(a->trial_start_s, 4.59);
  EXPECT_DOUBLE_EQ(a->trial_end_s, 24.64);
  ASSERT_TRUE(a->uturn_start_s && a->uturn_end_s);
  EXPECT_DOUBLE_EQ(*a->uturn_start_s, 13.16);
  EXPECT_DOUBLE_EQ(*a->uturn_end_s, 14.74);
  ASSERT_EQ(a->left_steps.size(), 2u);
  EXPECT_DOUBLE_EQ(a->left_steps[1].final_contact_s, 6.41);
  EXPECT_DOUBLE_EQ(a->left_steps[1].initial_contact_s, 6.87);
  ASSERT_EQ(a->right_steps.size(), 1u);
  EXPECT_TRUE(a->in_trial(4.59));
  EXPECT_FALSE(a->in_trial(4.58));
  EXPECT_TRUE(a->in_trial(4.50, 0.1));
  auto at_50 = read_ipol_annotations(path, 50);
  ASSERT_TRUE(at_50);
  EXPECT_DOUBLE_EQ(at_50->trial_start_s, 9.18);
}

TEST(IpolAnnotations, UTurnIsOptional) {
  TempDir tmp;
  auto a = read_ipol_annotations(tmp.write("t.json", R"({"TrialBoundaries": [0, 100],
    "UTurnBoundaries": NaN, "LeftFootEvents": [], "RightFootEvents": []})"));
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_FALSE(a->uturn_start_s);
}

TEST(IpolAnnotations, BadFilesNameTheFileAndField) {
  TempDir tmp;
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"{not json", "not a JSON object"},
      {R"({"LeftFootEvents": [], "RightFootEvents": []})", "TrialBoundaries"},
      {R"({"TrialBoundaries": [10, 5], "LeftFootEvents": [], "RightFootEvents": []})",
       "TrialBoundaries: [10, 5] is not a span"},
      {R"({"TrialBoundaries": [0, 9], "RightFootEvents": []})", "LeftFootEvents"},
      {R"({"TrialBoundaries": [0, 9], "LeftFootEvents": [[1, 2], [3]], "RightFootEvents": []})",
       "LeftFootEvents[1]"},
      {R"({"TrialBoundaries": [0, 9], "LeftFootEvents": [], "RightFootEvents": [[1, "a"]]})",
       "RightFootEvents[0]"},
  };
  for (const auto& c : cases) {
    auto a = read_ipol_annotations(tmp.write("bad.json", c.text));
    ASSERT_FALSE(a) << c.text;
    EXPECT_EQ(a.error().kind, ErrorKind::kBadInput);
    EXPECT_NE(a.error().to_string().find("bad.json"), std::string::npos) << a.error().to_string();
    EXPECT_NE(a.error().to_string().find(c.expected), std::string::npos) << a.error().to_string();
  }
  auto missing = read_ipol_annotations(tmp.path() / "none.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace openpt::gait
