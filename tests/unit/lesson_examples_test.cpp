#include "lesson_examples.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(LessonExamples, ExtractsExamplesAndTheOutputRightAfterThem) {
  const auto examples = extract_examples(R"(# Title
```cpp
not an example
```

```cpp example
int main() {}
```

```output
hello
```

```cpp example
int main() { return 0; }
```
Some prose.
```output
not this one: prose came between
```
)");
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].line, 6);
  EXPECT_EQ(examples[0].code, "int main() {}\n");
  EXPECT_TRUE(examples[0].has_expected_output);
  EXPECT_EQ(examples[0].expected_output, "hello\n");
  EXPECT_FALSE(examples[1].has_expected_output);
}

}  // namespace
}  // namespace mathlings
