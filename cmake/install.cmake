# Installing Heard as a desktop program (`cmake --install build [--prefix DIR]`), in the places
# GNUInstallDirs names for Debian:
#   bin/heard                                   the game
#   share/heard/{scripts,assets}                its Lua scripts and fonts (and its icon)
#   share/applications/heard.desktop            the menu entry
#   share/icons/hicolor/{scalable,256x256,48x48}/apps/heard.{svg,png}
#   share/man/man6/heard.6                      the manual page
#   share/doc/heard/                            README.md, docs/, the fonts' licence
# The installed binary finds its data from where it is: bin/ plus the relative path from bin
# to share/heard (game/cli/root.c), so an install under any prefix, or moved whole, works.
include(GNUInstallDirs)

set(HEARD_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/heard)
file(RELATIVE_PATH HEARD_DATA_FROM_BIN ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_DATADIR}/heard)
target_compile_definitions(heard PRIVATE HEARD_DATA_FROM_BIN="${HEARD_DATA_FROM_BIN}"
                                         HEARD_DATA_DIR="${CMAKE_INSTALL_FULL_DATADIR}/heard")

install(TARGETS heard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY scripts DESTINATION ${HEARD_INSTALL_DATADIR})
install(DIRECTORY assets DESTINATION ${HEARD_INSTALL_DATADIR} PATTERN "*.desktop" EXCLUDE)
install(FILES assets/heard.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES assets/icons/heard.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES assets/icons/heard-256.png RENAME heard.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
install(FILES assets/icons/heard-48.png RENAME heard.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/48x48/apps)
install(FILES docs/heard.6 DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN "heard.6" EXCLUDE)
install(FILES assets/fonts/LICENSE RENAME LICENSE.fonts DESTINATION ${CMAKE_INSTALL_DOCDIR})
