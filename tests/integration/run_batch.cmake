# Batch tests on the fixture class. MODE:
#   golden  — gradebook.csv, gradebook.json and every feedback file equal the
#             reviewed ones in EXPECTED (MATHLINGS_UPDATE_GOLDEN=1 rewrites them);
#             gradebook.json and every results/<student>.json that holds a
#             result are valid against GRADEBOOK_SCHEMA and RESULT_SCHEMA
#             (validate_json.py);
#   resume  — a second run grades nobody again; after one student's file
#             changes, only that student is graded again;
#   shards  — two shards merged give the same gradebook as one batch; one
#             alone is refused, or with --partial written with its gap marked;
#   roster  — with --roster, a "missing" row for whoever handed in nothing,
#             and the hand-ins on no roster named;
#   hostile — students named like spreadsheet formulas, with # and %, as
#             folders and as GitHub Classroom roster ids: every CSV written
#             reads back (Python's csv module) with no formula cell, and the
#             report links each to their feedback page.
# Variables: MATHLINGS CACHE CLASS EXPECTED WORK MODE, PYTHON for golden and
# hostile, RESULT_SCHEMA and GRADEBOOK_SCHEMA for golden.
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
  if(NOT PYTHON)
    message(FATAL_ERROR "python3 was not found, so the gradebook and results cannot be checked against their "
                        "schemas: install python3 and python3-jsonschema (setup.sh does)")
  endif()
  # A student without a result (unreadable, grader_error) has the placeholder
  # of docs/result-format.md instead.
  file(GLOB written ${WORK}/out/results/*.json)
  set(results)
  foreach(result IN LISTS written)
    file(READ ${result} content)
    if(NOT content STREQUAL "{ \"schema\": \"mathlings.failure/1\" }\n")
      list(APPEND results ${result})
    endif()
  endforeach()
  foreach(check "${GRADEBOOK_SCHEMA};${WORK}/out/gradebook.json" "${RESULT_SCHEMA};${results}")
    execute_process(COMMAND ${PYTHON} ${CMAKE_CURRENT_LIST_DIR}/validate_json.py ${check}
                    OUTPUT_VARIABLE report ERROR_VARIABLE report RESULT_VARIABLE valid)
    if(NOT valid EQUAL 0)
      message(FATAL_ERROR "not valid against its schema:\n${report}")
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
  # One half alone is refused (exit 3, nothing written), or written with --partial, the gap marked.
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} merge ${WORK}/one --output ${WORK}/half
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT status EQUAL 3 OR NOT err MATCHES "shard 2 of 2: no output" OR EXISTS ${WORK}/half)
    message(FATAL_ERROR "merge of one half exited ${status}:\n${out}\n${err}")
  endif()
  execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} merge ${WORK}/one --output ${WORK}/half --partial
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT status EQUAL 2 OR NOT out MATCHES "12 students merged.*Partial: shard 2 of 2 no output")
    message(FATAL_ERROR "merge --partial of one half exited ${status}:\n${out}\n${err}")
  endif()
  file(STRINGS ${WORK}/half/gradebook.csv gap REGEX ",not_graded,")
  if(gap STREQUAL "")
    message(FATAL_ERROR "merge --partial marked no student not_graded")
  endif()
elseif(MODE STREQUAL "roster")
  file(WRITE ${WORK}/roster.csv "username,name\nalice,Alice\nbob,Bob\nzoe,Zoe (nothing handed in)\n")
  batch(${WORK}/out "13 students: 8 graded.*\n1 on the roster handed in nothing: zoe .*\n10 hand-ins are on no roster[^:]*: carol, dave,"
        ${CLASS} --roster ${WORK}/roster.csv)
  file(STRINGS ${WORK}/out/gradebook.csv zoe REGEX "^zoe,")
  if(NOT zoe MATCHES "^zoe,Zoe \\(nothing handed in\\),,missing,0,278,")
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
elseif(MODE STREQUAL "hostile")
  set(hostile "=HYPERLINK(\"http:x\",\"click\")" "+cmd" "@SUM(A1)" "-2+3" "C#dev")
  foreach(name IN LISTS hostile)
    file(COPY ${CLASS}/bob/01-linear-algebra DESTINATION "${WORK}/class/${name}")
  endforeach()
  # As `gh classroom clone` names a repository: the assignment's prefix, then the username.
  file(COPY ${CLASS}/bob/01-linear-algebra DESTINATION "${WORK}/class/hw1-100%")
  file(WRITE "${WORK}/class/=bad.zip" "not a zip")  # unreadable: its row says so
  function(check_csv)
    execute_process(COMMAND ${PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_csv.py ${ARGN}
                    RESULT_VARIABLE status ERROR_VARIABLE problems)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "a CSV the grader wrote fails:\n${problems}")
    endif()
  endfunction()
  function(expect file text)
    file(READ "${file}" content)
    string(FIND "${content}" "${text}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${file} lacks ${text}")
    endif()
  endfunction()

  batch(${WORK}/folders "7 students" ${WORK}/class)
  set(students ${hostile} "hw1-100%" "=bad")
  list(TRANSFORM students PREPEND "--student=")
  check_csv(${WORK}/folders/gradebook.csv ${students})

  file(WRITE ${WORK}/roster.csv "\"identifier\",\"github_username\",\"github_id\",\"name\"\n")
  set(k 0)
  foreach(id IN LISTS hostile ITEMS "100%" "=1+1")
    math(EXPR k "${k} + 1")
    string(REPLACE "\"" "\"\"" quoted "${id}")
    file(APPEND ${WORK}/roster.csv "\"s${k}@example.org\",\"${quoted}\",\"${k}\",\"=cmd|' /C calc'!A${k}\"\n")
  endforeach()
  batch(${WORK}/roster "8 students: 6 graded.*\n1 on the roster handed in nothing: =1\\+1 .*\n1 hand-ins are on no roster[^:]*: =bad"
        ${WORK}/class --roster ${WORK}/roster.csv)
  set(students ${hostile} "100%" "=1+1" "=bad")
  list(TRANSFORM students PREPEND "--student=")
  check_csv(${WORK}/roster/gradebook.csv ${students})
  expect(${WORK}/roster/report.html "href=\"feedback/C%23dev.html\"")
  expect(${WORK}/roster/report.html "href=\"feedback/100%25.html\"")
  expect(${WORK}/roster/report.html "href=\"feedback/%3DHYPERLINK%28%22http%3Ax%22%2C%22click%22%29.html\"")
  expect("${WORK}/roster/feedback/C#dev.html" "<h1>Feedback for C#dev</h1>")
  expect("${WORK}/roster/feedback/100%.html" "Score: 0 / 278")
  file(READ "${WORK}/roster/feedback/=HYPERLINK(\"http:x\",\"click\").html" page)
  if(page MATCHES "<a ")
    message(FATAL_ERROR "a student's name became a link in their feedback page:\n${page}")
  endif()
else()
  message(FATAL_ERROR "unknown MODE ${MODE}")
endif()
