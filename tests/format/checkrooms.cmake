cmake_minimum_required(VERSION 3.25)
# Rooms visible from every line (ARCHITECTURE.md, "Arrows"): a header of ours is included by its path from the
# repository root ("engine/action.h", never a bare "action.h"), and only from a room the including room may use.
# Fails naming each include that breaks either rule. Tests may include anything.
#
# room (first one or two path parts) -> the rooms its files may include besides itself
set(allowed_engine "")
set(allowed_proto "")
set(allowed_backend "engine;proto")
set(allowed_client "")
set(allowed_agent "proto")
set(allowed_app/common "")
# The console's windows: no backend (only app/console/main.cpp starts the embedded server).
set(allowed_app/console "app/common;client;engine;qml/style;qml/timeline")
set(allowed_app/console/main.cpp "app/common;client;engine;qml/style;qml/timeline;backend")
set(allowed_app/server "app/common;backend;engine;proto")
set(allowed_app/agent "app/common;agent;proto")
set(allowed_app/um "app/common;proto")
set(allowed_app/kiosk "app/common;qml/kiosk;qml/style;proto")
set(allowed_qml/style "")
set(allowed_qml/timeline "qml/style;engine")
set(allowed_qml/kiosk "qml/style;proto")
set(allowed_packaging "")

function(room_of path out)
    string(REPLACE "/" ";" parts "${path}")
    list(GET parts 0 first)
    if(first STREQUAL "app" OR first STREQUAL "qml")
        list(GET parts 1 second)
        set(${out} "${first}/${second}" PARENT_SCOPE)
    else()
        set(${out} "${first}" PARENT_SCOPE)
    endif()
endfunction()

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
set(problems "")
set(checked 0)
foreach(source IN LISTS sources)
    file(STRINGS ${SOURCE_DIR}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[^\"]+\"")
    get_filename_component(dir ${source} DIRECTORY)
    room_of(${source} room)
    if(source MATCHES "^app/console/main\\.cpp$")
        set(may "${allowed_app/console/main.cpp}")
    else()
        set(may "${allowed_${room}}")
    endif()
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([^\"]+)\".*$" "\\1" name "${line}")
        math(EXPR checked "${checked} + 1")
        if(EXISTS ${SOURCE_DIR}/${name} AND NOT IS_DIRECTORY ${SOURCE_DIR}/${name})
            if(source MATCHES "^tests/")
                continue()
            endif()
            room_of(${name} target)
            if(NOT target STREQUAL room AND NOT target IN_LIST may)
                list(APPEND problems "${source}: includes ${name}: ${room} may not use ${target}")
            endif()
        elseif(EXISTS ${SOURCE_DIR}/${dir}/${name})
            # Found only next to the including file: a bare include that hides its room.
            list(APPEND problems "${source}: include \"${name}\" by its room: \"${dir}/${name}\"")
        endif()
        # Anything else is generated (moc, protobuf, QML registration) or outside the tree.
    endforeach()
endforeach()
if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "rooms: includes that break the rules:\n  ${text}")
endif()
list(LENGTH sources count)
message(STATUS "rooms: ${checked} includes in ${count} files by room and along the arrows")
