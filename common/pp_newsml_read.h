/* pp_newsml_read.h - IPTC NewsML-G2 back to release records (docs/newsml.md).
 *
 * pp_newsml_read() parses one document (a newsMessage, or a bare newsItem)
 * with libxml2's tree API, safely: no network (XML_PARSE_NONET), no entity
 * substitution, no DTD loading, and a document that declares any entity is
 * refused before the declaration is used (billion laughs, external
 * entities); documents over PP_NEWSML_READ_MAX_BYTES and elements nested
 * deeper than libxml2's default limit (256) are refused too.
 *
 * Each text newsItem becomes one release record. Items rec2newsml wrote
 * come back field for field (what is not carried: docs/newsml.md); items of
 * other producers are read for headline, subheadline, dateline, located,
 * contentCreated/firstCreated, the body (inlineXML XHTML or NITF, inlineData
 * text), subjects of type person, organisation and geoArea with their
 * asserts, creator/infoSource as issuer. What cannot be read is a record
 * warning. Items that are not text (pictures, video, packages) are reported
 * through the skip callback and not converted.
 */
#ifndef PP_NEWSML_READ_H
#define PP_NEWSML_READ_H

#include <stddef.h>

#include "pp_record.h"
#include "pp_util.h"

#define PP_NEWSML_READ_MAX_BYTES (64L * 1024 * 1024)

typedef struct {
  /* Takes r (the callee frees it). Returns 0 to go on; nonzero stops. */
  int (*item)(pp_record *r, void *ctx);
  /* An item that was not converted, with FILE:LINE and why. */
  void (*skipped)(const pp_error *why, void *ctx);
  void *ctx;
} pp_newsml_read_cb;

/* Reads the document in data (len bytes) called name. Returns 0 when read
 * (items may have been skipped), 1 when a callback stopped it, -1 with *e
 * set (FILE:LINE: reason) when the document is refused: not well-formed,
 * hostile, too large, or holding no newsItem. */
int pp_newsml_read(const char *name, const unsigned char *data, size_t len,
                   const pp_newsml_read_cb *cb, pp_error *e);

#endif
