// The sandbox's plan, made in the parent: what a learner's program will see.
// (That the program is really held to it is tested by running hostile ones:
// tests/adversarial/ and the sandboxed runs of process_test.cpp.)
#include "exec/sandbox.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class SandboxPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!sandbox_available()) GTEST_SKIP() << "no sandbox on this machine: " << isolation_problem();
    fs::create_directories(scratch);
    fs::create_directories(root);
  }
  void TearDown() override {
    if (plan.executable_fd >= 0) close(plan.executable_fd);
    fs::remove_all(work);
  }

  const SandboxPlan::Bind* bound_at(const std::string& inside) const {
    const auto found = std::find_if(plan.binds.begin(), plan.binds.end(),
                                    [&](const SandboxPlan::Bind& b) { return b.to == plan.new_root + inside; });
    return found == plan.binds.end() ? nullptr : &*found;
  }

  fs::path work = fs::temp_directory_path() / ("mathlings-sandbox-test-" + unique_suffix());
  fs::path scratch = work / "scratch";
  fs::path root = work / "root";
  SandboxPlan plan;
};

TEST_F(SandboxPlanTest, TheSystemIsReadOnlyAndTheScratchFolderTheOnlyWritablePlace) {
  Isolation isolation;
  isolation.enabled = true;
  plan = prepare_sandbox(isolation, "/bin/true", scratch, root);
  ASSERT_TRUE(plan.enabled);
  EXPECT_EQ(plan.new_root, root.string());
  ASSERT_NE(bound_at("/usr"), nullptr);
  EXPECT_TRUE(bound_at("/usr")->read_only);
  const auto* tmp = bound_at("/tmp");
  ASSERT_NE(tmp, nullptr);
  EXPECT_EQ(tmp->from, scratch.string());
  EXPECT_FALSE(tmp->read_only);
  for (const auto& bind : plan.binds) {
    const bool writable_device = bind.from.rfind("/dev/", 0) == 0;
    if (&bind != tmp && !writable_device) {
      EXPECT_TRUE(bind.read_only) << bind.from << " would be writable";
    }
  }
  EXPECT_GE(plan.executable_fd, 4) << "the program is opened before anything is hidden, above the child's pipes";
}

TEST_F(SandboxPlanTest, NothingOfTheCourseOrTheGraderIsVisibleUnlessAsked) {
  Isolation isolation;
  isolation.enabled = true;
  plan = prepare_sandbox(isolation, "/bin/true", scratch, root);
  for (const auto& bind : plan.binds) {
    for (const char* hidden : {"/work", "/root", "/home", "/proc", "/etc/passwd", "/var"}) {
      EXPECT_NE(bind.from.rfind(hidden, 0), 0u) << bind.from << " is bound into the sandbox";
    }
  }
}

TEST_F(SandboxPlanTest, AViewIsBoundReadOnlyWhereAsked) {
  Isolation isolation;
  isolation.enabled = true;
  isolation.views.push_back({work, "/course"});
  plan = prepare_sandbox(isolation, "/bin/true", scratch, root);
  const auto* view = bound_at("/course");
  ASSERT_NE(view, nullptr);
  EXPECT_EQ(view->from, work.string());
  EXPECT_TRUE(view->read_only);
  EXPECT_TRUE(view->directory);
}

TEST_F(SandboxPlanTest, OnlyDevNullUnlessAProgramMayUseTheOtherDevices) {
  Isolation isolation;
  isolation.enabled = true;
  isolation.all_devices = false;
  plan = prepare_sandbox(isolation, "/bin/true", scratch, root);
  EXPECT_NE(bound_at("/dev/null"), nullptr);
  EXPECT_EQ(bound_at("/dev/zero"), nullptr);
  EXPECT_EQ(bound_at("/dev/urandom"), nullptr);
}

TEST(SandboxPlan, IsDisabledWhenNotAsked) {
  const SandboxPlan plan = prepare_sandbox(Isolation{}, "/bin/true", "/tmp", "/nonexistent");
  EXPECT_FALSE(plan.enabled);
  EXPECT_TRUE(plan.binds.empty());
  EXPECT_EQ(plan.executable_fd, -1);
}

}  // namespace
}  // namespace mathlings
