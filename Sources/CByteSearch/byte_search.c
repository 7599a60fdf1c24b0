#define _GNU_SOURCE
#include <string.h>
#include "byte_search.h"

const void *homeshore_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return haystack;
    if (needle_length > haystack_length) return NULL;
    // A short haystack (a sentence) is searched from each occurrence of the needle's first byte: glibc's memmem
    // prepares its search (a factorisation of the needle, a shift table) at every call, which cost more than the
    // search itself on a hundred bytes.
    if (haystack_length <= 512) {
        const unsigned char *h = haystack, *n = needle;
        const unsigned char *last = h + (haystack_length - needle_length);
        const unsigned char *p = h;
        while (p <= last) {
            p = memchr(p, n[0], (size_t)(last - p) + 1);
            if (p == NULL) return NULL;
            if (memcmp(p + 1, n + 1, needle_length - 1) == 0) return p;
            p++;
        }
        return NULL;
    }
    return memmem(haystack, haystack_length, needle, needle_length);
}
