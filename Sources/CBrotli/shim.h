#ifndef HOMESHORE_CBROTLI_SHIM_H
#define HOMESHORE_CBROTLI_SHIM_H
#include <brotli/encode.h>
#include <brotli/decode.h>
#endif
