# Batch tests on the fixture class. MODE:
#   golden  — gradebook.csv, gradebook.json and every feedback file equal the
#             reviewed ones in EXPECTED (MATHLINGS_UPDATE_GOLDEN=1 rewrites them);
#   resume  — a second run grades nobody again; after one student's file
#             changes, only that student is graded again;
#   shards  — two shards merged give the same gradebook as one batch;
#   roster  — with --roster, a "missing" row for whoever handed in nothing,
#             and the hand-ins on no roster named.
# Variables: MATHLINGS CACHE CLASS EXPECTED WORK MODE.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(batch output expected_summary)
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} --jobs 2 batch ${ARGN} --output ${output}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT status EQUAL 1)  # the class has unreadable submissions: exit 1
    message(FATAL_ERROR "batch exited ${status}\n${out}\n${err}")
  endif()
  if(NOT out MATCHES "${expected_summary}")
    message(FATAL_ERROR "batch said:\n${out}\nexpected it to match: ${expected_summary}")
  endif()
endfunction()

function(same_file a b)
  file(READ ${a} left)
  file(READ ${b} right)
  if(NOT left STREQUAL right)
    message(FATAL_ERROR "${a} differs from ${b}")
  endif()
endfunction()

if(MODE STREQUAL "golden")
  batch(${WORK}/out "12 students: 8 graded, 0 unchanged since the last run, 4 could not be graded.\n2 of them handed in files elsewhere" ${CLASS})
  file(GLOB feedback RELATIVE ${WORK}/out ${WORK}/out/feedback/*.md)
  foreach(name gradebook.csv gradebook.json ${feedback})
    if(DEFINED ENV{MATHLINGS_UPDATE_GOLDEN})
      configure_file(${WORK}/out/${name} ${EXPECTED}/${name} COPYONLY)
    else()
      same_file(${WORK}/out/${name} ${EXPECTED}/${name})
    endif()
  endforeach()
  file(GLOB expected_feedback ${EXPECTED}/feedback/*.md)
  list(LENGTH expected_feedback n)
  if(NOT n EQUAL 12)
    message(FATAL_ERROR "expected 12 feedback files, found ${n}")
  endif()
elseif(MODE STREQUAL "resume")
  file(COPY ${CLASS}/ DESTINATION ${WORK}/class)
  batch(${WORK}/out "12 students: 8 graded, 0 unchanged" ${WORK}/class)
  batch(${WORK}/out "12 students: 0 graded, 8 unchanged since the last run" ${WORK}/class)
  file(APPEND ${WORK}/class/bob/01-linear-algebra/determinant.cpp "// an edit\n")
  # heidi puts her files where they belong: the same files, found elsewhere, are graded again.
  file(MAKE_DIRECTORY ${WORK}/class/heidi/01-linear-algebra)
  file(RENAME ${WORK}/class/heidi/determinant.cpp ${WORK}/class/heidi/01-linear-algebra/determinant.cpp)
  file(RENAME ${WORK}/class/heidi/row_echelon.cpp ${WORK}/class/heidi/01-linear-algebra/row_echelon.cpp)
  batch(${WORK}/out "12 students: 2 graded, 6 unchanged since the last run" ${WORK}/class)
elseif(MODE STREQUAL "shards")
  batch(${WORK}/all "12 students" ${CLASS})
  batch(${WORK}/one "students" ${CLASS} --shard 1/2)
  batch(${WORK}/two "students" ${CLASS} --shard 2/2)
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} merge ${WORK}/one ${WORK}/two --output ${WORK}/merged
                  OUTPUT_VARIABLE out RESULT_VARIABLE status)
  if(NOT out MATCHES "12 students merged")
    message(FATAL_ERROR "merge said: ${out}")
  endif()
  same_file(${WORK}/all/gradebook.csv ${WORK}/merged/gradebook.csv)
  same_file(${WORK}/all/gradebook.json ${WORK}/merged/gradebook.json)
  same_file(${WORK}/all/feedback/carol.md ${WORK}/merged/feedback/carol.md)
  same_file(${WORK}/all/feedback/heidi.md ${WORK}/merged/feedback/heidi.md)
elseif(MODE STREQUAL "roster")
  file(WRITE ${WORK}/roster.csv "username,name\nalice,Alice\nbob,Bob\nzoe,Zoe (nothing handed in)\n")
  batch(${WORK}/out "13 students: 8 graded.*\n1 on the roster handed in nothing: zoe .*\n10 hand-ins are on no roster[^:]*: carol, dave,"
        ${CLASS} --roster ${WORK}/roster.csv)
  file(STRINGS ${WORK}/out/gradebook.csv zoe REGEX "^zoe,")
  if(NOT zoe MATCHES "^zoe,missing,0,164,")
    message(FATAL_ERROR "no missing row for zoe in the gradebook: ${zoe}")
  endif()
  file(READ ${WORK}/out/feedback/zoe.md feedback)
  if(NOT feedback MATCHES "No submission of yours was found")
    message(FATAL_ERROR "zoe's feedback: ${feedback}")
  endif()
  # Sharded with the same roster, each missing student lands in one shard only.
  batch(${WORK}/one "students" ${CLASS} --roster ${WORK}/roster.csv --shard 1/2)
  batch(${WORK}/two "students" ${CLASS} --roster ${WORK}/roster.csv --shard 2/2)
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} merge ${WORK}/one ${WORK}/two --output ${WORK}/merged
                  OUTPUT_QUIET RESULT_VARIABLE status)
  same_file(${WORK}/out/gradebook.csv ${WORK}/merged/gradebook.csv)
else()
  message(FATAL_ERROR "unknown MODE ${MODE}")
endif()
