# Exports the Gradescope autograder and checks its contents: the two scripts
# Gradescope runs (executable), the grader's sources and the whole course.
# Variables: MATHLINGS CACHE WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} export gradescope ${WORK}/autograder.zip
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed (${status}): ${out}${err}")
endif()
file(ARCHIVE_EXTRACT INPUT ${WORK}/autograder.zip DESTINATION ${WORK}/unpacked)
foreach(required setup.sh run_autograder CMakeLists.txt grader/src/main.cpp course/course.yaml
                 course/solutions/01-linear-algebra/elimination.cpp course/specs/04-statistics/codec.hpp)
  if(NOT EXISTS ${WORK}/unpacked/${required})
    message(FATAL_ERROR "the autograder lacks ${required}")
  endif()
endforeach()
foreach(script setup.sh run_autograder)
  execute_process(COMMAND test -x ${WORK}/unpacked/${script} RESULT_VARIABLE executable)
  if(NOT executable EQUAL 0)
    message(FATAL_ERROR "${script} is not executable in the zip")
  endif()
endforeach()
file(READ ${WORK}/unpacked/run_autograder runner)
if(NOT runner MATCHES "grade /autograder/submission --format gradescope"
   OR NOT runner MATCHES "--output /autograder/results/results.json")
  message(FATAL_ERROR "run_autograder does not grade the submission into results.json:\n${runner}")
endif()
