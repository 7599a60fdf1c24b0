#ifndef HOMESHORE_CZLIB_SHIM_H
#define HOMESHORE_CZLIB_SHIM_H
#include <zlib.h>
#endif
