// `openpt validate` input: two CSV files (reference standard and index test) read into paired
// columns, matched by row order or by an id column, with an optional subject column for
// repeated measures. The format is docs/formats.md "Paired measurements (openpt validate)".
//
// Errors name file:line and the column: a missing file or column, a cell that is not a number,
// a missing value (unless missing values are allowed: then NaN, counted per metric), an id that
// repeats or has no partner, subjects that disagree between the files, unequal row counts.
//
//   PairedInput in = {.reference_path = "A.csv", .test_path = "B.csv", .id_column = "rep"};
//   auto table = read_paired_csvs(in);                 // Result<PairedTable>
//   for (const PairedMetric& m : table->metrics) { /* m.reference[i] pairs m.test[i] */ }
#pragma once

#include <string>
#include <vector>

#include "openpt/core/error.h"

namespace openpt::cli {

struct PairedInput {
  std::string reference_path, test_path;
  std::string id_column;             // empty: pair rows by order
  std::string subject_column;        // empty: one pair per subject
  std::vector<std::string> metrics;  // empty: every column the files share (but id, subject)
  bool allow_missing = false;        // empty / nan cells: NaN (true) or an error (false)
};

struct PairedMetric {
  std::string name;
  std::vector<double> reference, test;  // pair i in both, NaN for a missing value
  int missing_reference = 0, missing_test = 0, missing_both = 0;  // pairs with a NaN
};

struct PairedTable {
  std::string reference_name, test_name;  // as shown in messages and reports
  int reference_rows = 0, test_rows = 0;  // data rows read from each file
  std::string pairing;                    // "row order" or "id column 'rep'"
  std::string id_column, subject_column;  // as given (empty when not used)
  std::vector<std::string> ids;           // per pair (empty when paired by order)
  std::vector<std::string> subjects;      // per pair (empty without a subject column)
  int subject_count = 0;
  std::vector<PairedMetric> metrics;
};

Result<PairedTable> read_paired_csvs(const PairedInput& input);

}  // namespace openpt::cli
