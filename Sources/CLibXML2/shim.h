#ifndef HOMESHORE_CLIBXML2_SHIM_H
#define HOMESHORE_CLIBXML2_SHIM_H

/* libxml2 built with ICU clashes with Foundation's ICU ("'UErrorCode' has different definitions"):
   read the version header first and drop the ICU part before anything else is included. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a mutable global function pointer, which Swift 6 rejects: call it through a function. */
static inline void hs_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
