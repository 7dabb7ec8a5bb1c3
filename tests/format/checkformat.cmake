# Fails when any C++ source of ours differs from what .clang-format asks (clang-format --dry-run --Werror).
# Fix with: tools/devroot run clang-format -i $(git ls-files '*.cpp' '*.h')
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/proto/*.cpp ${SOURCE_DIR}/proto/*.h
    ${SOURCE_DIR}/engine/*.cpp ${SOURCE_DIR}/engine/*.h
    ${SOURCE_DIR}/backend/*.cpp ${SOURCE_DIR}/backend/*.h
    ${SOURCE_DIR}/agent/*.cpp ${SOURCE_DIR}/agent/*.h
    ${SOURCE_DIR}/client/*.cpp ${SOURCE_DIR}/client/*.h
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/qml/*.cpp ${SOURCE_DIR}/qml/*.h
    ${SOURCE_DIR}/packaging/*.cpp
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
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
