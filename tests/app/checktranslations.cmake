# lupdate the console's sources into a copy of translations/flotilla_de.ts; fail on any unfinished entry. Includes
# are by room, so the source root is lupdate's include path (it needs the headers to know each tr() context).
file(MAKE_DIRECTORY ${WORK_DIR})
file(COPY_FILE ${SOURCE_DIR}/translations/flotilla_de.ts ${WORK_DIR}/flotilla_de.ts)
execute_process(
    COMMAND ${LUPDATE} ${SOURCE_DIR}/app/console ${SOURCE_DIR}/app/common ${SOURCE_DIR}/client ${SOURCE_DIR}/qml/timeline ${SOURCE_DIR}/qml/style -I ${SOURCE_DIR}
            -no-obsolete -locations none
            -ts ${WORK_DIR}/flotilla_de.ts
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${out}${err}")
endif()
file(STRINGS ${WORK_DIR}/flotilla_de.ts unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished count)
if(count GREATER 0)
    file(STRINGS ${WORK_DIR}/flotilla_de.ts sources REGEX "<source>")
    message(FATAL_ERROR "${count} untranslated string(s) in translations/flotilla_de.ts. Run the update_translations "
                        "target, translate (tools/translate_de.py), and commit.\n${out}")
endif()
# The kiosk's strings, the same way.
file(COPY_FILE ${SOURCE_DIR}/translations/flotilla-kiosk_de.ts ${WORK_DIR}/flotilla-kiosk_de.ts)
execute_process(
    COMMAND ${LUPDATE} ${SOURCE_DIR}/app/kiosk ${SOURCE_DIR}/qml/kiosk -I ${SOURCE_DIR} -no-obsolete -locations none
            -ts ${WORK_DIR}/flotilla-kiosk_de.ts
    RESULT_VARIABLE rc OUTPUT_VARIABLE out2 ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${out2}${err}")
endif()
file(STRINGS ${WORK_DIR}/flotilla-kiosk_de.ts unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished count)
if(count GREATER 0)
    message(FATAL_ERROR "${count} untranslated string(s) in translations/flotilla-kiosk_de.ts. Run lupdate on "
                        "app/kiosk and qml/kiosk, translate (tools/translate_de.py), and commit.\n${out2}")
endif()
message(STATUS "translations complete: ${out}${out2}")
