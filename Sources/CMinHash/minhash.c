#include <stdint.h>
#include "minhash.h"

// Compiled three times, for AVX-512 (64-bit multiplies in vectors), AVX2 and plain x86-64; the loader picks the
// one the processor runs (an ifunc). Integer arithmetic only: every version gives the same signature.
#if defined(__x86_64__) && defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
void homeshore_minhash(const uint64_t *restrict a, const uint64_t *restrict b, size_t permutations,
                       const uint64_t *restrict shingles, size_t count, uint32_t *restrict out) {
    for (size_t i = 0; i < permutations; i++) out[i] = UINT32_MAX;
    for (size_t s = 0; s < count; s++) {
        const uint64_t x = shingles[s];
        for (size_t i = 0; i < permutations; i++) {
            const uint32_t v = (uint32_t)((a[i] * x + b[i]) >> 32);
            out[i] = v < out[i] ? v : out[i];
        }
    }
}
