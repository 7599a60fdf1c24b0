#ifndef HOMESHORE_BYTE_SEARCH_H
#define HOMESHORE_BYTE_SEARCH_H
#include <stddef.h>

/// glibc's memmem (a GNU extension that Swift's Glibc module does not declare): the first occurrence of
/// `needle` in `haystack`, or NULL.
const void *homeshore_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
