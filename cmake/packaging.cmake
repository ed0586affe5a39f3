# Installing teamsim like a tool: the binary, the shipped scenarios as templates to copy, the docs.
#   cmake --install build/release --prefix ~/.local     (or /usr/local, the default)
#   cmake --build --preset release --target package     -> build/release/teamsim_<version>_<arch>.deb
# The Debian package installs under /usr: /usr/bin/teamsim, /usr/share/teamsim/scenarios/*.yaml
# (and the *.csv hiring plans they name),
# /usr/share/doc/teamsim/. Its dependencies are read off the binary by dpkg-shlibdeps.
include(GNUInstallDirs)
# `make package` and `make install` need only the binary, not the tests and benchmarks.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

install(TARGETS teamsim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/teamsim/scenarios
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.csv")  # .csv: hiring plans they name
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "teamsim")
set(CPACK_PACKAGE_VENDOR "the teamsim authors")
set(CPACK_PACKAGE_CONTACT "teamsim maintainers <teamsim@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Monte Carlo projections of a sales team and its hiring plan")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "teamsim simulates a sales organisation and its hiring plan, described in YAML, "
       "thousands of times and reports revenue, retention, headcount and cash as percentiles, "
       "tables, charts and an HTML report. Example scenarios are in /usr/share/teamsim/scenarios.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
