# Exports the example course as a student pack and proves what it promises:
# no solution code, no hidden test, and a `check` that works inside it.
# Variables: MATHLINGS CACHE COURSE WORK.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} --course ${COURSE} export student ${WORK}/pack
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed (${status}): ${out}${err}")
endif()
if(EXISTS ${WORK}/pack/solutions)
  message(FATAL_ERROR "the pack has a solutions/ folder")
endif()
# Words that only the solutions and the hidden test contain.
set(secrets "wrong on purpose" "BEGIN SOLUTION" "stableNorm" "scale * std::sqrt" "a vector of huge entries" "hidden: true")
# The course content, that is; grader/ is mathlings' own source, which names
# the markers it strips.
file(GLOB_RECURSE files ${WORK}/pack/*)
list(FILTER files EXCLUDE REGEX "/pack/grader/")
list(LENGTH files count)
if(count LESS 10)
  message(FATAL_ERROR "the pack has only ${count} files")
endif()
foreach(file IN LISTS files)
  file(READ ${file} content)
  foreach(secret IN LISTS secrets)
    string(FIND "${content}" "${secret}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${file} contains '${secret}'")
    endif()
  endforeach()
endforeach()

function(run expected_status pattern)
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} --course ${WORK}/pack ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL expected_status OR NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "mathlings ${ARGN} in the pack: exit ${status}, expected ${expected_status}\n${out}${err}")
  endif()
endfunction()
run(1 "0 of 2 exercises passed" check)                       # the stubs, graded from shipped data
# COPY_FILE, not file(COPY): that one skips a file whose time stamp equals the
# destination's, as two files of a fresh clone's often do.
foreach(name norms normalize)
  file(COPY_FILE ${COURSE}/solutions/01-vector-norms/${name}.cpp ${WORK}/pack/exercises/01-vector-norms/${name}.cpp)
endforeach()
run(0 "Score: 10/10 — 2 of 2 exercises passed" check)        # the hidden test left out: 10 points, not 11
run(2 "needs the course's reference solutions" verify)
# Known mistakes are named from shipped data too (the variants' code stays home).
file(COPY_FILE ${COURSE}/../fixtures/submissions/example-naive-norms/01-vector-norms/norms.cpp
     ${WORK}/pack/exercises/01-vector-norms/norms.cpp)
run(1 "This looks like a known mistake: Squaring a huge entry overflows" check)
# reset restores the stub as shipped (the pack has no solutions to make it from).
run(0 "Your version is kept in .mathlings/backups/01-vector-norms/norms-" reset 01-vector-norms/norms)
file(READ ${WORK}/pack/exercises/01-vector-norms/norms.cpp restored)
file(READ ${COURSE}/exercises/01-vector-norms/norms.cpp stub)
if(NOT restored STREQUAL stub)
  message(FATAL_ERROR "reset in the pack did not restore the shipped stub")
endif()
