# Exports the shipped course as a student pack and grades, inside it, from
# its shipped data alone: the reference solutions of every lesson (copied in
# from the all-correct fixture) get full marks, including the statistical
# checks of lesson 05, and a known mistake is named there as in the course.
# Variables: MATHLINGS CACHE FIXTURES WORK.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} export student ${WORK}/pack
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed (${status}): ${out}${err}")
endif()
function(run expected_status pattern)
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} --course ${WORK}/pack ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL expected_status OR NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "mathlings ${ARGN} in the pack: exit ${status}, expected ${expected_status}\n${out}${err}")
  endif()
endfunction()
file(COPY ${FIXTURES}/all-correct/ DESTINATION ${WORK}/pack/exercises)
run(0 "Score: 278/278 — 29 of 29 exercises passed" check)
file(COPY_FILE ${FIXTURES}/intuition-mistakes/05-p-values/permutation_test.cpp
     ${WORK}/pack/exercises/05-p-values/permutation_test.cpp)
run(1 "This looks like a known mistake: The observed arrangement" check 05-p-values/permutation_test)
