# The server-rendered web layer's foundation, added to txng_http: message
# catalogues and language negotiation (i18n), the template renderer, and the
# bundle of everything under web/ (templates, catalogues, static assets)
# compiled into the binary. Included by src/http/CMakeLists.txt after
# txng_http is defined.
target_sources(txng_http PRIVATE ${CMAKE_CURRENT_LIST_DIR}/i18n.cc
                                 ${CMAKE_CURRENT_LIST_DIR}/templates.cc)
# kainjow mustache is header-only (libkainjow-mustache-dev, /usr/include).
target_link_libraries(txng_http PUBLIC txng_common nlohmann_json::nlohmann_json)

file(GLOB_RECURSE TXNG_WEB_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/web/*)
txng_embed(txng_http EmbeddedWeb ${PROJECT_SOURCE_DIR}/web ${TXNG_WEB_FILES})

txng_test(web_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/i18n_test.cc ${CMAKE_CURRENT_LIST_DIR}/templates_test.cc
  LIBS txng_http)
