#include "report/feedback_page.hpp"

#include <md4c-html.h>

#include "base/errors.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

std::string feedback_html(const std::string& markdown) {
  std::string html;
  const auto append = [](const MD_CHAR* text, MD_SIZE size, void* into) {
    static_cast<std::string*>(into)->append(text, size);
  };
  // Raw HTML in the feedback is text: a student's program prints what it likes.
  if (md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html, MD_FLAG_NOHTML, 0) != 0) {
    throw GraderError("md4c could not render a student's feedback");
  }
  return html;
}

}  // namespace

std::string feedback_page(const std::string& course_title, const std::string& student, const std::string& markdown) {
  // The policy forbids scripts and anything loaded: should a link or markup
  // ever slip through the Markdown, it can neither run nor call out.
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<title>Feedback for " +
         xml_escape(student) + " — " + xml_escape(course_title) +
         "</title>\n<style>body { font-family: sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em; "
         "line-height: 1.5 } pre { background: #f4f5f7; padding: 0.6em; overflow-x: auto } blockquote { "
         "border-left: 4px solid #d68910; margin-left: 0; padding-left: 1em }</style>\n</head>\n<body>\n<main>\n" +
         feedback_html(markdown) + "</main>\n</body>\n</html>\n";
}

}  // namespace mathlings
