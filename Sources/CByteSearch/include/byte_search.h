#ifndef HOMESHORE_BYTE_SEARCH_H
#define HOMESHORE_BYTE_SEARCH_H
#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL: glibc's memmem (a GNU extension that Swift's Glibc module does
/// not declare), or for a haystack of at most 512 bytes a search from each occurrence of the needle's first byte.
/// (Same answers either way.)
const void *homeshore_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
