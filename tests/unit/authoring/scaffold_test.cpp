#include "authoring/scaffold.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"

namespace mathlings {
namespace {

TEST(Scaffold, AddsToAFlowListInPlace) {
  const std::string manifest =
      "title: t  # the course\nlessons:\n  - id: 01-a\n    exercises: [x, y]  # keep me\n  - id: 02-b\n    "
      "exercises: []\n";
  EXPECT_EQ(add_to_manifest(manifest, "01-a", "z"),
            "title: t  # the course\nlessons:\n  - id: 01-a\n    exercises: [x, y, z]  # keep me\n  - id: 02-b\n    "
            "exercises: []\n");
  EXPECT_EQ(add_to_manifest(manifest, "02-b", "w"),
            "title: t  # the course\nlessons:\n  - id: 01-a\n    exercises: [x, y]  # keep me\n  - id: 02-b\n    "
            "exercises: [w]\n");
}

TEST(Scaffold, AddsToABlockListWithItsIndentation) {
  const std::string manifest =
      "lessons:\n  - id: 01-a\n    exercises:\n      - x\n      - y\n  - id: 02-b\n    exercises: [q]\n";
  EXPECT_EQ(
      add_to_manifest(manifest, "01-a", "z"),
      "lessons:\n  - id: 01-a\n    exercises:\n      - x\n      - y\n      - z\n  - id: 02-b\n    exercises: [q]\n");
}

TEST(Scaffold, AnUnknownLessonIsAUsageError) {
  EXPECT_THROW(add_to_manifest("lessons:\n  - id: 01-a\n    exercises: []\n", "09-z", "x"), UsageError);
}

}  // namespace
}  // namespace mathlings
