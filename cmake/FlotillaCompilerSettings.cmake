# Compiler settings every Flotilla target gets.

add_compile_definitions(
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    FLOTILLA_VERSION_STRING="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # Our own code: many warnings. Generated code (protoc, moc) gets them too; it builds clean.
    add_compile_options(-Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual
                        -Wcast-qual -Wformat=2 -Wimplicit-fallthrough)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        add_compile_options(-Wno-gnu-zero-variadic-macro-arguments -Wshadow-uncaptured-local)
    else()
        add_compile_options(-Wshadow=local)
    endif()
    if(FLOTILLA_WERROR)
        add_compile_options(-Werror)
    endif()
    if(FLOTILLA_SANITIZE)
        add_compile_options(-fsanitize=${FLOTILLA_SANITIZE} -fno-omit-frame-pointer)
        if(FLOTILLA_SANITIZE MATCHES "undefined")
            add_compile_options(-fno-sanitize-recover=undefined)
        endif()
        if(FLOTILLA_SANITIZE MATCHES "thread" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            # GCC's ThreadSanitizer instrumentation confuses its flow analysis: a Lookup<T> initialised with
            # std::nullopt and moved into (mgmttags.cpp) is "maybe uninitialized" only in this build. The ci
            # preset keeps the warning.
            add_compile_options(-Wno-maybe-uninitialized)
        endif()
        add_link_options(-fsanitize=${FLOTILLA_SANITIZE})
    endif()
endif()

# mold links the hundred-odd programs and tests several times faster than GNU ld (about an eighth of a cold CI's
# CPU went to linking with ld.bfd). Only with GCC and where it is installed (the build root has it); anything else
# links as before.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT FLOTILLA_FUZZ AND CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    find_program(FLOTILLA_MOLD mold)
    if(FLOTILLA_MOLD)
        set(CMAKE_LINKER_TYPE MOLD)
    endif()
endif()
