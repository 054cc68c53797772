# Builds the lesson book and opens its pages in headless Chromium (Debian's
# chromium, installed by ./setup.sh): every page must finish its script
# (data-book="ready") with no error (data-errors="0", which counts script
# errors and assets that failed to load), have its formulas typeset by KaTeX
# (KaTeX elements present, no error, no raw $$ or <x-equation> left), its
# code highlighted and every figure drawn with data; the learner's statuses from the last check must be on
# the exercise table. Screenshots are kept in WORK/screenshots.
# Variables: MATHLINGS CACHE COURSE EXAMPLE WORK.
find_program(CHROMIUM NAMES chromium chromium-browser)
if(NOT CHROMIUM)
  message(STATUS "skipped: no chromium (./setup.sh installs it)")
  cmake_language(EXIT 77)
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/screenshots)

function(open_page file out_dom)
  get_filename_component(name ${file} NAME_WE)
  set(flags --headless=new --no-sandbox --disable-gpu --user-data-dir=${WORK}/profile --virtual-time-budget=10000)
  execute_process(COMMAND ${CHROMIUM} ${flags} --dump-dom file://${file}
                  OUTPUT_VARIABLE dom ERROR_QUIET RESULT_VARIABLE status TIMEOUT 120)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "chromium could not open ${file} (exit ${status})")
  endif()
  execute_process(COMMAND ${CHROMIUM} ${flags} --window-size=1100,1600 --screenshot=${WORK}/screenshots/${name}.png
                          file://${file} OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
  set(${out_dom} "${dom}" PARENT_SCOPE)
endfunction()

function(expect dom pattern what)
  if(NOT dom MATCHES "${pattern}")
    message(FATAL_ERROR "${what}")
  endif()
endfunction()
function(refuse dom pattern what)
  if(dom MATCHES "${pattern}")
    message(FATAL_ERROR "${what}")
  endif()
endfunction()

# The course's book: every lesson page.
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} book --output ${WORK}/book RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "mathlings book failed (exit ${status})")
endif()
file(GLOB pages ${WORK}/book/*.html)
list(LENGTH pages count)
if(count LESS 5)
  message(FATAL_ERROR "the book has only ${count} pages")
endif()
set(typeset 0)
set(drawn 0)
foreach(page IN LISTS pages)
  get_filename_component(name ${page} NAME)
  open_page(${page} dom)
  expect("${dom}" "data-book=\"ready\"" "${name}: the page's script did not finish")
  expect("${dom}" "data-errors=\"0\"" "${name}: a script error or an asset that did not load")
  refuse("${dom}" "katex-error" "${name}: KaTeX could not typeset a formula")
  refuse("${dom}" "<x-equation" "${name}: a formula was left untypeset")
  refuse("${dom}" "\\$\\$" "${name}: raw $$ left in the page")
  if(NOT name STREQUAL "index.html")
    expect("${dom}" "class=\"hljs" "${name}: code was not highlighted")
    expect("${dom}" "Your exercises" "${name}: no exercise table")
  endif()
  if(dom MATCHES "class=\"katex\"")
    math(EXPR typeset "${typeset} + 1")
  endif()
  # Every figure drawn, with data: data-points counts what Chart.js was given.
  string(REGEX MATCHALL "<figure class=\"chart\"[^>]*>" figures "${dom}")
  foreach(figure IN LISTS figures)
    if(NOT figure MATCHES "data-points=\"[1-9][0-9]*\"")
      message(FATAL_ERROR "${name}: a figure has no data: ${figure}")
    endif()
    math(EXPR drawn "${drawn} + 1")
  endforeach()
endforeach()
if(drawn LESS 5)
  message(FATAL_ERROR "only ${drawn} figures were drawn; the lessons have at least five")
endif()
if(typeset LESS 3)
  message(FATAL_ERROR "only ${typeset} pages have typeset formulas; lessons 01–03 have display formulas")
endif()

# The learner's statuses: a copy of the example course with norms checked.
file(MAKE_DIRECTORY ${WORK}/course)
foreach(part course.yaml include lessons exercises solutions specs)
  file(COPY ${EXAMPLE}/${part} DESTINATION ${WORK}/course)
endforeach()
file(COPY_FILE ${EXAMPLE}/solutions/01-vector-norms/norms.cpp ${WORK}/course/exercises/01-vector-norms/norms.cpp)
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/course --cache ${CACHE} check OUTPUT_QUIET)
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/course --cache ${CACHE} book RESULT_VARIABLE status)
open_page(${WORK}/course/.mathlings/book/01-vector-norms.html dom)
expect("${dom}" "exercise-norms\"><td><code>01-vector-norms/norms</code></td><td class=\"status-passed\">passed</td><td>7 / 7</td>"
       "the book does not show norms as passed with 7 of 7 points")
expect("${dom}" "exercise-normalize\"><td><code>01-vector-norms/normalize</code></td><td class=\"status-not_attempted\">not attempted<"
       "the book does not show normalize as not attempted")
message(STATUS "${count} pages checked; screenshots in ${WORK}/screenshots")

# The learner's own numbers, drawn over the reference's: the classic-mistakes
# fixture's sequential_bayes treats a miss as a hit. The book's "yours"
# series must be exactly what the grader reports as its answers for the same
# call (the test "evidence for and against", case 2).
file(MAKE_DIRECTORY ${WORK}/mistakes)
foreach(part course.yaml include lessons exercises solutions specs)
  file(COPY ${COURSE}/${part} DESTINATION ${WORK}/mistakes)
endforeach()
file(COPY_FILE ${COURSE}/tests/fixtures/submissions/classic-mistakes/03-probability/sequential_bayes.cpp
     ${WORK}/mistakes/exercises/03-probability/sequential_bayes.cpp)
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/mistakes --cache ${CACHE} book RESULT_VARIABLE status
                OUTPUT_QUIET)
open_page(${WORK}/mistakes/.mathlings/book/03-probability.html dom)
expect("${dom}" "data-errors=\"0\"" "the learner's book has errors")
expect("${dom}" "data-yours=\"[1-9]" "the learner's own numbers were not drawn")
string(REGEX MATCH "\"label\": \"yours: a rare A[^\"]*\", \"style\": \"line\", \"yours\": true, \"points\": \\[(\\[[^]]*\\](, )?)*\\]"
       series "${dom}")
string(REGEX MATCHALL "\\[[0-9]+, ([^]]*)\\]" pairs "${series}")
set(drawn_values "")
foreach(pair IN LISTS pairs)
  string(REGEX REPLACE "\\[[0-9]+, ([^]]*)\\]" "\\1" value "${pair}")
  list(APPEND drawn_values "${value}")
endforeach()
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/mistakes --cache ${CACHE} grade ${WORK}/mistakes/exercises
                        --format json OUTPUT_VARIABLE result)
string(REGEX MATCH "sequential_bayes\\(0.01, \\[false, false, true\\], 0.9, 0.05\\)[^\"]*actual: +\\[([^]]*)\\]" graded
       "${result}")
string(REPLACE ", " ";" graded_values "${CMAKE_MATCH_1}")
if(drawn_values STREQUAL "" OR NOT drawn_values STREQUAL graded_values)
  message(FATAL_ERROR "the book drew the learner's beliefs as [${drawn_values}], the grader got [${graded_values}]")
endif()
message(STATUS "the learner's figure agrees with the grader: ${drawn_values}")

# The class report: batch on the fixture class, then the page in the browser.
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} batch ${COURSE}/tests/fixtures/class --output ${WORK}/class
                OUTPUT_QUIET ERROR_QUIET)
open_page(${WORK}/class/report.html dom)
expect("${dom}" "data-report=\"ready\"" "report.html: the script did not finish")
expect("${dom}" "data-errors=\"0\"" "report.html: a script error or an asset that did not load")
expect("${dom}" "id=\"scores\"[^>]*data-points=\"8\"" "report.html: the score chart does not count the 8 graded students")
expect("${dom}" "id=\"exercises\"[^>]*data-points=\"29\"" "report.html: the exercise chart does not show 29 exercises")
expect("${dom}" "forgets-swap-sign" "report.html: the known mistakes of the class are not listed")
expect("${dom}" "href=\"feedback/alice.html\"" "report.html: no link to a student's feedback page")
expect("${dom}" "matched by name and graded" "report.html: a student's note on where their files were found is missing")
expect("${dom}" "<th data-sort=\"number\" [^>]*title=\"sort by score\"" "report.html: the students table is not sortable")
expect("${dom}" "id=\"items\"" "report.html: no item analysis")
# Sorted by score, lowest first: bob (0) comes before alice (164 of 278), whom the names put first.
open_page("${WORK}/class/report.html#sort=score" sorted)
expect("${sorted}" "data-value=\"bob\".*data-value=\"alice\"" "report.html#sort=score: the students are not sorted by score")
