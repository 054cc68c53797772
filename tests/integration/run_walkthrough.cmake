# Runs the ```sh walkthrough blocks of the authoring guide, in order, as one
# bash script, inside a fresh copy of the example course. A block ends at a
# fence exactly like its opening one (so a four-backtick block may hold
# three-backtick ones). A line "! command" must fail: under `set -e` bash would
# let a negated command pass either way, so it becomes an explicit check.
# Variables: MATHLINGS CACHE GUIDE EXAMPLE_COURSE WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY ${EXAMPLE_COURSE}/ DESTINATION ${WORK}/course)
file(WRITE ${WORK}/walkthrough.sh
  "set -euo pipefail\n"
  "mathlings() { \"${MATHLINGS}\" --cache \"${CACHE}\" \"$@\"; }\n"
  "cd \"${WORK}/course\"\n"
  "set -x\n")
set(extract [=[
/^````?sh walkthrough$/ && fence == "" { fence = $0; sub(/sh walkthrough$/, "", fence); blocks++; next }
fence != "" && $0 == fence { fence = ""; next }
fence != "" && /^! / { cmd = substr($0, 3); print "if " cmd "; then echo 'expected to fail: " cmd "' >&2; exit 1; fi"; next }
fence != "" { print }
END { if (fence != "") { print "unclosed walkthrough block" > "/dev/stderr"; exit 1 } if (blocks == 0) exit 1 }
]=])
execute_process(COMMAND awk "${extract}" ${GUIDE} OUTPUT_VARIABLE blocks RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "no complete walkthrough blocks in ${GUIDE}")
endif()
file(APPEND ${WORK}/walkthrough.sh "${blocks}")
execute_process(COMMAND bash ${WORK}/walkthrough.sh RESULT_VARIABLE status ERROR_VARIABLE trace)
message("${trace}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the walk-through in ${GUIDE} failed (exit ${status}); the script is ${WORK}/walkthrough.sh")
endif()
if(trace MATCHES "here-document")
  message(FATAL_ERROR "a here-document in the walk-through is not closed")
endif()
