# flotilla_add_test(<source> LIBS <targets...> [GUI] [LABELS ...] [ENVIRONMENT ...])
#
# One test executable per class: tests/<module>/tst_<class>.cpp becomes the executable tst_<class> and the
# CTest test <module>/<class>. GUI tests run with QT_QPA_PLATFORM=offscreen.
function(flotilla_add_test source)
    cmake_parse_arguments(ARG "GUI" "NAME" "LIBS;LABELS;ENVIRONMENT;SOURCES" ${ARGN})
    get_filename_component(name ${source} NAME_WE)
    if(ARG_NAME) # the same source built again, e.g. against another store
        set(name ${ARG_NAME})
    endif()
    get_filename_component(dir ${CMAKE_CURRENT_SOURCE_DIR} NAME)
    qt_add_executable(${name} ${source} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/bin)
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    # A test's own code drives the libraries it tests, which keep their -O2; at -O1 it compiles about a quarter
    # faster (tst_ddiserver.cpp: 11.1 s → 8.4 s), and a hundred test files are most of a cold build.
    target_compile_options(${name} PRIVATE $<$<CONFIG:Release,RelWithDebInfo>:-O1>)
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    string(REGEX REPLACE "^tst_" "" short ${name})
    add_test(NAME ${dir}/${short} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_RULES=*.debug=false" "FLOTILLA_BIN_DIR=${CMAKE_BINARY_DIR}/bin"
            ${ARG_ENVIRONMENT})
    set_tests_properties(${dir}/${short} PROPERTIES ENVIRONMENT "${env}" LABELS "${dir};${ARG_LABELS}")
    # Tests labelled "threads" drive the server's threads (HTTP threads, the embedded server's worker thread, the
    # group-commit writer, PostgreSQL listeners); the tsan preset builds and runs only them (target thread_tests).
    if("threads" IN_LIST ARG_LABELS)
        set_property(GLOBAL APPEND PROPERTY FLOTILLA_THREAD_TESTS ${name})
    endif()
endfunction()
