#ifndef OPIK_CURL_SHIM_H
#define OPIK_CURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
   one typed wrapper per argument type. */

/* Write and header callbacks share this shape. */
typedef size_t (*opik_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*opik_curl_xferinfo_callback)(void *userdata, curl_off_t download_total,
                                           curl_off_t downloaded, curl_off_t upload_total,
                                           curl_off_t uploaded);

static inline CURLcode opik_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode opik_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_setopt_data_callback(CURL *handle, CURLoption option,
                                                      opik_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_setopt_xferinfo_callback(CURL *handle, CURLoption option,
                                                          opik_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode opik_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode opik_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode opik_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
