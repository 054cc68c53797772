# Grades with `mathlings --cache CACHE ARGS --format json --output OUTPUT` and
# checks the result against SCHEMA with validate_json.py (beside this script),
# for results no golden file holds. Variables: MATHLINGS CACHE ARGS (a list)
# OUTPUT PYTHON SCHEMA.
if(NOT PYTHON)
  message(FATAL_ERROR "python3 was not found, so the result cannot be checked against ${SCHEMA}: "
                      "install python3 and python3-jsonschema (setup.sh does)")
endif()
file(REMOVE ${OUTPUT})
get_filename_component(output_dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${output_dir})
execute_process(
  COMMAND ${MATHLINGS} --cache ${CACHE} ${ARGS} --format json --output ${OUTPUT}
  RESULT_VARIABLE status ERROR_VARIABLE diagnostics)
if(NOT status MATCHES "^[01]$")
  message(FATAL_ERROR "grading failed (exit ${status}): ${diagnostics}")
endif()
execute_process(
  COMMAND ${PYTHON} ${CMAKE_CURRENT_LIST_DIR}/validate_json.py ${SCHEMA} ${OUTPUT}
  OUTPUT_VARIABLE report ERROR_VARIABLE report RESULT_VARIABLE valid)
if(NOT valid EQUAL 0)
  message(FATAL_ERROR "the result breaks ${SCHEMA}:\n${report}")
endif()
message(STATUS "${report}")
