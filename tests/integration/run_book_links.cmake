# The book's in-page links land: every href="#…" of every page names an id of
# that page (the lessons' links to their sections, the exercise tables'
# "where the lesson explains it"). And statuses read as words ("not
# attempted"), not as the JSON's identifiers. No browser needed.
# Variables: MATHLINGS CACHE EXAMPLE WORK.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} book --output ${WORK}/book
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "mathlings book failed (exit ${status}):\n${out}${err}")
endif()
file(GLOB pages ${WORK}/book/*.html)
set(checked 0)
foreach(page IN LISTS pages)
  get_filename_component(name ${page} NAME)
  file(READ ${page} html)
  string(REGEX MATCHALL "id=\"[^\"]+\"" ids "${html}")
  string(REGEX MATCHALL "href=\"#[^\"]+\"" links "${html}")
  foreach(link IN LISTS links)
    string(REGEX REPLACE "href=\"#([^\"]+)\"" "id=\"\\1\"" wanted "${link}")
    list(FIND ids "${wanted}" found)
    if(found EQUAL -1)
      message(FATAL_ERROR "${name}: ${link} leads nowhere: no element has ${wanted}")
    endif()
    math(EXPR checked "${checked} + 1")
  endforeach()
endforeach()
if(checked LESS 20)
  message(FATAL_ERROR "only ${checked} in-page links found; the lessons have more")
endif()
message(STATUS "${checked} in-page links resolve")

# Statuses: a copy of the example course, checked once (its stubs: not attempted).
file(MAKE_DIRECTORY ${WORK}/course)
foreach(part course.yaml include lessons exercises solutions specs)
  file(COPY ${EXAMPLE}/${part} DESTINATION ${WORK}/course)
endforeach()
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/course --cache ${CACHE} check OUTPUT_QUIET)
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/course --cache ${CACHE} book OUTPUT_QUIET
                RESULT_VARIABLE status)
file(READ ${WORK}/course/.mathlings/book/01-vector-norms.html html)
if(NOT html MATCHES "class=\"status-not_attempted\">not attempted</td>" OR html MATCHES ">not_attempted<")
  message(FATAL_ERROR "the book does not say \"not attempted\" in words:\n${html}")
endif()
execute_process(COMMAND ${MATHLINGS} --course ${WORK}/course --cache ${CACHE} lesson 01-vector-norms
                OUTPUT_VARIABLE lesson)
if(NOT lesson MATCHES "norms \\(not attempted\\)" OR lesson MATCHES "not_attempted")
  message(FATAL_ERROR "lesson does not say \"not attempted\" in words:\n${lesson}")
endif()
