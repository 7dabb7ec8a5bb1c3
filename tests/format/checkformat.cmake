# Fails when any C++ source of ours differs from what .clang-format asks (clang-format --dry-run --Werror).
# Fix with: tools/devroot run clang-format -i $(git ls-files '*.cpp' '*.h')
include(${CMAKE_CURRENT_LIST_DIR}/sources.cmake) # sets sources: every C++ file of ours
list(LENGTH sources count)
if(count EQUAL 0)
    message(FATAL_ERROR "no sources found under ${SOURCE_DIR}")
endif()
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE rc
    ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message("${err}")
    message(FATAL_ERROR "clang-format: sources need formatting (see above)")
endif()
message(STATUS "clang-format: ${count} files formatted correctly")
