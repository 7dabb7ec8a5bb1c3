# Every C++ source of ours, relative to SOURCE_DIR, for the format and rooms checks (generated code lives in the
# build tree and is not among them).
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
