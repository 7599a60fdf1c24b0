#ifndef HOMESHORE_MINHASH_H
#define HOMESHORE_MINHASH_H
#include <stddef.h>
#include <stdint.h>

/// The MinHash signature of `count` shingle hashes under `permutations` hash functions `(a[i] * x + b[i]) >> 32`
/// (64-bit arithmetic, wrapping): `out[i]` is the least value of function `i` over the shingles, UINT32_MAX when
/// there are none. The multiply-adds run in vector registers where the processor has AVX2 or AVX-512.
void homeshore_minhash(const uint64_t *a, const uint64_t *b, size_t permutations, const uint64_t *shingles,
                       size_t count, uint32_t *out);

#endif
