#include "authoring/lesson_examples.hpp"

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

TEST(LessonExamples, AnchorsAreMadeAsMarkdownRenderersMakeThem) {
  EXPECT_EQ(heading_anchor("Bayes' theorem"), "bayes-theorem");
  EXPECT_EQ(heading_anchor("Distributions: the language of uncertainty"), "distributions-the-language-of-uncertainty");
  EXPECT_EQ(heading_anchor("The z-test"), "the-z-test");
  EXPECT_EQ(heading_anchor("Logistic regression, fitted the same way"), "logistic-regression-fitted-the-same-way");
}

}  // namespace
}  // namespace mathlings
