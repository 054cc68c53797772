# A copied checkout grades itself: run from inside a copy of the example
# course (its root or a folder below), mathlings finds the copy's course.yaml,
# grades the copy's exercises and caches in the copy; run where no course is
# above, it falls back to the course it was built from and says so on
# standard error. Variables: MATHLINGS COURSE SOURCE WORK.
file(REMOVE_RECURSE ${WORK})
set(copy ${WORK}/copy)
file(MAKE_DIRECTORY ${copy})
foreach(part course.yaml include lessons exercises solutions specs)
  file(COPY ${COURSE}/${part} DESTINATION ${copy})
endforeach()
# The copy differs from the original: one of its exercises is solved.
file(COPY_FILE ${copy}/solutions/01-vector-norms/norms.cpp ${copy}/exercises/01-vector-norms/norms.cpp)

execute_process(COMMAND ${MATHLINGS} check 01-vector-norms/norms WORKING_DIRECTORY ${copy}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "norms" OR NOT out MATCHES "7/7")
  message(FATAL_ERROR "check in the copy did not grade the copy (exit ${status}):\n${out}${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "a course found says nothing on standard error:\n${err}")
endif()
if(NOT EXISTS ${copy}/.mathlings/cache OR NOT EXISTS ${copy}/.mathlings/state.yaml)
  message(FATAL_ERROR "the copy's cache and state belong in the copy's .mathlings/")
endif()

execute_process(COMMAND ${MATHLINGS} list WORKING_DIRECTORY ${copy}/exercises/01-vector-norms
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "norms +7/7 +passed" OR NOT err STREQUAL "")
  message(FATAL_ERROR "list from a folder of the copy did not show the copy (exit ${status}):\n${out}${err}")
endif()

# No course above: /tmp, not the build folder (which is inside the repository).
string(RANDOM LENGTH 8 suffix)
set(nowhere /tmp/mathlings-no-course-${suffix})
file(MAKE_DIRECTORY ${nowhere})
execute_process(COMMAND ${MATHLINGS} list WORKING_DIRECTORY ${nowhere}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${nowhere})
if(NOT status EQUAL 0 OR NOT err MATCHES "^mathlings: no course.yaml in ${nowhere} or above; using the course mathlings was built from, ${SOURCE} \\(--course DIR chooses another\\)\n$")
  message(FATAL_ERROR "outside any course, standard error must name the course used (exit ${status}):\n${err}")
endif()
