# Exports the Gradescope autograder and checks its contents: the two scripts
# Gradescope runs (executable), the grader's sources and the whole course.
# Then runs its run_autograder as Gradescope would, with /autograder moved
# into WORK and the mathlings under test standing in for the bundle's own
# build, on an upload whose files arrive flat (as drag-and-drop gives them).
# Variables: MATHLINGS CACHE WORK FIXTURES.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${MATHLINGS} --cache ${CACHE} export gradescope ${WORK}/autograder.zip
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed (${status}): ${out}${err}")
endif()
file(ARCHIVE_EXTRACT INPUT ${WORK}/autograder.zip DESTINATION ${WORK}/unpacked)
foreach(required setup.sh run_autograder CMakeLists.txt grader/src/app/main.cpp course/course.yaml
                 course/solutions/01-linear-algebra/elimination.cpp course/specs/04-statistics/codec.hpp)
  if(NOT EXISTS ${WORK}/unpacked/${required})
    message(FATAL_ERROR "the autograder lacks ${required}")
  endif()
endforeach()
foreach(script setup.sh run_autograder)
  execute_process(COMMAND test -x ${WORK}/unpacked/${script} RESULT_VARIABLE executable)
  if(NOT executable EQUAL 0)
    message(FATAL_ERROR "${script} is not executable in the zip")
  endif()
endforeach()
# Gradescope's default base image is Ubuntu 22.04, with CMake 3.22: the
# bundle may ask for no newer CMake, nor ship presets of a newer schema (3.22
# reads presets up to version 3), and it must configure as it is.
file(GLOB_RECURSE cmake_files ${WORK}/unpacked/*CMakeLists.txt ${WORK}/unpacked/*.cmake)
foreach(cmake_file IN LISTS cmake_files)
  file(STRINGS ${cmake_file} minimums REGEX "cmake_minimum_required")
  foreach(minimum IN LISTS minimums)
    string(REGEX MATCH "VERSION ([0-9.]+)" ignored "${minimum}")
    if(CMAKE_MATCH_1 VERSION_GREATER 3.22)
      message(FATAL_ERROR "${cmake_file} asks for CMake ${CMAKE_MATCH_1}; Ubuntu 22.04 has 3.22")
    endif()
  endforeach()
endforeach()
file(STRINGS ${WORK}/unpacked/CMakeLists.txt top_minimum REGEX "cmake_minimum_required")
if(NOT top_minimum STREQUAL "cmake_minimum_required(VERSION 3.22)")
  message(FATAL_ERROR "the bundle's CMakeLists.txt must state its minimum, 3.22: ${top_minimum}")
endif()
if(EXISTS ${WORK}/unpacked/CMakePresets.json)
  file(READ ${WORK}/unpacked/CMakePresets.json presets)
  string(JSON presets_version GET "${presets}" version)
  if(presets_version GREATER 3)
    message(FATAL_ERROR "CMakePresets.json version ${presets_version} needs a CMake newer than 3.22")
  endif()
endif()
file(READ ${WORK}/unpacked/setup.sh setup)
if(NOT setup MATCHES "libmd4c-dev libmd4c-html0-dev")
  message(FATAL_ERROR "setup.sh does not install md4c, which the grader links:\n${setup}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK}/unpacked -B ${WORK}/configured -G Ninja -DBUILD_TESTING=OFF
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the bundle does not configure (exit ${status}):\n${out}${err}")
endif()

file(READ ${WORK}/unpacked/run_autograder runner)
if(NOT runner MATCHES "grade /autograder/submission --find-files --format gradescope"
   OR NOT runner MATCHES "--output /autograder/results/results.json")
  message(FATAL_ERROR "run_autograder does not grade the submission into results.json:\n${runner}")
endif()

# Gradescope's run: source/ holds the bundle (its build replaced by a wrapper
# of the mathlings under test), submission/ the uploaded files.
set(autograder ${WORK}/autograder)
file(COPY ${WORK}/unpacked/ DESTINATION ${autograder}/source)
file(MAKE_DIRECTORY ${autograder}/source/build/grader ${autograder}/submission)
file(WRITE ${autograder}/source/build/grader/mathlings "#!/bin/sh\nexec '${MATHLINGS}' --cache '${CACHE}' \"$@\"\n")
execute_process(COMMAND chmod +x ${autograder}/source/build/grader/mathlings)
file(GLOB uploaded ${FIXTURES}/partly-wrong/01-linear-algebra/*.cpp)
file(COPY ${uploaded} DESTINATION ${autograder}/submission)
string(REPLACE "/autograder/" "${autograder}/" runner_here "${runner}")
file(WRITE ${WORK}/run_autograder_here "${runner_here}")
execute_process(COMMAND bash ${WORK}/run_autograder_here RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "run_autograder failed (${status}): ${out}${err}")
endif()
file(READ ${autograder}/results/results.json results)
string(JSON score GET "${results}" score)
string(JSON output GET "${results}" output)
string(JSON tests LENGTH "${results}" tests)
if(NOT score EQUAL 31 OR NOT output MATCHES "matched by name" OR tests LESS 90)
  message(FATAL_ERROR "run_autograder graded the flat upload as ${score} with ${tests} tests:\n${output}")
endif()
