# Runs `mathlings grade SUBMISSION --format json` and compares the whole result
# with the golden file. Variables: MATHLINGS CACHE SUBMISSION EXPECTED ACTUAL
# EXPECTED_EXIT, and COURSE (optional: another course than the built-in one).
# FORMAT (optional, default json) picks the writer. SCHEMA and PYTHON (optional):
# the result must also be valid against SCHEMA (validate_json.py, beside this
# script), checked before it is compared or written as the new golden file.
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
if(DEFINED SCHEMA)
  if(NOT PYTHON)
    message(FATAL_ERROR "python3 was not found, so the result cannot be checked against ${SCHEMA}: "
                        "install python3 and python3-jsonschema (setup.sh does)")
  endif()
  file(WRITE ${ACTUAL} "${actual}")
  execute_process(
    COMMAND ${PYTHON} ${CMAKE_CURRENT_LIST_DIR}/validate_json.py ${SCHEMA} ${ACTUAL}
    OUTPUT_VARIABLE report ERROR_VARIABLE report RESULT_VARIABLE valid)
  if(NOT valid EQUAL 0)
    message(FATAL_ERROR "the result breaks ${SCHEMA}:\n${report}")
  endif()
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
