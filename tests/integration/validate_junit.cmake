# Grades SUBMISSION to JUnit XML and validates it with xmllint against
# SCHEMA. Variables: MATHLINGS CACHE SUBMISSION SCHEMA OUTPUT.
find_program(XMLLINT xmllint REQUIRED)
execute_process(
  COMMAND ${MATHLINGS} --cache ${CACHE} grade ${SUBMISSION} --format junit --output ${OUTPUT}
  RESULT_VARIABLE status ERROR_VARIABLE diagnostics)
if(status GREATER 1)
  message(FATAL_ERROR "grading failed (exit ${status}): ${diagnostics}")
endif()
execute_process(COMMAND ${XMLLINT} --noout --schema ${SCHEMA} ${OUTPUT} RESULT_VARIABLE valid ERROR_VARIABLE report)
if(NOT valid EQUAL 0)
  message(FATAL_ERROR "${OUTPUT} is not valid against ${SCHEMA}:\n${report}")
endif()
