# Drives `mathlings watch` through a pseudo-terminal (bench/pty_driver) on a
# copy of the example course, as a learner would: the screen shows the first
# exercise; a save of a wrong version turns the verdict to "partly right"
# with its known mistake named; h shows a hint; r the lesson; a save of a right version
# passes; watch waits for n before moving on; q leaves. Every line fits in
# 80 columns, and `list` afterwards agrees with what watch showed.
# Variables: MATHLINGS DRIVER COURSE FIXTURES WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/course)
foreach(part course.yaml include lessons exercises solutions specs)
  file(COPY ${COURSE}/${part} DESTINATION ${WORK}/course)
endforeach()
set(file ${WORK}/course/exercises/01-vector-norms/norms.cpp)
set(ENV{NO_COLOR} 1)
set(ENV{PAGER} cat)  # r shows the lesson through the pager
execute_process(
  COMMAND ${DRIVER} --timeout 120
    "expect=▶ 01-vector-norms/norms" "expect=check #1" "expect=not attempted"
    "copy=${FIXTURES}/submissions/example-naive-norms/01-vector-norms/norms.cpp:${file}"
    "expect=check #2" "expect=partly right" "expect=This looks like a known mistake"
    send=h "expect=Hint 1 of 2"
    send=n "expect=does not pass yet"
    "copy=${WORK}/course/solutions/01-vector-norms/norms.cpp:${file}"
    "expect=check #3" "expect=passes. Press n for the next exercise"
    send=n "expect=▶ 01-vector-norms/normalize" "expect=check #4"
    fits=80
    send=r "expect=How long is a vector" "expect=check #4"
    send=q "expect=Bye."
    -- ${MATHLINGS} --course ${WORK}/course --cache ${WORK}/cache watch
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "watch did not behave (exit ${status}):\n${out}${err}")
endif()
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/course --cache ${WORK}/cache list
                OUTPUT_VARIABLE list RESULT_VARIABLE status)
if(NOT list MATCHES "✓ norms +7/7 +passed" OR NOT list MATCHES "normalize +0/3 +not attempted")
  message(FATAL_ERROR "list does not show what watch graded:\n${list}")
endif()
# The polling fallback notices a save as well.
execute_process(
  COMMAND ${DRIVER} --timeout 120
    "expect=check #1"
    "copy=${WORK}/course/solutions/01-vector-norms/normalize.cpp:${WORK}/course/exercises/01-vector-norms/normalize.cpp"
    "expect=check #2" "expect=passes" send=q "expect=Bye."
    -- ${MATHLINGS} --course ${WORK}/course --cache ${WORK}/cache watch 01-vector-norms/normalize --poll
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "watch --poll did not notice the save (exit ${status}):\n${out}${err}")
endif()
# check in another terminal while watch is open: watch's next save must not
# write back the state it read at its start, and its screen shows check's verdict.
file(MAKE_DIRECTORY ${WORK}/shared)
foreach(part course.yaml include lessons exercises solutions specs)
  file(COPY ${COURSE}/${part} DESTINATION ${WORK}/shared)
endforeach()
set(mathlings_here ${MATHLINGS} --course ${WORK}/shared --cache ${WORK}/cache)
execute_process(
  COMMAND ${DRIVER} --timeout 120
    "expect=▶ 01-vector-norms/norms" "expect=check #1"
    "copy=${WORK}/shared/solutions/01-vector-norms/normalize.cpp:${WORK}/shared/exercises/01-vector-norms/normalize.cpp"
    "run=${MATHLINGS} --course ${WORK}/shared --cache ${WORK}/cache check 01-vector-norms/normalize >/dev/null"
    "copy=${FIXTURES}/submissions/example-naive-norms/01-vector-norms/norms.cpp:${WORK}/shared/exercises/01-vector-norms/norms.cpp"
    "expect=check #2" "expect=1/2 done" send=q "expect=Bye."
    -- ${mathlings_here} watch 01-vector-norms/norms
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "watch beside check did not behave (exit ${status}):\n${out}${err}")
endif()
execute_process(COMMAND ${mathlings_here} list OUTPUT_VARIABLE list RESULT_VARIABLE status)
if(NOT list MATCHES "normalize +3/3 +passed" OR NOT list MATCHES "norms +[0-9]+/7 +partly right")
  message(FATAL_ERROR "watch lost what check recorded meanwhile:\n${list}")
endif()
# A deleted exercise file: check, list and watch each say how to get the stub back.
file(REMOVE ${WORK}/shared/exercises/01-vector-norms/normalize.cpp)
set(advice "exercises/01-vector-norms/normalize.cpp is missing: run `mathlings reset 01-vector-norms/normalize` to get the stub back.")
foreach(command "check;01-vector-norms/normalize" list)
  execute_process(COMMAND ${mathlings_here} ${command} OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${out}" "${advice}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${command} does not point to reset for a deleted file:\n${out}${err}")
  endif()
endforeach()
execute_process(
  COMMAND ${DRIVER} --timeout 120 "expect=check #1" "expect=to get the stub back" send=q "expect=Bye."
    -- ${mathlings_here} watch 01-vector-norms/normalize
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "watch does not point to reset for a deleted file (exit ${status}):\n${out}${err}")
endif()
