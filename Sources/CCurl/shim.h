#ifndef OPIK_CURL_SHIM_H
#define OPIK_CURL_SHIM_H
#include <curl/curl.h>
#endif
