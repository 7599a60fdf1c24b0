#ifndef HOMESHORE_CCURL_SHIM_H
#define HOMESHORE_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic: Swift cannot call them.
   These typed wrappers are the only way the Swift side sets options. */
static inline CURLcode hs_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hs_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hs_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hs_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hs_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*hs_data_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode hs_easy_setopt_write(CURL *h, hs_data_callback f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode hs_easy_setopt_read(CURL *h, hs_data_callback f) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, f); }
static inline CURLcode hs_easy_setopt_header(CURL *h, hs_data_callback f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }

static inline CURLcode hs_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode hs_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode hs_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode hs_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode hs_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* CURL_GLOBAL_DEFAULT is a macro expression Swift does not import. */
static inline CURLcode hs_global_init_default(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }

/* CURL_ERROR_SIZE, as a function so Swift sees a plain Int. */
static inline size_t hs_error_size(void) { return CURL_ERROR_SIZE; }

/* CURLMsg keeps the result in a union: read it in C. */
static inline CURLcode hs_msg_result(CURLMsg *msg) { return msg->data.result; }

#endif
