# Runs `mathlings grade SUBMISSION --format json` and compares the whole result
# with the golden file. Variables: MATHLINGS CACHE SUBMISSION EXPECTED ACTUAL
# EXPECTED_EXIT, and COURSE (optional: another course than the built-in one).
# FORMAT (optional, default json) picks the writer.
set(course_option)
if(DEFINED COURSE)
  set(course_option --course ${COURSE})
endif()
if(NOT DEFINED FORMAT)
  set(FORMAT json)
endif()
execute_process(
  COMMAND ${MATHLINGS} --cache ${CACHE} ${course_option} grade ${SUBMISSION} --format ${FORMAT}
  OUTPUT_VARIABLE actual ERROR_VARIABLE diagnostics RESULT_VARIABLE exit_code)
if(NOT exit_code EQUAL EXPECTED_EXIT)
  message(FATAL_ERROR "exit status ${exit_code}, expected ${EXPECTED_EXIT}\n${diagnostics}")
endif()
if(DEFINED ENV{MATHLINGS_UPDATE_GOLDEN})
  file(WRITE ${EXPECTED} "${actual}")
  message(STATUS "rewrote ${EXPECTED}")
  return()
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${ACTUAL} "${actual}")
  message(FATAL_ERROR "the result differs from the golden file\n  diff ${EXPECTED} ${ACTUAL}")
endif()
