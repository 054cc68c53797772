# Runs mathlings with ARGS (a ;-list) and checks the exit status and that
# standard error matches STDERR_REGEX (and, if given, standard output each of
# STDOUT_REGEXES, a list).
execute_process(
  COMMAND ${MATHLINGS} --cache ${CACHE} ${ARGS}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE exit_code)
if(NOT exit_code EQUAL EXPECTED_EXIT)
  message(FATAL_ERROR "exit status ${exit_code}, expected ${EXPECTED_EXIT}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT STDERR_REGEX STREQUAL "" AND NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "standard error does not match '${STDERR_REGEX}':\n${err}")
endif()
foreach(pattern IN LISTS STDOUT_REGEXES)  # optional: each must match standard output
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "standard output does not match '${pattern}':\n${out}")
  endif()
endforeach()
